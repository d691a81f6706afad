"""Spreadsheets the organisation screens hand out (not imports: those are in resources.py)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font


def accounts_workbook(issued) -> bytes:
    """One row per issued account: who, which NIP to log in with, and the one-time password."""
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
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
