"""Unit indicators and their realisasi per month or quarter."""

from django.core.exceptions import ValidationError
from django.db import transaction

from indikator.models import (
    IndikatorKinerja,
    Periode,
    PeriodePenilaian,
    RealisasiIndikator,
)
from indikator.services.periode import require_reason_when_locked


@transaction.atomic
def save_indikator(
    indikator: IndikatorKinerja, *, kebutuhan=None, by, alasan: str = ""
) -> IndikatorKinerja:
    """Save a new or changed unit indicator and, when given, the needs it answers.

    A locked year (old or new) needs BKPSDM and a reason; raises ValidationError otherwise.
    """
    years = {indikator.tahun}
    if indikator.pk:
        years.add(
            IndikatorKinerja.objects.values_list("tahun", flat=True).get(
                pk=indikator.pk
            )
        )
    require_reason_when_locked(
        Periode.objects.filter(tahun__in=years, terkunci=True).exists(), by, alasan
    )
    indikator._change_reason = alasan.strip() or None
    indikator.save()
    if kebutuhan is not None:
        indikator.kebutuhan.set(kebutuhan)
    return indikator


@transaction.atomic
def save_realisasi_indikator(
    indikator: IndikatorKinerja,
    periode_penilaian: PeriodePenilaian,
    *,
    nilai,
    keterangan: str = "",
    by,
    alasan: str = "",
) -> RealisasiIndikator:
    """Record (or correct) the realisation of a unit indicator for one period."""
    if nilai is None or nilai < 0:
        raise ValidationError({"nilai": "Realisasi tidak boleh kosong atau negatif."})
    if periode_penilaian.periode.tahun != indikator.tahun:
        raise ValidationError(
            {"periode_penilaian": "Periode tidak sesuai dengan tahun indikator."}
        )
    require_reason_when_locked(periode_penilaian.is_locked, by, alasan)
    realisasi = RealisasiIndikator.objects.filter(
        indikator=indikator, periode_penilaian=periode_penilaian
    ).first()
    realisasi = realisasi or RealisasiIndikator(
        indikator=indikator, periode_penilaian=periode_penilaian
    )
    realisasi.nilai, realisasi.keterangan = nilai, keterangan
    realisasi._change_reason = alasan.strip() or None
    realisasi.save()
    return realisasi
