"""kinerja's views, one module per topic: the ASN's days, weeks and months (`aktivitas`), the
atasan's review (`tim`), evidence (`bukti`), realisations (`realisasi`) and exports (`ekspor`)."""

from kinerja.views.aktivitas import (
    aktivitas_copy,
    aktivitas_create,
    aktivitas_delete,
    aktivitas_detail,
    aktivitas_submit,
    aktivitas_update,
    day,
    day_copy,
    day_submit,
    month,
    week,
    week_copy,
    week_submit,
)
from kinerja.views.bukti import aktivitas_bukti_add, bukti_delete, bukti_download
from kinerja.views.ekspor import export, unit_export
from kinerja.views.realisasi import (
    realisasi_decide,
    realisasi_list,
    realisasi_period,
    realisasi_period_of,
    realisasi_save,
    realisasi_submit,
)
from kinerja.views.tim import team, team_decide, team_review

__all__ = [
    "aktivitas_bukti_add",
    "aktivitas_copy",
    "aktivitas_create",
    "aktivitas_delete",
    "aktivitas_detail",
    "aktivitas_submit",
    "aktivitas_update",
    "bukti_delete",
    "bukti_download",
    "day",
    "day_copy",
    "day_submit",
    "export",
    "month",
    "realisasi_decide",
    "realisasi_list",
    "realisasi_period",
    "realisasi_period_of",
    "realisasi_save",
    "realisasi_submit",
    "team",
    "team_decide",
    "team_review",
    "unit_export",
    "week",
    "week_copy",
    "week_submit",
]
