"""The one all-or-nothing import runner and the one shape of its answer.

Every import (units, positions, pegawai, survey responses, unit indicators, SKP RHK) returns
an `ImportResult`. Row numbers are the spreadsheet's own (the header is row 1, the first data
row is 2) and errors name the column headers the user sees. When any row is bad, nothing is
stored.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

FIRST_DATA_ROW = 2


@dataclass(frozen=True, order=True)
class RowError:
    """One reason a file was refused: its spreadsheet row (None: the whole file) and column header."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"Baris {self.row}")
        if self.column:
            where.append(f"kolom {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class ImportResult:
    """What an import did: the number of rows stored (0 when refused) and every reason it refused."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @classmethod
    def refused(
        cls, messages: str | Iterable[str], *, row: int | None = None
    ) -> "ImportResult":
        """A result for a file refused as a whole (unreadable, a column missing, already imported)."""
        messages = [messages] if isinstance(messages, str) else list(messages)
        return cls(0, [RowError(row, "", message) for message in messages])


def sheet_row(index: int) -> int:
    """The spreadsheet row number of the Dataset's data row `index` (0-based)."""
    return index + FIRST_DATA_ROW


def missing_columns(dataset: tablib.Dataset, required: Iterable[str]) -> list[RowError]:
    """One error naming every required column header the file lacks (empty when none is missing)."""
    headers = set(dataset.headers or [])
    missing = [column for column in required if column not in headers]
    if not missing:
        return []
    return [
        RowError(
            1,
            "",
            f"Kolom {', '.join(missing)} tidak ada. Gunakan templat yang disediakan.",
        )
    ]


def errors_from(
    error: ValidationError, *, row: int | None, columns: dict[str, str] | None = None
) -> list[RowError]:
    """RowErrors for a ValidationError raised while reading one row; field names become column headers."""
    columns = columns or {}
    if not hasattr(error, "error_dict"):
        return [RowError(row, "", message) for message in error.messages]
    found = []
    for name, messages in error.message_dict.items():
        column = "" if name == NON_FIELD_ERRORS else columns.get(name, name)
        found += [RowError(row, column, message) for message in messages]
    return found


def run_rows(
    dataset: tablib.Dataset,
    import_row: Callable[[dict, int], None],
    *,
    columns: dict[str, str] | None = None,
    before: Callable[[], None] | None = None,
    after: Callable[[], None] | None = None,
) -> ImportResult:
    """Call `import_row(row, number)` for every data row inside one transaction; all rows or none.

    `row` maps column header → cell value, `number` is its spreadsheet row. A ValidationError
    from a row is recorded against that row (field names mapped through `columns`) and the
    rows after it still run, so every bad row is listed. `before` runs first and `after` only
    when every row was good, both inside the transaction. Any error rolls everything back.
    """
    errors: list[RowError] = []
    with transaction.atomic():
        if before is not None:
            before()
        for index, row in enumerate(dataset.dict):
            number = sheet_row(index)
            try:
                import_row(row, number)
            except ValidationError as error:
                errors += errors_from(error, row=number, columns=columns)
        if not errors and after is not None:
            after()
        if errors:
            transaction.set_rollback(True)
    return ImportResult(0 if errors else len(dataset), sorted(errors, key=_order))


def run_resource(
    resource, dataset: tablib.Dataset, *, after: Callable[[], None] | None = None
) -> ImportResult:
    """Import a dataset through an import-export Resource, all rows or none.

    `after` runs inside the same transaction when every row was good (e.g. rebuilding derived
    data), so a failure there also rolls the rows back.
    """
    columns = _resource_columns(resource)
    with transaction.atomic():
        result = resource.import_data(
            dataset,
            dry_run=False,
            use_transactions=True,
            rollback_on_validation_errors=True,
        )
        errors = _resource_errors(result, columns)
        if not errors and after is not None:
            after()
        if errors:
            transaction.set_rollback(True)
    return ImportResult(0 if errors else len(dataset), sorted(errors, key=_order))


def resource_errors(resource, result) -> list[RowError]:
    """Every error of an import-export Result, by spreadsheet row and column header (the admin shows these)."""
    return sorted(_resource_errors(result, _resource_columns(resource)), key=_order)


def _resource_columns(resource) -> dict[str, str]:
    columns = {}
    for name, resource_field in resource.fields.items():
        columns[name] = resource_field.column_name
        if resource_field.attribute:
            columns.setdefault(resource_field.attribute, resource_field.column_name)
    return columns


def _resource_errors(result, columns: dict[str, str]) -> list[RowError]:
    errors = []
    for invalid in result.invalid_rows:
        errors += errors_from(
            ValidationError(invalid.error_dict), row=invalid.number + 1, columns=columns
        )
    for number, row_errors in result.row_errors():
        errors += [
            RowError(number + 1, "", _plain(error.error)) for error in row_errors
        ]
    errors += [RowError(None, "", _plain(error.error)) for error in result.base_errors]
    return errors


def _plain(exception: Exception) -> str:
    if isinstance(exception, ValidationError):
        return "; ".join(exception.messages)
    return "Baris tidak dapat disimpan karena bertentangan dengan data yang sudah ada."


def _order(error: RowError):
    return (error.row or 0, error.column, error.message)
