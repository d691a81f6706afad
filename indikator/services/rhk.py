"""The RHK and IKI of a draft SKP: adding and deleting RHK, copying last year's forward."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from simple_history.utils import bulk_create_with_history

from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    RencanaHasilKerja,
    Skp,
)


def next_urutan(skp: Skp) -> int:
    """The urutan of an RHK appended to the SKP: after the last one."""
    return (skp.rencanahasilkerja_set.aggregate(last=Max("urutan"))["last"] or 0) + 1


def add_rhk(
    skp: Skp,
    *,
    jenis: str,
    uraian: str,
    rhk_atasan: RencanaHasilKerja | None = None,
    indikator_unit: IndikatorKinerja | None = None,
) -> RencanaHasilKerja:
    """Append an RHK to the SKP; its urutan follows the last RHK's."""
    rhk = RencanaHasilKerja(
        skp=skp,
        jenis=jenis,
        uraian=uraian,
        rhk_atasan=rhk_atasan,
        indikator_unit=indikator_unit,
        urutan=next_urutan(skp),
    )
    rhk.full_clean()
    rhk.save()
    return rhk


@transaction.atomic
def delete_rhk(rhk: RencanaHasilKerja) -> None:
    """Delete an RHK with its IKI (history keeps them).

    Raises ValidationError when a subordinate's RHK intervenes it: their SKP would lose its link.
    """
    if rhk.intervensi.exists():
        raise ValidationError(
            "RHK ini sudah diintervensi RHK bawahan; tidak dapat dihapus."
        )
    rhk.delete()


@transaction.atomic
def copy_forward_skp(skp: Skp, *, source: Skp) -> int:
    """Copy RHK, IKI and targets of an earlier SKP into this draft; returns the RHK count copied.

    The link to last year's atasan RHK cannot carry over (the atasan has a new SKP), so it is
    left empty; a JPT's unit indicator is matched to this year's indicator with the same kode.
    Refused when the draft already has RHK, so a second click copies nothing twice.
    """
    if skp.rencanahasilkerja_set.exists():
        raise ValidationError(
            "SKP ini sudah berisi RHK; salin dari tahun lalu hanya untuk SKP yang masih kosong."
        )
    indikator_by_kode = dict(
        IndikatorKinerja.objects.filter(tahun=skp.periode.tahun).values_list(
            "kode", "pk"
        )
    )
    source_rhk = source.rencanahasilkerja_set.select_related(
        "indikator_unit"
    ).prefetch_related("indikatorkinerjaindividu_set")
    for rhk in source_rhk:
        new_rhk = RencanaHasilKerja.objects.create(
            skp=skp,
            jenis=rhk.jenis,
            uraian=rhk.uraian,
            urutan=rhk.urutan,
            indikator_unit_id=indikator_by_kode.get(rhk.indikator_unit.kode)
            if rhk.indikator_unit
            else None,
        )
        bulk_create_with_history(
            [
                IndikatorKinerjaIndividu(
                    rhk=new_rhk,
                    aspek=iki.aspek,
                    uraian=iki.uraian,
                    target=iki.target,
                    target_atas=iki.target_atas,
                    satuan=iki.satuan,
                    polaritas=iki.polaritas,
                    target_kualitatif=iki.target_kualitatif,
                )
                for iki in rhk.indikatorkinerjaindividu_set.all()
            ],
            IndikatorKinerjaIndividu,
        )
    _copy_lampiran(skp, source)
    return len(source_rhk)


def _copy_lampiran(skp, source):
    fields = ["dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"]
    empty = [
        name for name in fields if not getattr(skp, name) and getattr(source, name)
    ]
    for name in empty:
        setattr(skp, name, getattr(source, name))
    if empty:
        skp.save(update_fields=[*empty, "updated_at"])
    return bool(empty)
