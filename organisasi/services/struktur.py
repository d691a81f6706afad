"""Changes to the structure: units (and their materialised paths) and positions."""

from django.db import transaction

from organisasi.models import Jabatan, UnitKerja
from organisasi.services.pegawai import refresh_atasan


@transaction.atomic
def save_unit(unit: UnitKerja) -> UnitKerja:
    """Save a unit; when it moved or became (or stopped being) an OPD, rewrite the path and
    OPD of its whole subtree."""
    before = (
        UnitKerja.objects.filter(pk=unit.pk).values_list("path", "jenis").first()
        if unit.pk
        else None
    )
    unit.save()
    if before and before != (unit.path, unit.jenis):
        rebuild_unit_paths()
    return unit


@transaction.atomic
def rebuild_unit_paths() -> int:
    """Recompute path, depth and OPD of every unit from `induk` (after moves and imports)."""
    rows = {
        pk: (induk_id, jenis)
        for pk, induk_id, jenis in UnitKerja.objects.values_list(
            "pk", "induk_id", "jenis"
        )
    }
    computed = {}

    def position(pk):
        if pk not in computed:
            induk_id, jenis = rows[pk]
            parent = position(induk_id) if induk_id else ("/", -1, None)
            opd_id = pk if jenis in UnitKerja.OPD_LEVEL else parent[2]
            computed[pk] = (f"{parent[0]}{pk}/", parent[1] + 1, opd_id)
        return computed[pk]

    changed = []
    for unit in UnitKerja.objects.only("pk", "path", "kedalaman", "opd_id"):
        path, depth, opd_id = position(unit.pk)
        if (unit.path, unit.kedalaman, unit.opd_id) != (path, depth, opd_id):
            unit.path, unit.kedalaman, unit.opd_id = path, depth, opd_id
            changed.append(unit)
    UnitKerja.objects.bulk_update(changed, ["path", "kedalaman", "opd"], batch_size=500)
    return len(changed)


@transaction.atomic
def save_jabatan(jabatan: Jabatan) -> Jabatan:
    """Save a position; its place in the tree decides who is whose atasan, so re-derive."""
    jabatan.save()
    refresh_atasan()
    return jabatan
