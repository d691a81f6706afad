"""State changes of periods, unit indicators and SKP (one verb each), one module per topic."""

from indikator.services.indikator import save_indikator, save_realisasi_indikator
from indikator.services.matriks import push_matriks, save_and_push_matriks, save_matriks
from indikator.services.periode import (
    create_periode,
    period_spans,
    set_periode_lock,
    update_periode,
)
from indikator.services.rhk import add_rhk, copy_forward_skp, delete_rhk
from indikator.services.skp import (
    approve_skp,
    create_skp,
    delete_skp,
    reopen_skp,
    request_revision,
    return_skp,
    save_ekspektasi,
    snapshot_of,
    submission_problems,
    submit_skp,
    update_skp,
)

__all__ = [
    "add_rhk",
    "approve_skp",
    "copy_forward_skp",
    "create_periode",
    "create_skp",
    "delete_rhk",
    "delete_skp",
    "period_spans",
    "push_matriks",
    "reopen_skp",
    "request_revision",
    "return_skp",
    "save_and_push_matriks",
    "save_ekspektasi",
    "save_indikator",
    "save_matriks",
    "save_realisasi_indikator",
    "set_periode_lock",
    "snapshot_of",
    "submission_problems",
    "submit_skp",
    "update_periode",
    "update_skp",
]
