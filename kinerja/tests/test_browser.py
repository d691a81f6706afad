"""The ASN's day on a 360 px phone, in a real Chromium: three activities (one with a photo), a
copy to tomorrow, the day submitted; and a save made without signal that arrives once."""

import datetime
import time

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from conftest import login_in_browser
from indikator import demo as indikator_demo
from kinerja import demo
from kinerja.models import Aktivitas, BuktiDukung, Status
from kinerja.tests.conftest import image_bytes
from organisasi import demo as organisasi_demo
from organisasi.models import Pegawai

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


class Taps:
    """Counts what the thumb does: a tap on a control, or a tap into a field and typing."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def fill(self, locator, value):
        self.count += 1
        locator.fill(value)


@pytest.fixture
def demo_asn(live_server):
    today = timezone.localdate()
    if today.year != indikator_demo.TAHUN:
        pytest.skip(f"the demo SKP is for {indikator_demo.TAHUN}")
    organisasi_demo.seed()
    indikator_demo.seed()
    demo.seed()
    return Pegawai.objects.filter(jabatan__kode=demo.ASN_JABATAN).order_by("pk").first()


def _log(taps, page, *, uraian, mulai, selesai, output, satuan, photo=None):
    taps.fill(page.get_by_label("Apa yang dikerjakan?"), uraian)
    taps.fill(page.get_by_label("Jam mulai"), mulai)
    taps.fill(page.get_by_label("Jam selesai"), selesai)
    taps.fill(page.get_by_label("Output"), output)
    taps.fill(page.get_by_label("Satuan"), satuan)
    if photo:
        taps.click(page.get_by_text("Bukti dukung (foto, berkas atau tautan)"))
        taps.count += 1  # choosing the photo in the phone's picker
        page.get_by_label("Foto / berkas bukti").set_input_files(
            {
                "name": "IMG_0001.jpg",
                "mimeType": "image/jpeg",
                "buffer": image_bytes("JPEG", (1600, 1200)),
            }
        )
    cards = page.locator(".aktivitas-card").count()
    taps.click(page.get_by_role("button", name="Simpan"))
    expect(page.locator(".aktivitas-card")).to_have_count(cards + 1)


def test_the_demo_asn_logs_a_day_on_a_phone_copies_one_to_tomorrow_and_submits(
    live_server, phone_page, demo_asn
):
    page, today = phone_page, timezone.localdate()
    login_in_browser(page, live_server, demo_asn.nip, settings.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/kinerja/")
    taps = Taps(page)

    started = time.monotonic()
    _log(
        taps,
        page,
        uraian="Memantau pengangkutan sampah di 8 TPS Kelurahan Sidodadi",
        mulai="07:30",
        selesai="10:00",
        output="8",
        satuan="TPS",
        photo=True,
    )
    _log(
        taps,
        page,
        uraian="Memeriksa kebersihan TPS Jalan Juanda setelah pengangkutan",
        mulai="10:00",
        selesai="12:00",
        output="1",
        satuan="laporan",
    )
    _log(
        taps,
        page,
        uraian="Menindaklanjuti dua aduan warga tentang sampah menumpuk",
        mulai="13:00",
        selesai="15:30",
        output="2",
        satuan="aduan",
    )
    logged = time.monotonic() - started

    taps.click(page.get_by_text("Salin ke…").first)
    taps.click(page.get_by_role("button", name="Salin", exact=True).first)
    page.wait_for_selector("text=sebagai draft")
    taps.click(page.get_by_role("link", name="Ke hari ini"))
    taps.click(page.get_by_role("button", name="Ajukan 3 aktivitas hari ini ke atasan"))
    page.wait_for_selector("text=3 aktivitas diajukan kepada atasan.")

    assert page.locator(".aktivitas-card .skp-status-diajukan").count() == 3
    assert (
        list(
            Aktivitas.objects.filter(pegawai=demo_asn, tanggal=today).values_list(
                "status", flat=True
            )
        )
        == [Status.DIAJUKAN] * 3
    )
    assert (
        Aktivitas.objects.filter(
            pegawai=demo_asn, tanggal=today + datetime.timedelta(days=1)
        ).count()
        == 1
    )
    assert (
        BuktiDukung.objects.filter(
            aktivitas__pegawai=demo_asn, aktivitas__tanggal=today
        ).count()
        == 1
    )
    print(
        f"\n[journey] three activities logged in {logged:.1f} s with {taps.count} taps in all "
        f"(the whole journey incl. copy and submit)"
    )


def test_a_save_made_without_signal_arrives_once_when_the_signal_returns(
    live_server, phone_page, demo_asn
):
    page = phone_page
    login_in_browser(page, live_server, demo_asn.nip, settings.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/kinerja/")
    page.get_by_label("Apa yang dikerjakan?").fill(
        "Memantau pengangkutan sampah di TPS Pasar Pagi tanpa sinyal"
    )
    page.get_by_label("Jam mulai").fill("08:00")
    page.get_by_label("Jam selesai").fill("09:00")

    page.context.set_offline(True)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_selector("text=menunggu sinyal")
    assert (
        Aktivitas.objects.filter(
            pegawai=demo_asn, uraian__contains="tanpa sinyal"
        ).count()
        == 0
    )
    page.context.set_offline(False)
    page.wait_for_selector("text=Aktivitas tersimpan.", timeout=30_000)

    assert (
        Aktivitas.objects.filter(
            pegawai=demo_asn, uraian__contains="tanpa sinyal"
        ).count()
        == 1
    )
    assert (
        page.get_by_text(
            "Memantau pengangkutan sampah di TPS Pasar Pagi tanpa sinyal"
        ).count()
        == 1
    )


def test_what_was_typed_survives_a_reload_until_it_is_saved(
    live_server, phone_page, demo_asn
):
    page = phone_page
    login_in_browser(page, live_server, demo_asn.nip, settings.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/kinerja/")
    page.get_by_label("Apa yang dikerjakan?").fill(
        "Mengawasi penyapuan jalan di Jalan Pahlawan"
    )

    page.reload()

    assert (
        page.get_by_label("Apa yang dikerjakan?").input_value()
        == "Mengawasi penyapuan jalan di Jalan Pahlawan"
    )
    page.get_by_role("button", name="Simpan").dblclick()
    page.wait_for_selector("text=Aktivitas tersimpan.")
    page.reload()
    assert page.get_by_label("Apa yang dikerjakan?").input_value() == ""
    assert (
        Aktivitas.objects.filter(
            pegawai=demo_asn, uraian__startswith="Mengawasi penyapuan"
        ).count()
        == 1
    )
