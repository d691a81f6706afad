import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from indikator import services
from indikator.models import PerilakuKerja

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_skp_pdf_has_the_official_blocks_and_contents(client, org, chain, staf_draft):
    staf_draft.dukungan_sumber_daya = "Truk pengangkut sampah dua unit"
    staf_draft.save()
    services.save_ekspektasi(
        staf_draft,
        uraian_by_perilaku={PerilakuKerja.objects.get(urutan=1).pk: "Respons aduan"},
    )
    client.force_login(org.staf.akun)

    response = client.get(reverse("indikator:skp_pdf", args=[staf_draft.pk]))

    text, reader = _pdf_text(response.content)
    assert response["Content-Type"] == "application/pdf"
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4 portrait
    for expected in [
        "SASARAN KINERJA PEGAWAI",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "Staf A1",
        org.staf.nip,
        "Kasi A",
        org.kasi.nip,
        "Tertanganinya sampah",
        "Terangkutnya sampah TPS",
        "Kuantitas",
        "12 dokumen",
        "PERILAKU KERJA",
        "Berorientasi Pelayanan",
        "Respons aduan",
        "Bertindak proaktif",
        "DUKUNGAN SUMBER DAYA",
        "Truk pengangkut sampah dua unit",
        "SKEMA PERTANGGUNGJAWABAN",
        "KONSEKUENSI",
        "Pegawai yang Dinilai",
        "Kabid A",
    ]:
        assert expected in text, expected


def test_skp_pdf_of_another_opd_is_404(client, org, staf_draft):
    client.force_login(org.staf_b.akun)

    assert (
        client.get(reverse("indikator:skp_pdf", args=[staf_draft.pk])).status_code
        == 404
    )
