"""The unit indicators' spreadsheet: export, and the import that updates rows by kode + tahun."""

from django.core.exceptions import ValidationError

from core.imports import (
    ImportResult,
    RowError,
    missing_columns,
    run_resource,
    sheet_row,
)
from core.responses import dataset_workbook
from core.uploads import read_upload
from indikator.models import IndikatorKinerja, Periode, SasaranStrategis
from indikator.resources import IndikatorKinerjaResource
from organisasi.permissions import can_manage_unit_data

REQUIRED = ("Kode Sasaran", "Kode Indikator", "Tahun")


def import_indikator(upload, *, by) -> ImportResult:
    """Import unit indicators and their targets; nothing is saved when any row is bad.

    Rows the user may not write (a sasaran or an existing indicator of a unit they do not
    manage, a locked year) are refused before anything is written. A file refused as a whole
    (unreadable, too large, a column missing) has errors without a data row.
    """
    try:
        dataset = read_upload(upload)
    except ValidationError as error:
        return ImportResult.refused(error.messages)
    errors = missing_columns(dataset, REQUIRED) or _scope_errors(dataset, by)
    if errors:
        return ImportResult(0, errors)
    # An indicator import changes no unit or atasan: no derived data to rebuild afterwards.
    return run_resource(IndikatorKinerjaResource(), dataset)


def _cell(row, column) -> str:
    value = row.get(column)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


def _scope_errors(dataset, user) -> list[RowError]:
    rows = [
        (_cell(row, "Kode Sasaran"), _cell(row, "Kode Indikator"), _cell(row, "Tahun"))
        for row in dataset.dict
    ]
    units = {
        s.kode: s.unit
        for s in SasaranStrategis.objects.filter(
            kode__in={sasaran for sasaran, _, _ in rows}
        ).select_related("unit")
    }
    existing = {
        (i.kode, str(i.tahun)): i
        for i in IndikatorKinerja.objects.filter(
            kode__in={kode for _, kode, _ in rows}
        ).select_related("sasaran__unit")
    }
    locked = {
        str(tahun)
        for tahun in Periode.objects.filter(terkunci=True).values_list(
            "tahun", flat=True
        )
    }
    errors = []
    for index, (sasaran, kode, tahun) in enumerate(rows):
        number, unit, current = (
            sheet_row(index),
            units.get(sasaran),
            existing.get((kode, tahun)),
        )
        if unit is not None and not can_manage_unit_data(user, unit):
            errors.append(
                RowError(
                    number,
                    "Kode Sasaran",
                    f"Sasaran {sasaran} milik {unit}, bukan unit yang Anda kelola.",
                )
            )
        if current is not None and not can_manage_unit_data(user, current.sasaran.unit):
            errors.append(
                RowError(
                    number,
                    "Kode Indikator",
                    f"Indikator {kode} tahun {tahun} milik "
                    f"{current.sasaran.unit}, bukan unit yang Anda kelola.",
                )
            )
        if tahun in locked:
            errors.append(
                RowError(
                    number,
                    "Tahun",
                    f"Tahun {tahun} terkunci; indikatornya tidak dapat diimpor. "
                    "BKPSDM mengubahnya lewat formulir dengan alasan.",
                )
            )
    return errors


def export_indikator(indikator_list) -> bytes:
    """The indicators as the import reads them (the template of the import)."""
    return dataset_workbook(
        IndikatorKinerjaResource().export(indikator_list), title="Indikator Kinerja"
    )
