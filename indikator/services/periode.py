"""Performance years: creating them with their months or quarters, changing and locking them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from core.dates import month_end
from indikator import permissions
from indikator.models import Periode, PeriodePenilaian, RealisasiIndikator

QUARTER_NAMES = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
MONTH_NAMES = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
# Due dates after a period ends; the design gives none, so BKPSDM edits them per period.
REALISASI_DUE_DAYS = 5
EVALUASI_DUE_DAYS = 10


def period_spans(
    tahun: int, skema: str
) -> list[tuple[str, datetime.date, datetime.date]]:
    """(nama, mulai, selesai) of every month or quarter of the year."""
    if skema == Periode.Skema.BULANAN:
        return [
            (MONTH_NAMES[m - 1], datetime.date(tahun, m, 1), month_end(tahun, m))
            for m in range(1, 13)
        ]
    return [
        (
            QUARTER_NAMES[q],
            datetime.date(tahun, 3 * q + 1, 1),
            month_end(tahun, 3 * q + 3),
        )
        for q in range(4)
    ]


@transaction.atomic
def create_periode(
    *, tahun: int, skema: str, batas_penetapan_skp: datetime.date | None = None
) -> Periode:
    """Create a year with its months or quarters and their default due dates."""
    periode = Periode(
        tahun=tahun,
        skema=skema,
        batas_penetapan_skp=batas_penetapan_skp or datetime.date(tahun, 1, 31),
    )
    periode.full_clean()
    periode.save()
    _create_periode_penilaian(periode)
    return periode


def _create_periode_penilaian(periode):
    for nomor, (nama, mulai, selesai) in enumerate(
        period_spans(periode.tahun, periode.skema), start=1
    ):
        PeriodePenilaian.objects.create(
            periode=periode,
            nomor=nomor,
            nama=nama,
            mulai=mulai,
            selesai=selesai,
            batas_realisasi=selesai + datetime.timedelta(days=REALISASI_DUE_DAYS),
            batas_evaluasi=selesai + datetime.timedelta(days=EVALUASI_DUE_DAYS),
        )


def require_reason_when_locked(locked: bool, by, alasan: str) -> None:
    """A change to locked data needs BKPSDM and a written reason; raises ValidationError otherwise."""
    if not locked:
        return
    if not permissions.can_change_locked_periode(by):
        raise ValidationError(
            "Periode ini terkunci; hanya BKPSDM yang dapat mengubahnya."
        )
    if not alasan.strip():
        raise ValidationError("Periode terkunci: tuliskan alasan perubahan.")


@transaction.atomic
def update_periode(
    periode: Periode, *, periode_penilaian_list=(), by, alasan: str = ""
) -> Periode:
    """Save changed settings of a year and of its months/quarters (due dates, locks).

    A locked year, and a change to (or the unlocking of) a locked month/quarter, needs BKPSDM
    and a recorded reason. Changing the scheme rebuilds the months/quarters (their edits are
    then dropped), refused once realisations exist.
    """
    before = Periode.objects.get(pk=periode.pk)
    locked_before = set(
        PeriodePenilaian.objects.filter(
            pk__in=[p.pk for p in periode_penilaian_list], terkunci=True
        ).values_list("pk", flat=True)
    )
    require_reason_when_locked(
        (before.terkunci and periode.terkunci) or bool(locked_before), by, alasan
    )
    reason = alasan.strip() or None
    if before.skema != periode.skema:
        if RealisasiIndikator.objects.filter(
            periode_penilaian__periode=periode
        ).exists():
            raise ValidationError(
                {
                    "skema": "Skema tidak dapat diganti: sudah ada realisasi pada periode ini."
                }
            )
        PeriodePenilaian.objects.filter(periode=periode).delete()
        _create_periode_penilaian(periode)
    else:
        for periode_penilaian in periode_penilaian_list:
            periode_penilaian._change_reason = reason
            periode_penilaian.save()
    periode._change_reason = reason
    periode.save()
    return periode


@transaction.atomic
def set_periode_lock(
    periode: Periode, *, terkunci: bool, by, alasan: str = ""
) -> Periode:
    """Lock or unlock a year; unlocking needs a reason, which the history records."""
    if not terkunci and not alasan.strip():
        raise ValidationError({"alasan": "Tuliskan alasan membuka kunci periode."})
    periode.terkunci = terkunci
    periode._change_reason = alasan.strip() or None
    periode.save()
    return periode
