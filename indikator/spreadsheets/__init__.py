"""xlsx export and all-or-nothing import of unit indicators and of an SKP's RHK/IKI (core.imports)."""

from indikator.spreadsheets.indikator import export_indikator, import_indikator
from indikator.spreadsheets.skp import SKP_HEADERS, export_skp_rhk, import_skp_rhk

__all__ = [
    "SKP_HEADERS",
    "export_indikator",
    "export_skp_rhk",
    "import_indikator",
    "import_skp_rhk",
]
