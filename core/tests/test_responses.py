import io

from openpyxl import Workbook, load_workbook

from core.responses import pdf_response, table_workbook, workbook_bytes, xlsx_response


def test_workbook_bytes_keeps_text_that_looks_like_a_formula_as_text():
    book = Workbook()
    book.active.append(['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", 5])

    sheet = load_workbook(io.BytesIO(workbook_bytes(book))).active

    assert [cell.data_type for cell in sheet[1]] == ["s", "s", "s", "s", "n"]
    assert sheet["A1"].value == '=HYPERLINK("http://x")'


def test_table_workbook_writes_a_header_and_rows():
    sheet = load_workbook(
        io.BytesIO(table_workbook(["Kode", "Nama"], [["A", "=1+1"]], title="Data"))
    ).active

    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Kode", "Nama"],
        ["A", "=1+1"],
    ]
    assert sheet["B2"].data_type == "s"


def test_downloads_are_never_cached_and_carry_a_safe_file_name():
    xlsx, pdf = (
        xlsx_response(b"x", 'akun "a".xlsx'),
        pdf_response(b"%PDF", "laporan-1.pdf"),
    )

    assert xlsx["Content-Disposition"] == 'attachment; filename="akuna.xlsx"'
    assert pdf["Content-Disposition"] == 'inline; filename="laporan-1.pdf"'
    assert (xlsx["Cache-Control"], pdf["Content-Type"]) == (
        "no-store",
        "application/pdf",
    )
