"""The unit indicators' spreadsheet: export, and the import that updates rows by kode + tahun."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.imports import (
    ImportResult,
    RowError,
    missing_columns,
    run_resource,
    sheet_row,
)
from core.responses import dataset_workbook
from core.uploads import read_upload
from indikator.models import IndikatorKinerja, SasaranStrategis
from indikator.resources import IndikatorKinerjaResource, cell_text
from organisasi.permissions import can_manage_unit_data

REQUIRED = ("Kode Sasaran", "Kode Indikator", "Tahun")


def import_indikator(upload, *, by) -> ImportResult:
    """Import unit indicators and their targets; nothing is saved when any row is bad.

    Rows the user may not write (a sasaran or an existing indicator of a unit they do not
    manage) are refused together with the rows the Resource refuses (a bad cell, a locked
    year, a kode + tahun named twice), so the user sees every bad row at once. A file refused
    as a whole (unreadable, too large, no data row, a column missing) has errors without a
    data row.
    """
    try:
        dataset = read_upload(upload)
    except ValidationError as error:
        return ImportResult.refused(error.messages)
    missing = missing_columns(dataset, REQUIRED)
    if missing:
        return ImportResult(0, missing)
    scope_errors = _scope_errors(dataset, by)
    # An indicator import changes no unit or atasan: no derived data to rebuild afterwards.
    with transaction.atomic():
        result = run_resource(IndikatorKinerjaResource(), dataset)
        if not scope_errors:
            return result
        transaction.set_rollback(True)
    errors = sorted(
        scope_errors + result.errors, key=lambda e: (e.row or 0, e.column, e.message)
    )
    return ImportResult(0, errors)


def _scope_errors(dataset, user) -> list[RowError]:
    rows = [
        (
            cell_text(row.get("Kode Sasaran")),
            cell_text(row.get("Kode Indikator")),
            cell_text(row.get("Tahun")),
        )
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
    return errors


def export_indikator(indikator_list) -> bytes:
    """The indicators as the import reads them (the template of the import); years and targets are number cells."""
    dataset = IndikatorKinerjaResource().export(indikator_list, force_native_type=True)
    return dataset_workbook(dataset, title="Indikator Kinerja")
