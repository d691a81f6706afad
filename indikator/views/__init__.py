"""indikator's views, one module per topic; urls.py reaches them all through this package."""

from indikator.views.documents import skp_export, skp_import, skp_pdf
from indikator.views.indikator import (
    indikator_create,
    indikator_detail,
    indikator_export,
    indikator_import,
    indikator_list,
    indikator_update,
    realisasi_save,
    sasaran_create,
)
from indikator.views.matriks import matriks
from indikator.views.periode import periode_create, periode_detail, periode_list, periode_lock, periode_update
from indikator.views.rhk import iki_create, iki_delete, iki_update, rhk_create, rhk_delete, rhk_update
from indikator.views.skp import (
    ekspektasi_update,
    skp_approve,
    skp_bawahan,
    skp_copy_forward,
    skp_create,
    skp_delete,
    skp_detail,
    skp_list,
    skp_reopen,
    skp_return,
    skp_submit,
    skp_update,
)

__all__ = [
    "ekspektasi_update",
    "iki_create",
    "iki_delete",
    "iki_update",
    "indikator_create",
    "indikator_detail",
    "indikator_export",
    "indikator_import",
    "indikator_list",
    "indikator_update",
    "matriks",
    "periode_create",
    "periode_detail",
    "periode_list",
    "periode_lock",
    "periode_update",
    "realisasi_save",
    "rhk_create",
    "rhk_delete",
    "rhk_update",
    "sasaran_create",
    "skp_approve",
    "skp_bawahan",
    "skp_copy_forward",
    "skp_create",
    "skp_delete",
    "skp_detail",
    "skp_export",
    "skp_import",
    "skp_list",
    "skp_pdf",
    "skp_reopen",
    "skp_return",
    "skp_submit",
    "skp_update",
]
