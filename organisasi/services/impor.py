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
