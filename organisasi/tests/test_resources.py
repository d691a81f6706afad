import io

import pytest
import tablib
from openpyxl import Workbook

from core.imports import RowError
from organisasi import services
from organisasi.models import Jabatan, Pegawai, UnitKerja
from organisasi.resources import JabatanResource, PegawaiResource, UnitKerjaResource

pytestmark = pytest.mark.django_db

PEGAWAI_HEADERS = ["NIP", "Nama", "Status", "Golongan", "Kode Jabatan", "Kode Unit"]


def pegawai_dataset(rows):
    return tablib.Dataset(*rows, headers=PEGAWAI_HEADERS)


def good_rows():
    return [
        ("196608011988031001", "Amir", "PNS", "IV/a", "A-STAF", ""),
        ("19900505 201503 2 004", "Bunga", "pns", "III/b", "A-STAF", "A-B-S"),
        ("200012312024211001", "Citra", "PPPK", "VII", "A-STAF", ""),
    ]


def test_import_pegawai_creates_rows_and_fills_unit_from_jabatan(org):
    result = services.import_dataset(PegawaiResource(), pegawai_dataset(good_rows()))

    assert (result.ok, result.rows) == (True, 3)
    amir = Pegawai.objects.get(nip="196608011988031001")
    assert (amir.unit, amir.status, amir.golongan) == (org.seksi_a, "pns", "IV/a")
    assert Pegawai.objects.get(nip="199005052015032004").nama == "Bunga"


def test_importing_the_same_file_twice_updates_instead_of_duplicating(org):
    before = Pegawai.objects.count()

    services.import_dataset(PegawaiResource(), pegawai_dataset(good_rows()))
    services.import_dataset(PegawaiResource(), pegawai_dataset(good_rows()))

    assert Pegawai.objects.count() == before + 3


def test_import_derives_atasan_of_the_new_pegawai(org):
    services.import_dataset(PegawaiResource(), pegawai_dataset(good_rows()))

    assert Pegawai.objects.get(nip="200012312024211001").atasan == org.kasi


def test_import_places_the_new_pegawai_below_their_atasan_in_the_atasan_tree(org):
    services.import_dataset(PegawaiResource(), pegawai_dataset(good_rows()))

    citra = Pegawai.objects.get(nip="200012312024211001")
    assert citra.atasan_path == f"{org.kasi.atasan_path}{citra.pk:08d}/"
    assert Pegawai.objects.below(org.kepala).filter(pk=citra.pk).exists()


def test_one_bad_row_imports_nothing_and_every_bad_row_is_listed(org):
    rows = good_rows() + [
        ("200012312024211002", "Dedi", "PNS", "III/a", "A-STAF", ""),
        ("196608011988031005", "Eka", "PNS", "III/a", "TIDAK-ADA", ""),
    ]
    before = Pegawai.objects.count()

    result = services.import_dataset(PegawaiResource(), pegawai_dataset(rows))

    assert Pegawai.objects.count() == before
    assert result.errors == [
        RowError(
            5, "NIP", "Digit 13–14 NIP PNS adalah bulan TMT CPNS (01–12), bukan 21."
        ),
        RowError(6, "Kode Jabatan", 'Kode jabatan "TIDAK-ADA" tidak dikenal.'),
        RowError(
            6,
            "Kode Unit",
            "Unit kerja wajib diisi (kosong karena kode jabatan tidak dikenal?).",
        ),
    ]


def test_duplicate_nip_in_one_file_is_a_bad_row(org):
    rows = good_rows() + [
        ("196608011988031001", "Amir lagi", "PNS", "IV/a", "A-KASI", "")
    ]

    result = services.import_dataset(PegawaiResource(), pegawai_dataset(rows))

    assert result.errors == [
        RowError(
            5, "NIP", 'NIP "196608011988031001" muncul lebih dari sekali dalam berkas.'
        )
    ]
    assert Pegawai.objects.filter(nip="196608011988031001").exists() is False


