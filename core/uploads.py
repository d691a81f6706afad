"""The one reader of uploaded spreadsheets: size, type, width and row limits, before parsing.

Every screen that imports a spreadsheet reads the upload through `read_upload`. The checks
run while the file streams: an xlsx is opened in openpyxl's read-only mode and reading stops
at the first row past the cap, so a huge sheet is refused without being loaded.
"""

import csv
import io
import zipfile

import tablib
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from core.validators import CONTROL_CHARACTERS

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_ROWS = 5000
MAX_UPLOAD_COLUMNS = 60
XLSX_MAGIC = b"PK\x03\x04"
CSV_ENCODINGS = (
    "utf-8-sig",
    "cp1252",
)  # Excel in an Indonesian locale saves csv as cp1252

TOO_BIG = "Berkas terlalu besar (maksimal 5 MB)."
UNREADABLE = (
    "Berkas tidak dapat dibaca. Simpan ulang dari Excel (format .xlsx) lalu coba lagi."
)


def read_upload(
    upload,
    *,
    allow_csv: bool = False,
    max_rows: int = MAX_UPLOAD_ROWS,
    max_columns: int = MAX_UPLOAD_COLUMNS,
) -> tablib.Dataset:
    """The first sheet of an uploaded .xlsx (or a .csv when allowed) as a Dataset with headers.

    Data row i of the Dataset is spreadsheet row i + 2 (the header is row 1); trailing empty
    rows are dropped. Raises ValidationError with an Indonesian message for a file over 5 MB,
    a file that is not what its name says, an unreadable file, more than `max_columns`
    columns, more than `max_rows` data rows, or no data row at all.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(TOO_BIG)
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    is_csv = allow_csv and upload.name.lower().endswith(".csv")
    if not is_csv and not content.startswith(XLSX_MAGIC):
        raise ValidationError(
            "Berkas harus berformat Excel .xlsx" + (" atau .csv." if allow_csv else ".")
        )
    return read_bytes(
        content, is_csv=is_csv, max_rows=max_rows, max_columns=max_columns
    )


def read_bytes(
    content: bytes,
    *,
    is_csv: bool,
    max_rows: int = MAX_UPLOAD_ROWS,
    max_columns: int = MAX_UPLOAD_COLUMNS,
) -> tablib.Dataset:
    """The same checks and Dataset as `read_upload`, for content already in memory (the admin's import)."""
    if len(content) > MAX_UPLOAD_BYTES:
        raise ValidationError(TOO_BIG)
    if not is_csv and not content.startswith(XLSX_MAGIC):
        raise ValidationError(
            "Berkas bukan Excel .xlsx. Pilih format yang sesuai dengan berkasnya."
        )
    rows = _csv_rows(content) if is_csv else _xlsx_rows(content)
    return _dataset(rows, max_rows=max_rows, max_columns=max_columns)


def _xlsx_rows(content: bytes):
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise ValidationError(UNREADABLE) from None
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise ValidationError(UNREADABLE) from None
    finally:
        book.close()


def _csv_rows(content: bytes):
    for encoding in CSV_ENCODINGS:
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(UNREADABLE)
    if "\x00" in text:
        raise ValidationError(
            "Berkas CSV berisi karakter kosong (NUL); simpan ulang dari Excel sebagai CSV atau .xlsx."
        )
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        yield from csv.reader(io.StringIO(text), delimiter=delimiter)
    except csv.Error:
        raise ValidationError(UNREADABLE) from None


def _dataset(rows, *, max_rows: int, max_columns: int) -> tablib.Dataset:
    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        raise ValidationError(
            "Berkas kosong: tidak ada baris judul kolom maupun baris data."
        )
    while header and header[-1] in (None, ""):
        header.pop()
    if len(header) > max_columns:
        raise ValidationError(
            f"Berkas berisi {len(header)} kolom; paling banyak {max_columns} kolom."
        )
    width = len(header)
    data, pending_blank = [], 0
    for row in rows:
        values = (list(row) + [None] * width)[:width]
        if any(value not in (None, "") for value in row[width:]):
            raise ValidationError(
                "Ada isian di luar kolom berjudul. Hapus isian itu atau beri judul kolomnya."
            )
        if all(value in (None, "") for value in values):
            pending_blank += 1
            continue
        data.extend([[None] * width] * pending_blank)
        pending_blank = 0
        _refuse_control_characters(values, header, row_number=len(data) + 2)
        data.append(values)
        if len(data) > max_rows:
            raise ValidationError(
                f"Berkas berisi lebih dari {_ribuan(max_rows)} baris data; paling banyak {_ribuan(max_rows)} "
                "baris per berkas. Bagi menjadi beberapa berkas."
            )
    if not data:
        raise ValidationError(
            "Berkas tidak berisi baris data (hanya judul kolom). Tidak ada yang diimpor."
        )
    headers = [str(value).strip() if value is not None else "" for value in header]
    return tablib.Dataset(*data, headers=headers)


def _refuse_control_characters(values, header, *, row_number: int) -> None:
    for value, column in zip(values, header, strict=False):
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            raise ValidationError(
                f"Baris {row_number}, kolom {column}: teks berisi karakter kendali yang tidak terlihat; "
                "hapus karakter itu lalu simpan ulang berkasnya."
            )


def _ribuan(number: int) -> str:
    return f"{number:,}".replace(",", ".")
