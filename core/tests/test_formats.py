import io

import tablib
from openpyxl import load_workbook

from core.formats import CSV, XLSX


def _dataset():
    return tablib.Dataset(["=HYPERLINK(\"http://x\",\"klik\")", "+62", "-5", "@SUM(A1)", "biasa"],
                          headers=["a", "b", "c", "d", "e"])


def test_admin_xlsx_export_keeps_formula_like_text_as_text():
    sheet = load_workbook(io.BytesIO(XLSX().export_data(_dataset()))).active

    assert [cell.data_type for cell in sheet[2]] == ["s"] * 5
    assert sheet["A2"].value == "=HYPERLINK(\"http://x\",\"klik\")"


def test_admin_csv_export_escapes_formulas_and_reads_them_back_unchanged():
    exported = CSV().export_data(_dataset())

    assert "'=HYPERLINK" in exported and "'+62" in exported and "'@SUM" in exported
    assert list(CSV().create_dataset(exported)[0]) == list(_dataset()[0])
