"""The admin's import screens of organisasi, as BKPSDM reads them: Indonesian, rows as in the sheet, no traceback."""

import re

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from core.admin import ImportExportAdmin
from core.responses import workbook_bytes
from organisasi.models import Pegawai, UnitKerja

pytestmark = pytest.mark.django_db

XLSX_FORMAT, CSV_FORMAT = "0", "1"  # IMPORT_EXPORT_FORMATS = [XLSX, CSV]
NEVER_SHOWN = [
    "Traceback",
    "Line number",
    "BadZipFile",
    "ConversionSyntax",
    "ValidationError",
    "IntegrityError",
    "ValueError",
    "KeyError",
    "InvalidOperation",
    "This importer will import",
    "Errors",
]

BAD_ROWS = {
    "unitkerja": (
        UnitKerja,
        ["Kode", "Nama", "Singkatan", "Jenis", "Kode Induk"],
        [
            ["A-BARU", "Bidang Baru", None, "bidang", "A"],
            ["A-SALAH", "Bidang Salah", None, "Dinas", "A"],
            ["A-YATIM", "Bidang Yatim", None, "bidang", "TIDAK-ADA"],
        ],
        {(3, "Jenis"), (4, "Kode Induk")},
    ),
    "pegawai": (
        Pegawai,
        [
            "NIP",
            "Nama",
            "Gelar Depan",
            "Status",
            "Golongan",
            "Kode Jabatan",
            "Kode Unit",
        ],
        [
            ["196608011988031001", "Amir", None, "PNS", "IV/a", "A-STAF", None],
            ["196608011988031002", "", None, "PNS", "III/a", "A-STAF", None],
            ["196608011988031003", "Citra", None, "PNS", "III/a", "TIDAK-ADA", None],
        ],
        {(3, "Nama"), (4, "Kode Jabatan")},
    ),
}


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("pemelihara", "rahasia-uji-123")
    )
    return client


def _post(client, model_name, content, name, file_format):
    return client.post(
        reverse(f"admin:organisasi_{model_name}_import"),
        {
            "import_file": SimpleUploadedFile(name, content),
            "format": file_format,
        },
    )


def _xlsx(headers, rows):
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    return workbook_bytes(book)


def _assert_readable(body):
    for text in NEVER_SHOWN:
        assert text not in body, text


def test_every_organisasi_admin_with_an_import_uses_the_indonesian_base():
    with_import = [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == "organisasi"
        and hasattr(model_admin, "import_action")
    ]

    assert {type(model_admin).__name__ for model_admin in with_import} == {
        "UnitKerjaAdmin",
        "JabatanAdmin",
        "PegawaiAdmin",
    }
    assert all(
        isinstance(model_admin, ImportExportAdmin) for model_admin in with_import
    )


@pytest.mark.parametrize("model_name", ["unitkerja", "jabatan", "pegawai"])
@pytest.mark.parametrize(
    ("content", "name", "file_format"),
    [
        (b"PK\x03\x04 bukan zip sungguhan", "data.xlsx", XLSX_FORMAT),
        (b"ini bukan excel sama sekali", "data.xlsx", XLSX_FORMAT),
        (b"\xff\xfe\x00\x00\x81\x8d", "data.csv", CSV_FORMAT),
    ],
    ids=["zip rusak", "bukan excel", "csv rusak"],
)
def test_a_bad_file_gets_one_indonesian_sentence_and_no_traceback(
    org, superuser_client, model_name, content, name, file_format
):
    response = _post(superuser_client, model_name, content, name, file_format)

    body = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"Berkas (tidak dapat dibaca|bukan Excel|CSV berisi)", body)
    _assert_readable(body)


@pytest.mark.parametrize("model_name", list(BAD_ROWS))
@pytest.mark.parametrize("file_format", [XLSX_FORMAT, CSV_FORMAT], ids=["xlsx", "csv"])
def test_a_file_with_bad_rows_lists_each_by_spreadsheet_row_and_column(
    org, superuser_client, model_name, file_format
):
    model, headers, rows, expected = BAD_ROWS[model_name]
    before = model.objects.count()
    if file_format == XLSX_FORMAT:
        content, name = _xlsx(headers, rows), "data.xlsx"
    else:
        lines = [",".join(headers)] + [
            ",".join("" if cell is None else cell for cell in row) for row in rows
        ]
        content, name = ("\n".join(lines) + "\n").encode(), "data.csv"

    response = _post(superuser_client, model_name, content, name, file_format)

    body = response.content.decode()
    listed = {(error.row, error.column) for error in response.context["import_errors"]}
    assert expected <= listed
    assert "Impor ditolak: tidak ada data yang disimpan" in body
    for row, column in expected:
        assert f"<td>{row}</td><td>{column}</td>" in body
    _assert_readable(body)
    assert model.objects.count() == before


def test_a_unit_import_refuses_a_pasted_control_character_by_row_and_column(
    org, superuser_client
):
    content = b"Kode,Nama,Jenis,Kode Induk\nA-X,Bidang\x07X,bidang,A\n"

    response = _post(superuser_client, "unitkerja", content, "data.csv", CSV_FORMAT)

    body = response.content.decode()
    assert "Baris 2, kolom Nama" in body and "karakter kendali" in body
    _assert_readable(body)
    assert UnitKerja.objects.filter(kode="A-X").exists() is False
