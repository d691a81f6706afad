"""Imports of master data (units, positions, pegawai) and what is re-derived after them."""

from core.imports import ImportResult, run_resource
from organisasi.services.akun import close_inactive_accounts
from organisasi.services.pegawai import refresh_atasan
from organisasi.services.struktur import rebuild_unit_paths


def import_dataset(resource, dataset) -> ImportResult:
    """Import a dataset through one of organisasi's Resources, all rows or none.

    After a clean import the derived data (unit paths, logins, atasan) is brought up to date
    in the same transaction. Errors carry the spreadsheet's row numbers and column headers.
    """
    return run_resource(resource, dataset, after=refresh_derived_after_import)


def refresh_derived_after_import():
    """Unit paths, logins of pegawai marked inactive, and atasan, after rows changed in bulk."""
    rebuild_unit_paths()
    close_inactive_accounts()
    refresh_atasan()


def row_errors(result) -> list[tuple[int, str]]:
    """(row number, reason) of a raw import-export result.

    Only for indikator/spreadsheets.py until it imports through core.imports.run_resource;
    organisasi's own imports return an ImportResult.
    """
    found = []
    for row in result.invalid_rows:
        for field, messages in row.error_dict.items():
            label = "" if field == "__all__" else f"{field}: "
            found += [(row.number, f"{label}{message}") for message in messages]
    for number, errors in result.row_errors():
        found += [(number, str(error.error)) for error in errors]
    return sorted(found)
