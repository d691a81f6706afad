import re

import pytest
from playwright.sync_api import expect

from conftest import login_in_browser
from organisasi.models import Kebutuhan
from organisasi.tests.factories import answer, skm_survei

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_citizen_answers_on_a_phone_and_pengelola_turns_the_weakest_unsur_into_a_need(
    org, live_server, phone_page, desktop_page
):
    survei = skm_survei(unit=org.bidang_a, judul="SKM Pengangkutan Sampah")
    answer(survei, [3, 3, 2, 3, 3, 3, 3, 3, 3])
    answer(survei, [4, 3, 2, 3, 4, 3, 3, 3, 3])
    pengelola = desktop_page
    login_in_browser(pengelola, live_server, org.pengelola.nip)
    pengelola.goto(f"{live_server.url}/organisasi/survei/{survei.pk}/hasil/")
    expect(pengelola.get_by_test_id("responden")).to_contain_text("2 dari target")

    warga = phone_page
    warga.goto(f"{live_server.url}/s/{survei.token}/")
    for index, fieldset in enumerate(warga.locator("fieldset").all()):
        fieldset.locator("label.answer-option").nth(0 if index == 2 else 3).click()
    warga.get_by_role("button", name="Kirim jawaban").click()
    expect(warga.get_by_role("heading", name="Terima kasih!")).to_be_visible()

    pengelola.get_by_role("link", name="Perbarui").click()
    expect(pengelola.get_by_test_id("responden")).to_contain_text("3 dari target")
    weakest = pengelola.locator("tr", has_text="Terendah")
    expect(weakest).to_contain_text("Waktu Penyelesaian")
    weakest.get_by_role("link", name="Jadikan kebutuhan").click()
    expect(pengelola.get_by_label("Bukti/temuan")).to_have_value(
        re.compile("NRR 1,67 dari 3 jawaban")
    )
    pengelola.get_by_role("button", name="Simpan kebutuhan").click()

    expect(
        pengelola.get_by_role("heading", name="Perbaikan unsur Waktu Penyelesaian")
    ).to_be_visible()
    assert Kebutuhan.objects.get().pertanyaan.unsur == "Waktu Penyelesaian"
