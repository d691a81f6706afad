"""Reads that are more than one QuerySet method, one module per topic; public names re-exported here."""

from organisasi.queries.beranda import home_context, home_lines
from organisasi.queries.struktur import pegawai_totals
from organisasi.queries.survei import (
    PROFIL_FIELDS,
    TEKS_TERBARU,
    HasilPertanyaan,
    HasilSurvei,
    answer_labels,
    compute_hasil,
    compute_profil,
    has_answered,
)

__all__ = [
    "PROFIL_FIELDS",
    "TEKS_TERBARU",
    "HasilPertanyaan",
    "HasilSurvei",
    "answer_labels",
    "compute_hasil",
    "compute_profil",
    "has_answered",
    "home_context",
    "home_lines",
    "pegawai_totals",
]
