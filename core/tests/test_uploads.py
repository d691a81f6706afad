import io
import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from core.uploads import _dataset, read_upload


def _xlsx(rows, name="data.xlsx"):
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_read_upload_returns_headers_and_rows_of_the_first_sheet():
    dataset = read_upload(
        _xlsx([["Kode", "Nama"], ["A1", "Satu"], ["A2", "Dua"], [None, None]])
    )

    assert (dataset.headers, [list(row) for row in dataset]) == (
        ["Kode", "Nama"],
        [["A1", "Satu"], ["A2", "Dua"]],
    )


def test_read_upload_keeps_blank_rows_in_the_middle_so_row_numbers_match_the_sheet():
    dataset = read_upload(_xlsx([["Kode"], ["A1"], [None], ["A3"]]))

    assert [row[0] for row in dataset] == ["A1", None, "A3"]


def test_read_upload_refuses_a_header_only_file():
    with pytest.raises(ValidationError, match="tidak berisi baris data"):
        read_upload(_xlsx([["Kode", "Nama"]]))


def test_read_upload_refuses_a_file_that_is_not_xlsx():
    with pytest.raises(ValidationError, match="berformat Excel"):
        read_upload(SimpleUploadedFile("data.xlsx", b"bukan excel"))


def test_read_upload_refuses_a_broken_xlsx_without_a_traceback():
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        read_upload(SimpleUploadedFile("data.xlsx", b"PK\x03\x04 rusak"))


def test_read_upload_stops_reading_at_the_first_row_past_the_cap():
    pulled = []

    def rows():
        yield ["Kode"]
        for i in range(1_048_000):
            pulled.append(i)
            yield [f"K{i}"]

    with pytest.raises(ValidationError, match="lebih dari 5.000 baris"):
        _dataset(rows(), max_rows=5000, max_columns=60)

    assert len(pulled) == 5001


def test_read_upload_refuses_a_long_sheet_within_50_mb():
    upload = _xlsx(
        [["Kode", "Nama"]] + [[f"K{i}", "nama pegawai"] for i in range(100_000)]
    )

    tracemalloc.start()
    with pytest.raises(ValidationError, match="lebih dari 5.000 baris"):
        read_upload(upload)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert peak < 50 * 1024 * 1024


def test_read_upload_refuses_too_many_columns():
    with pytest.raises(ValidationError, match="kolom"):
        read_upload(_xlsx([[f"K{i}" for i in range(200)], ["x"] * 200]))


def test_read_upload_reads_a_semicolon_csv_saved_by_excel_in_cp1252():
    upload = SimpleUploadedFile(
        "data.csv", "Nama;Kota\nJosé;Samarinda\n".encode("cp1252")
    )

    dataset = read_upload(upload, allow_csv=True)

    assert (dataset.headers, list(dataset[0])) == (
        ["Nama", "Kota"],
        ["José", "Samarinda"],
    )


def test_read_upload_refuses_a_csv_with_a_nul_byte():
    with pytest.raises(ValidationError, match="NUL"):
        read_upload(SimpleUploadedFile("data.csv", b"Nama\nA\x00B\n"), allow_csv=True)


def test_read_upload_refuses_a_file_over_5_mb():
    with pytest.raises(ValidationError, match="5 MB"):
        read_upload(
            SimpleUploadedFile("data.xlsx", b"PK\x03\x04" + b"0" * (5 * 1024 * 1024))
        )


def test_read_upload_refuses_control_characters_naming_row_and_column():
    upload = SimpleUploadedFile(
        "data.csv", b"Kode;Nama\nA1;Satu\nA2;Du\x1ba\n", content_type="text/csv"
    )

    with pytest.raises(ValidationError, match="Baris 3, kolom Nama"):
        read_upload(upload, allow_csv=True)


def test_read_upload_refuses_a_wide_sheet_at_its_header():
    pulled = []

    def rows():
        yield [f"K{i}" for i in range(200)]
        for _ in range(20_000):
            pulled.append(1)
            yield ["x"] * 200

    with pytest.raises(ValidationError, match="200 kolom"):
        _dataset(rows(), max_rows=5000, max_columns=60)

    assert pulled == []
