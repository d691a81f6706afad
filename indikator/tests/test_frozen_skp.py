"""An approved SKP is a frozen document: what was approved stays on its page and PDF."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from indikator import services
from indikator.models import PanduanPerilaku, Skp

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(org, staf_draft):
    services.submit_skp(staf_draft, by=org.staf.akun)
    return services.approve_skp(staf_draft, by=org.kasi.akun)


def _change_rhk_above(chain):
    chain.rhk_kasi.uraian = "Terkelolanya persampahan kota"
    chain.rhk_kasi.save()


def _pdf_text(client, skp):
    response = client.get(reverse("indikator:skp_pdf", args=[skp.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")


def test_approval_keeps_the_rhk_atasan_text_the_guides_and_the_officials(approved):
    record = approved.persetujuan

    rhk = approved.rencanahasilkerja_set.get()
    assert record["rhk"][str(rhk.pk)]["rhk_atasan"] == "Tertanganinya sampah"
    assert record["perilaku"][0]["panduan"]
    assert record["pejabat"]["penilai"]["nama"] == approved.snapshot["penilai"]["nama"]


@pytest.mark.parametrize("viewer", ["staf", "kasi"])
def test_page_shows_the_approved_rhk_atasan_and_the_change_above(
    client, org, chain, approved, viewer
):
    _change_rhk_above(chain)
    client.force_login(getattr(org, viewer).akun)

    page = client.get(approved.get_absolute_url()).content.decode()

    assert "Tertanganinya sampah" in page
    assert "Terkelolanya persampahan kota" not in page
    assert "RHK atasan berubah setelah persetujuan" in page
    assert ("Minta revisi SKP" in page) == (viewer == "kasi")


def test_pdf_shows_the_approved_text_after_a_change_above(client, org, chain, approved):
    _change_rhk_above(chain)
    client.force_login(org.staf.akun)

    text = _pdf_text(client, approved)

    assert "Tertanganinya sampah" in text
    assert "Terkelolanya persampahan kota" not in text
    assert "RHK atasan berubah setelah persetujuan" in text


def test_page_and_pdf_keep_the_guides_as_approved(client, org, approved):
    panduan = PanduanPerilaku.objects.get(uraian="Bertindak proaktif")
    panduan.uraian = "Panduan baru"
    panduan.save()
    client.force_login(org.staf.akun)

    page = client.get(approved.get_absolute_url()).content.decode()

    assert "Bertindak proaktif" in page and "Panduan baru" not in page
    assert "Bertindak proaktif" in _pdf_text(client, approved)


def test_unchanged_approved_skp_shows_no_warning(client, org, approved):
    client.force_login(org.kasi.akun)

    page = client.get(approved.get_absolute_url()).content.decode()

    assert "RHK atasan berubah" not in page


def test_penilai_asks_for_a_revision_after_a_change_above(client, org, chain, approved):
    _change_rhk_above(chain)
    client.force_login(org.kasi.akun)

    response = client.post(
        reverse("indikator:skp_request_revision", args=[approved.pk]),
        {"alasan": "Sesuaikan dengan RHK saya yang baru"},
    )

    approved.refresh_from_db()
    assert response.status_code == 302
    assert approved.status == Skp.Status.DIKEMBALIKAN
    assert "Sesuaikan dengan RHK saya yang baru" in approved.alasan_pengembalian


def test_revision_is_refused_while_nothing_above_changed(org, approved):
    with pytest.raises(ValidationError, match="tidak berubah"):
        services.request_revision(approved, by=org.kasi.akun, alasan="Ganti")


def test_revision_needs_a_reason(org, chain, approved):
    _change_rhk_above(chain)

    with pytest.raises(ValidationError, match="wajib"):
        services.request_revision(approved, by=org.kasi.akun, alasan=" ")


def test_only_the_penilai_asks_for_a_revision(org, chain, approved):
    _change_rhk_above(chain)

    with pytest.raises(ValidationError):
        services.request_revision(approved, by=org.kabid.akun, alasan="Ganti")
