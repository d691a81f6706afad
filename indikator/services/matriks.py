"""The atasan's matriks peran hasil: saving its cells and pushing them into the bawahan's draft SKP."""

from django.core.exceptions import ValidationError
from django.db import transaction

from indikator.models import (
    IndikatorKinerjaIndividu,
    MatriksPeranHasil,
    RencanaHasilKerja,
    Skp,
)
from indikator.queries import bawahan_of
from indikator.services.rhk import next_urutan
from indikator.services.skp import create_skp

Status = Skp.Status


@transaction.atomic
def save_matriks(skp: Skp, *, cells: dict[tuple[int, int], str]) -> int:
    """Store the cells (iki id, pegawai id) → peran hasil of the atasan's matriks; empty removes.

    Refused in a locked year.
    """
    _require_open_year(skp)
    iki_ids = set(
        IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp).values_list(
            "pk", flat=True
        )
    )
    pegawai_ids = set(bawahan_of(skp).values_list("pk", flat=True))
    existing = {
        (c.iki_atasan_id, c.pegawai_id): c
        for c in MatriksPeranHasil.objects.filter(iki_atasan__in=iki_ids)
    }
    changed = 0
    for (iki_id, pegawai_id), text in cells.items():
        if iki_id not in iki_ids or pegawai_id not in pegawai_ids:
            continue
        text, cell = text.strip(), existing.get((iki_id, pegawai_id))
        if cell and not text:
            cell.delete()
            changed += 1
        elif text and cell is None:
            MatriksPeranHasil.objects.create(
                iki_atasan_id=iki_id, pegawai_id=pegawai_id, peran_hasil=text
            )
            changed += 1
        elif text and cell.peran_hasil != text:
            cell.peran_hasil = text
            cell.save(update_fields=["peran_hasil", "updated_at"])
            changed += 1
    return changed


def _require_open_year(skp):
    if skp.periode.terkunci:
        raise ValidationError(
            f"Periode {skp.periode.tahun} terkunci; matriks peran hasil tidak dapat diubah."
        )


@transaction.atomic
def push_matriks(skp: Skp) -> dict[str, int]:
    """Turn the cells of the atasan's matriks into RHK of their current bawahan's draft SKP.

    The RHK names the atasan's RHK (of the IKI's column) as the one it intervenes. A
    subordinate without an SKP for the year gets a draft. Only cells of today's direct
    bawahan are pushed, and only into a draft whose pejabat penilai is this atasan; SKP
    that are not open for change are skipped. Safe to run twice: an RHK is updated only
    while it still holds the text of the last push (the bawahan's own edits win), and a
    pushed RHK the bawahan deleted is not re-created. Refused in a locked year. Returns
    counts of created, updated, unchanged and skipped cells.
    """
    _require_open_year(skp)
    counts = {"dibuat": 0, "diperbarui": 0, "tetap": 0, "dilewati": 0}
    cells = MatriksPeranHasil.objects.filter(
        iki_atasan__rhk__skp=skp, pegawai__in=bawahan_of(skp)
    ).select_related(
        "iki_atasan__rhk",
        "rhk__skp",
        "pegawai__jabatan",
        "pegawai__unit",
        "pegawai__atasan",
    )
    target_skp = {}
    for cell in cells.order_by(
        "pegawai__nama", "iki_atasan__rhk__urutan", "iki_atasan_id"
    ):
        if cell.pegawai_id not in target_skp:
            target_skp[cell.pegawai_id] = _draft_skp_for(cell.pegawai, skp)
        counts[_push_cell(cell, target_skp[cell.pegawai_id])] += 1
    return counts


@transaction.atomic
def save_and_push_matriks(
    skp: Skp, *, cells: dict[tuple[int, int], str], push: bool
) -> dict[str, int] | None:
    """Save the matriks and, when asked, push it; all or nothing (a refused push saves nothing)."""
    save_matriks(skp, cells=cells)
    return push_matriks(skp) if push else None


def _push_cell(cell, draft):
    if draft is None:
        return "dilewati"
    if cell.rhk_id and cell.rhk.skp_id == draft.pk:
        return _update_pushed_rhk(cell)
    if cell.rhk_id is None and cell.peran_didorong:
        return "tetap"  # the bawahan deleted the pushed RHK: their choice stands
    cell.rhk = RencanaHasilKerja.objects.create(
        skp=draft,
        jenis=RencanaHasilKerja.Jenis.UTAMA,
        uraian=cell.peran_hasil,
        rhk_atasan=cell.iki_atasan.rhk,
        urutan=next_urutan(draft),
    )
    cell.peran_didorong = cell.peran_hasil
    cell.save(update_fields=["rhk", "peran_didorong", "updated_at"])
    return "dibuat"


def _draft_skp_for(pegawai, atasan_skp):
    periode = atasan_skp.periode
    skp = (
        Skp.objects.filter(pegawai=pegawai, periode=periode)
        .open()
        .select_related("periode")
        .first()
    )
    if skp is None:
        if Skp.objects.filter(
            pegawai=pegawai,
            periode=periode,
            jabatan=pegawai.jabatan_id,
            status=Status.DISETUJUI,
        ).exists():
            return None
        skp = create_skp(pegawai, periode)
    if skp.penilai_id != atasan_skp.pegawai_id:
        return None
    return skp if skp.status in Skp.EDITABLE_STATUSES else None


def _update_pushed_rhk(cell):
    rhk = cell.rhk
    if rhk.uraian != cell.peran_didorong:
        return "tetap"  # edited by the bawahan since the last push
    if (rhk.uraian, rhk.rhk_atasan_id) == (cell.peran_hasil, cell.iki_atasan.rhk_id):
        return "tetap"
    rhk.uraian, rhk.rhk_atasan_id = cell.peran_hasil, cell.iki_atasan.rhk_id
    rhk.save()
    cell.peran_didorong = cell.peran_hasil
    cell.save(update_fields=["peran_didorong", "updated_at"])
    return "diperbarui"