def test_nip_that_excel_stored_as_a_number_is_detected_in_an_xlsx_file(org):
    book = Workbook()
    sheet = book.active
    sheet.append(PEGAWAI_HEADERS)
    sheet.append([196608011988031001, "Amir", "PNS", "IV/a", "A-KASI", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    dataset = tablib.Dataset().load(buffer.getvalue(), format="xlsx")

    result = services.import_dataset(PegawaiResource(), dataset)

    errors = result.errors
    assert len(errors) == 1 and (errors[0].row, errors[0].column) == (2, "NIP")
    assert "tersimpan sebagai angka" in errors[0].message
    assert Pegawai.objects.filter(nama="Amir").exists() is False


def test_nip_typed_as_1_97e17_in_a_csv_is_detected(org):
    dataset = tablib.Dataset().load(
        "NIP,Nama,Status,Golongan,Kode Jabatan,Kode Unit\n1.97E+17,Amir,PNS,IV/a,A-KASI,\n",
        format="csv",
    )

    result = services.import_dataset(PegawaiResource(), dataset)

    assert "tersimpan sebagai angka" in result.errors[0].message


def test_units_import_with_their_parent_code_and_get_paths(org):
    dataset = tablib.Dataset(
        ("KEC-X", "Kecamatan X", "Kecamatan", "PEMKOT"),
        ("KEC-X-01", "Kelurahan Y", "kelurahan", "KEC-X"),
        headers=["Kode", "Nama", "Jenis", "Kode Induk"],
    )

    result = services.import_dataset(UnitKerjaResource(), dataset)

    assert result.ok is True
    kelurahan = UnitKerja.objects.get(kode="KEC-X-01")
    assert kelurahan.opd == UnitKerja.objects.get(kode="KEC-X")
    assert kelurahan.path.startswith(org.pemkot.path)


def test_unit_with_unknown_jenis_is_refused_with_the_allowed_values(org):
    dataset = tablib.Dataset(
        ("X", "X", "Dinas", "PEMKOT"), headers=["Kode", "Nama", "Jenis", "Kode Induk"]
    )

    result = services.import_dataset(UnitKerjaResource(), dataset)

    assert result.errors[0].column == "Jenis"
    assert result.errors[0].message.startswith(
        'Jenis unit "Dinas" tidak dikenal. Pilihan: Pemerintah Kota'
    )


def test_jabatan_import_links_the_jabatan_above(org):
    dataset = tablib.Dataset(
        ("A-ANALIS", "Analis", "Fungsional", "A-B", "A-KABID"),
        headers=["Kode", "Nama Jabatan", "Jenis", "Kode Unit", "Kode Jabatan Atasan"],
    )

    services.import_dataset(JabatanResource(), dataset)

    assert Jabatan.objects.get(kode="A-ANALIS").atasan == org.kabid.jabatan


def test_pegawai_export_keeps_nip_as_text(org):
    exported = PegawaiResource().export(Pegawai.objects.filter(pk=org.staf.pk))

    assert exported.dict[0]["NIP"] == org.staf.nip


def test_the_same_nip_written_with_spaces_is_a_duplicate_row(org):
    spaced = f"{org.staf.nip[:8]} {org.staf.nip[8:14]} {org.staf.nip[14]} {org.staf.nip[15:]}"
    rows = [
        (org.staf.nip, "Satu", "PNS", "III/a", "A-STAF", ""),
        (spaced, "Dua", "PNS", "III/a", "A-STAF", ""),
    ]

    result = services.import_dataset(PegawaiResource(), pegawai_dataset(rows))

    assert result.errors == [
        RowError(
            3, "NIP", f'NIP "{org.staf.nip}" muncul lebih dari sekali dalam berkas.'
        )
    ]
    assert Pegawai.objects.get(pk=org.staf.pk).nama == "Staf A1"
