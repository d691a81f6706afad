import io

import tablib
from openpyxl import load_workbook

from core.formats import CSV, XLSX


def _dataset():
    return tablib.Dataset(
        ['=HYPERLINK("http://x","klik")', "+62", "-5", "@SUM(A1)", "biasa"],
        headers=["a", "b", "c", "d", "e"],
    )


def test_admin_xlsx_export_keeps_formula_like_text_as_text():
    sheet = load_workbook(io.BytesIO(XLSX().export_data(_dataset()))).active

    assert [cell.data_type for cell in sheet[2]] == ["s"] * 5
    assert sheet["A2"].value == '=HYPERLINK("http://x","klik")'


def test_admin_csv_export_escapes_formulas_and_reads_them_back_unchanged():
    exported = CSV().export_data(_dataset())

    text = exported.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+62" in text and "'@SUM" in text
    assert list(CSV().create_dataset(exported)[0]) == list(_dataset()[0])


def test_import_export_admin_speaks_indonesian():
    from django.utils import translation

    with translation.override("id"):
        assert translation.gettext("Confirm import") == "Konfirmasi impor"
        assert translation.gettext("Line number") == "Baris"


def test_admin_xlsx_import_refuses_a_broken_file_with_a_sentence():
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="bukan Excel"):
        XLSX().create_dataset(b"not a zip")


def test_admin_csv_import_reads_excel_cp1252_with_semicolons():
    dataset = CSV().create_dataset(
        "Kode;Nama\nU1;Bidang Pengelolaan Sampah Kécil\n".encode("cp1252")
    )

    assert list(dataset[0]) == ["U1", "Bidang Pengelolaan Sampah Kécil"]
