"""Imports of master data (units, positions, pegawai) and what is re-derived after them."""

from django.db import transaction

from organisasi.services.akun import close_inactive_accounts
from organisasi.services.pegawai import refresh_atasan
from organisasi.services.struktur import rebuild_unit_paths


def import_dataset(resource, dataset):
    """All-or-nothing import: any bad row rolls back every row; returns the import result.

    After a clean import the derived data (unit paths, atasan) is brought up to date.
    """
    with transaction.atomic():
        result = resource.import_data(
            dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
        )
        if not (result.has_errors() or result.has_validation_errors()):
            refresh_derived_after_import()
    return result


def refresh_derived_after_import():
    """Unit paths, logins of pegawai marked inactive, and atasan, after rows changed in bulk."""
    rebuild_unit_paths()
    close_inactive_accounts()
    refresh_atasan()


def row_errors(result) -> list[tuple[int, str]]:
    """(row number, reason) for every bad row of an import result, for display."""
    found = []
    for row in result.invalid_rows:
        for field, messages in row.error_dict.items():
            label = "" if field == "__all__" else f"{field}: "
            found += [(row.number, f"{label}{message}") for message in messages]
    for number, errors in result.row_errors():
        found += [(number, str(error.error)) for error in errors]
    return sorted(found)
