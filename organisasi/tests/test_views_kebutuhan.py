"""The needs register pages."""

import pytest
from django.urls import reverse

from organisasi.forms import KebutuhanForm
from organisasi.models import Kebutuhan
from organisasi.tests.factories import (
    KebutuhanFactory,
    SurveiFactory,
    answer,
    skm_survei,
)

pytestmark = pytest.mark.django_db


def test_weakest_unsur_becomes_a_prefilled_need(client, org):
    survei = skm_survei(unit=org.bidang_a)
    answer(survei, [3, 3, 1, 3, 3, 3, 3, 3, 3])
    weakest = survei.pertanyaan_set.get(urutan=3)
    client.force_login(org.pengelola.akun)
    url = (
        reverse("organisasi:kebutuhan_create")
        + f"?survei={survei.pk}&pertanyaan={weakest.pk}"
    )
    form = client.get(url).context["form"]
    data = {key: value for key, value in form.initial.items() if value is not None}
    data["unit"] = org.bidang_a.pk

    response = client.post(url, data)

    kebutuhan = Kebutuhan.objects.get()
    assert response.status_code == 302
    assert kebutuhan.pertanyaan == weakest
    assert kebutuhan.survei == survei
    assert kebutuhan.sumber == Kebutuhan.Sumber.TEMUAN_SURVEI
    assert "Waktu Penyelesaian: NRR 1,00" in kebutuhan.bukti


def test_need_from_a_survey_of_another_opd_is_hidden(client, org):
    survei = skm_survei(unit=org.opd_b)
    client.force_login(org.pengelola.akun)
    url = (
        reverse("organisasi:kebutuhan_create")
        + f"?survei={survei.pk}&pertanyaan={survei.pertanyaan_set.first().pk}"
    )

    assert client.get(url).status_code == 404


def test_asn_sees_only_needs_of_their_unit_and_above(client, org):
    own = KebutuhanFactory(unit=org.seksi_a, judul="Seksi")
    above = KebutuhanFactory(unit=org.opd_a, judul="Dinas")
    KebutuhanFactory(unit=org.opd_b, judul="Lain")
    client.force_login(org.staf.akun)

    response = client.get(reverse("organisasi:kebutuhan_list"))

    assert sorted(k.judul for k in response.context["page"]) == sorted(
        [own.judul, above.judul]
    )


def test_need_list_htmx_request_gets_only_the_results(client, org):
    KebutuhanFactory(unit=org.opd_a, judul="Armada kurang")
    client.force_login(org.admin.akun)

    response = client.get(
        reverse("organisasi:kebutuhan_list"),
        {"q": "armada"},
        headers={"HX-Request": "true"},
    )

    assert b"Armada kurang" in response.content
    assert b"<html" not in response.content


def test_need_status_change_is_recorded_in_history(client, org):
    kebutuhan = KebutuhanFactory(unit=org.opd_a)
    client.force_login(org.pengelola.akun)

    client.post(
        reverse("organisasi:kebutuhan_status", args=[kebutuhan.pk]),
        {"status": "ditindaklanjuti"},
    )

    record = kebutuhan.history.latest()
    assert record.status == "ditindaklanjuti"
    assert record.history_user == org.pengelola.akun


def test_need_list_query_count_does_not_grow_with_rows(
    client, org, django_assert_num_queries
):
    client.force_login(org.admin.akun)
    KebutuhanFactory(unit=org.opd_a, pemilik=org.staf)
    client.get(reverse("organisasi:kebutuhan_list"))
    with django_assert_num_queries(6) as one:
        client.get(reverse("organisasi:kebutuhan_list"))
    KebutuhanFactory(unit=org.opd_a, pemilik=org.kasi)
    KebutuhanFactory(unit=org.opd_b, pemilik=org.staf_b)

    with django_assert_num_queries(len(one)):
        client.get(reverse("organisasi:kebutuhan_list"))


def _kebutuhan_data(org, **extra):
    data = {
        "judul": "Armada",
        "unit": org.bidang_a.pk,
        "sumber": "evaluasi_program",
        "deskripsi": "Kurang.",
        "prioritas": "sedang",
        "pemilik_nip": "",
        "bukti": "",
    }
    return {**data, **extra}


def test_need_form_takes_the_penanggung_jawab_by_nip_instead_of_listing_every_pegawai(
    client, org
):
    client.force_login(org.admin.akun)

    form = client.get(reverse("organisasi:kebutuhan_create")).context["form"]
    client.post(
        reverse("organisasi:kebutuhan_create"),
        _kebutuhan_data(org, pemilik_nip=org.kasi.nip),
    )

    assert "pemilik" not in form.fields and "pemilik_nip" in form.fields
    assert Kebutuhan.objects.get().pemilik == org.kasi


def test_need_form_refuses_a_penanggung_jawab_of_another_opd(client, org):
    client.force_login(org.admin.akun)

    response = client.post(
        reverse("organisasi:kebutuhan_create"),
        _kebutuhan_data(org, pemilik_nip=org.staf_b.nip),
    )

    assert response.context["form"].errors["pemilik_nip"] == [
        KebutuhanForm.TIDAK_DITEMUKAN
    ]
    assert not Kebutuhan.objects.exists()


@pytest.mark.parametrize("unit", ["bidang_a", ""], ids=["unit dipilih", "unit kosong"])
def test_a_pengelola_cannot_tell_an_unknown_nip_from_one_in_another_opd(
    client, org, unit
):
    from organisasi.tests.factories import PegawaiFactory

    client.force_login(org.pengelola.akun)
    inactive = PegawaiFactory(jabatan=org.staf.jabatan, aktif=False)
    unit_pk = getattr(org, unit).pk if unit else ""

    def errors_for(nip):
        response = client.post(
            reverse("organisasi:kebutuhan_create"),
            _kebutuhan_data(org, unit=unit_pk, pemilik_nip=nip),
        )
        return response.context["form"].errors.get("pemilik_nip")

    answers = [
        errors_for(nip) for nip in (org.staf_b.nip, "196608011988031999", inactive.nip)
    ]

    assert answers[0] == answers[1] == answers[2]
    assert not Kebutuhan.objects.exists()


def test_need_page_links_to_the_survey_it_came_from(client, org):
    survei = SurveiFactory(unit=org.opd_a)
    kebutuhan = KebutuhanFactory(unit=org.opd_a, survei=survei)
    client.force_login(org.pengelola.akun)

    body = client.get(kebutuhan.get_absolute_url()).content.decode()

    assert f'href="{survei.get_absolute_url()}" data-testid="survei-asal"' in body


def test_need_closed_without_an_answer_shows_the_reason_in_its_history(client, org):
    kebutuhan = KebutuhanFactory(unit=org.opd_a, status="ditindaklanjuti")
    client.force_login(org.pengelola.akun)

    client.post(
        reverse("organisasi:kebutuhan_status", args=[kebutuhan.pk]),
        {"status": "selesai", "alasan": "Sudah dianggarkan di APBD-P"},
    )

    body = client.get(kebutuhan.get_absolute_url()).content.decode()
    assert "Alasan: Sudah dianggarkan di APBD-P" in body


def test_need_without_an_answer_and_reason_stays_open(client, org):
    kebutuhan = KebutuhanFactory(unit=org.opd_a, status="ditindaklanjuti")
    client.force_login(org.pengelola.akun)

    client.post(
        reverse("organisasi:kebutuhan_status", args=[kebutuhan.pk]),
        {"status": "selesai"},
    )

    kebutuhan.refresh_from_db()
    assert kebutuhan.status == "ditindaklanjuti"
