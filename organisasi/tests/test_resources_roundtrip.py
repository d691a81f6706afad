"""Export → import of the same file, in the admin's formats (run this file on PostgreSQL too).

An empty optional text cell (no singkatan, no gelar, no email) must come back as "" (the
columns are NOT NULL), never as None, so a file BKPSDM exported imports back unchanged.
"""

import pytest
from openpyxl import Workbook

from core.formats import CSV, XLSX
from core.responses import workbook_bytes
from organisasi import services
from organisasi.models import Jabatan, Pegawai, UnitKerja
from organisasi.resources import JabatanResource, PegawaiResource, UnitKerjaResource
from organisasi.tests.factories import PegawaiFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db

RESOURCES = [
    (UnitKerjaResource, UnitKerja),
    (JabatanResource, Jabatan),
    (PegawaiResource, Pegawai),
]
FORMATS = [XLSX, CSV]


def _snapshot(model, resource_class):
    attributes = [field.attribute for field in resource_class().fields.values()]
    return sorted(
        model.objects.values_list(*[a.replace(".", "__") for a in attributes])
    )


@pytest.mark.parametrize("file_format", FORMATS, ids=["xlsx", "csv"])
@pytest.mark.parametrize(
    ("resource_class", "model"), RESOURCES, ids=["unitkerja", "jabatan", "pegawai"]
)
def test_an_exported_file_imports_back_unchanged(
    org, resource_class, model, file_format
):
    UnitKerjaFactory(
        kode="A-X", nama="Bidang Tanpa Singkatan", singkatan="", induk=org.opd_a
    )
    PegawaiFactory(
        jabatan=org.staf.jabatan, gelar_depan="", gelar_belakang="", email=""
    )
    before = _snapshot(model, resource_class)
    exported = file_format().export_data(resource_class().export(model.objects.all()))

    result = services.import_dataset(
        resource_class(), file_format().create_dataset(exported)
    )

    assert (result.ok, result.errors) == (True, [])
    assert _snapshot(model, resource_class) == before


def _xlsx(headers, *rows):
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    return workbook_bytes(book)


def test_a_new_unit_with_an_empty_singkatan_cell_imports_with_an_empty_singkatan(org):
    content = _xlsx(
        ["Kode", "Nama", "Singkatan", "Jenis", "Kode Induk"],
        ["A-Y", "Bidang Y", None, "bidang", "A"],
    )

    result = services.import_dataset(
        UnitKerjaResource(), XLSX().create_dataset(content)
    )

    assert result.ok is True
    assert UnitKerja.objects.get(kode="A-Y").singkatan == ""


def test_a_new_pegawai_with_empty_gelar_and_email_cells_imports_with_empty_texts(org):
    content = _xlsx(
        [
            "NIP",
            "Nama",
            "Gelar Depan",
            "Gelar Belakang",
            "Status",
            "Golongan",
            "Kode Jabatan",
            "Kode Unit",
            "Email",
        ],
        ["196608011988031001", "Amir", None, None, "PNS", "IV/a", "A-STAF", None, None],
    )

    result = services.import_dataset(PegawaiResource(), XLSX().create_dataset(content))

    assert result.ok is True
    amir = Pegawai.objects.get(nip="196608011988031001")
    assert (amir.gelar_depan, amir.gelar_belakang, amir.email) == ("", "", "")
