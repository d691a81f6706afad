import pytest
from django.conf import settings

from conftest import login_in_browser
from indikator import demo
from indikator.models import Skp
from organisasi import demo as organisasi_demo
from organisasi.models import Pegawai

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def _switch_user(page, live_server, nip):
    page.context.clear_cookies()
    login_in_browser(page, live_server, nip, settings.DEMO_PASSWORD)


def test_skp_cycle_from_matriks_to_approval_for_the_demo_accounts(
    live_server, desktop_page
):
    organisasi_demo.seed()
    demo.seed()
    atasan = (
        Pegawai.objects.filter(jabatan__kode="DLH-SAMPAH-1-KASI")
        .order_by("nip")
        .first()
    )
    asn = (
        Pegawai.objects.filter(jabatan__kode="DLH-SAMPAH-1-PENGAWAS")
        .order_by("nip")
        .first()
    )
    page = desktop_page

    # The atasan fills the matriks peran hasil and pushes it.
    _switch_user(page, live_server, atasan.nip)
    page.goto(f"{live_server.url}/indikator/skp/bawahan/")
    page.get_by_role("link", name="Matriks peran hasil").click()
    page.get_by_label(
        f"Peran hasil {asn.nama_lengkap} untuk Jumlah TPS yang terlayani"
    ).fill("Terangkutnya sampah dari 8 TPS Kelurahan Sidodadi setiap hari")
    page.get_by_role("button", name="Simpan dan dorong ke SKP bawahan").click()
    page.wait_for_selector("text=1 RHK dibuat")

    # The subordinate opens the pushed draft, adds an IKI and submits.
    _switch_user(page, live_server, asn.nip)
    page.goto(f"{live_server.url}/indikator/skp/")
    page.get_by_role("link", name="SKP 2026").click()
    assert page.get_by_text(
        "Terangkutnya sampah dari 8 TPS Kelurahan Sidodadi setiap hari"
    ).is_visible()
    page.get_by_role("link", name="Tambah indikator").click()
    page.get_by_label("Aspek").select_option("kuantitas")
    page.get_by_label("Indikator kinerja individu").fill(
        "Jumlah TPS yang diangkut tepat waktu"
    )
    page.get_by_label("Target", exact=True).fill("8")
    page.get_by_label("Satuan").fill("TPS")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    page.wait_for_selector("text=SKP diajukan kepada pejabat penilai.")

    # The atasan returns it with a reason.
    _switch_user(page, live_server, atasan.nip)
    page.goto(f"{live_server.url}/indikator/skp/bawahan/")
    page.get_by_role("link", name="Tinjau").click()
    page.get_by_label("Alasan").fill(
        "Tambahkan indikator kualitas untuk kebersihan TPS."
    )
    page.get_by_role("button", name="Kembalikan").click()
    page.wait_for_selector("text=SKP dikembalikan kepada pegawai.")

    # The subordinate sees the reason, fixes and resubmits.
    _switch_user(page, live_server, asn.nip)
    page.goto(f"{live_server.url}/indikator/skp/")
    page.get_by_role("link", name="SKP 2026").click()
    assert (
        "Tambahkan indikator kualitas untuk kebersihan TPS."
        in page.get_by_role("alert").inner_text()
    )
    page.get_by_role("link", name="Tambah indikator").click()
    page.get_by_label("Aspek").select_option("kualitas")
    page.get_by_label("Indikator kinerja individu").fill(
        "Persentase TPS bersih setelah pengangkutan"
    )
    page.get_by_label("Target", exact=True).fill("95")
    page.get_by_label("Satuan").fill("%")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    page.wait_for_selector("text=SKP diajukan kepada pejabat penilai.")

    # The atasan approves.
    _switch_user(page, live_server, atasan.nip)
    page.goto(f"{live_server.url}/indikator/skp/bawahan/")
    page.get_by_role("link", name="Tinjau").click()
    page.get_by_role("button", name="Setujui SKP").click()
    page.wait_for_selector("text=SKP disetujui.")

    skp = Skp.objects.get(pegawai=asn)
    assert skp.status == Skp.Status.DISETUJUI
    assert skp.rencanahasilkerja_set.get().indikatorkinerjaindividu_set.count() == 2
    assert [h.status for h in skp.history.order_by("history_date")][-5:] == [
        "draft",
        "diajukan",
        "dikembalikan",
        "diajukan",
        "disetujui",
    ]
