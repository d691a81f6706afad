"""Heavy reads across the unit tree (STYLE §3: a QuerySet method no longer fits)."""

from django.db.models import Count

from organisasi.models import Pegawai, UnitKerja


def pegawai_totals(units) -> dict[int, int]:
    """Active pegawai in each unit's whole subtree, for the given units.

    Two grouped queries (pegawai per unit, then every unit's path) and a prefix sum in
    Python over the city's few hundred units: no correlated LIKE per displayed unit.
    """
    per_unit = dict(
        Pegawai.objects.active()
        .values_list("unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    paths = dict(UnitKerja.objects.filter(pk__in=per_unit).values_list("pk", "path"))
    return {
        unit.pk: sum(
            n for unit_id, n in per_unit.items() if paths[unit_id].startswith(unit.path)
        )
        for unit in units
    }
