"""Spreadsheets the organisation screens hand out, and the one reader of uploaded spreadsheets.

Every screen that imports a spreadsheet (unit indicators, SKP RHK, survey responses) reads the
upload through `read_upload`, so size, format and row limits are the same everywhere.
"""

import io

import tablib
from django.core.exceptions import ValidationError
from openpyxl import Workbook
from openpyxl.styles import Font

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_ROWS = 5000
XLSX_MAGIC = b"PK\x03\x04"


def read_upload(upload, *, allow_csv: bool = False, max_rows: int = MAX_UPLOAD_ROWS) -> tablib.Dataset:
    """The first sheet of an uploaded .xlsx (or a .csv when allowed) as a Dataset.

    Raises ValidationError with an Indonesian message for a file over 5 MB, a file that is not
    what its name says, an unreadable file, or more than `max_rows` data rows.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError("Berkas terlalu besar (maksimal 5 MB).")
    content = upload.read()
    is_csv = allow_csv and upload.name.lower().endswith(".csv")
    if not is_csv and not content.startswith(XLSX_MAGIC):
        raise ValidationError("Berkas harus berformat Excel .xlsx" + (" atau .csv." if allow_csv else "."))
    try:
        dataset = _load_csv(content) if is_csv else tablib.Dataset().load(content, format="xlsx")
    except Exception:  # noqa: BLE001 - any parser failure means an unreadable file
        raise ValidationError("Berkas tidak dapat dibaca. Simpan ulang dari Excel lalu coba lagi.") from None
    if len(dataset) > max_rows:
        raise ValidationError(
            f"Berkas berisi {len(dataset):,} baris; paling banyak {max_rows:,} baris per berkas. "
            "Bagi menjadi beberapa berkas.".replace(",", ".")
        )
    return dataset


def _load_csv(content: bytes) -> tablib.Dataset:
    text = content.decode("utf-8-sig")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return tablib.Dataset().load(text, format="csv", delimiter=delimiter)


def accounts_workbook(issued, skipped=()) -> bytes:
    """One row per issued account (who, which NIP to log in with, the one-time password), and
    a second sheet with the pegawai left out and why."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Akun"
    sheet.append(["NIP", "Nama", "Jabatan", "Unit kerja", "Kata sandi sekali pakai"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for pegawai, password in issued:
        sheet.append([pegawai.nip, pegawai.nama_lengkap, pegawai.jabatan.nama, pegawai.unit.nama, password])
    for column, width in zip("ABCDE", (22, 36, 40, 40, 24), strict=True):
        sheet.column_dimensions[column].width = width
    sheet["A1"].number_format = "@"
    for row in sheet.iter_rows(min_row=2, max_col=1):
        row[0].number_format = "@"  # keep NIP as text when the file is reopened in Excel
    if skipped:
        other = book.create_sheet("Dilewati")
        other.append(["NIP", "Nama", "Alasan"])
        for pegawai, reason in skipped:
            other.append([pegawai.nip, pegawai.nama_lengkap, reason])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
