import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from core.imports import RowError
from indikator import spreadsheets
from indikator.models import IndikatorKinerja, Periode, RencanaHasilKerja
from indikator.tests.factories import (
    IndikatorKinerjaFactory,
    SasaranStrategisFactory,
    periode,
)
from organisasi.models import Pegawai

pytestmark = pytest.mark.django_db

INDIKATOR_HEADERS = [
    "Kode Sasaran",
    "Kode Indikator",
    "Indikator Kinerja",
    "Dokumen",
    "Tahun",
    "Satuan",
    "Polaritas",
    "Target",
    "Target Atas",
]


def _xlsx(headers, rows, name="data.xlsx"):
    workbook = Workbook()
    workbook.active.append(headers)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def sasaran(org):
    return SasaranStrategisFactory(unit=org.opd_a, kode="SS-A-1")


GOOD_ROWS = [
    [
        "SS-A-1",
        "IKU-1",
        "Persentase sampah tertangani",
        "IKU",
        2026,
        "%",
        "naik",
        85,
        None,
    ],
    [
        "SS-A-1",
        "IKU-2",
        "Angka putus sekolah",
        "iku",
        2026,
        "%",
        "Makin rendah makin baik",
        "0,5",
        None,
    ],
    ["SS-A-1", "IKU-3", "Cakupan imunisasi", "PK", 2026, "%", "rentang", 90, 95],
]


def test_import_indikator_creates_rows_and_a_second_import_updates_them(org, sasaran):
    first = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, GOOD_ROWS), by=org.pengelola.akun
    )
    rows = [r[:] for r in GOOD_ROWS]
    rows[0][7] = 88
    second = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, rows), by=org.pengelola.akun
    )

    assert first.errors == [] and second.errors == []
    assert list(
        IndikatorKinerja.objects.order_by("kode").values_list(
            "kode", "polaritas", "target"
        )
    ) == [("IKU-1", "naik", 88), ("IKU-2", "turun", 0.5), ("IKU-3", "rentang", 90)]


def test_import_indikator_with_bad_rows_saves_nothing_and_names_each_row(org, sasaran):
    rows = GOOD_ROWS + [
        ["SS-A-1", "IKU-4", "Negatif", "IKU", 2026, "%", "naik", -5, None],
        ["SS-X", "IKU-5", "Sasaran tak dikenal", "IKU", 2026, "%", "naik", 5, None],
        ["SS-A-1", "IKU-6", "Rentang terbalik", "IKU", 2026, "%", "rentang", 95, 90],
    ]

    result = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, rows), by=org.pengelola.akun
    )

    assert IndikatorKinerja.objects.count() == 0
    messages = {(error.row, error.column): error.message for error in result.errors}
    assert "Target tidak boleh negatif." in messages[(5, "Target")]
    assert (
        'Kode sasaran strategis "SS-X" tidak dikenal.' in messages[(6, "Kode Sasaran")]
    )
    assert "melebihi batas atasnya" in messages[(7, "Target Atas")]


def test_import_indikator_refuses_rows_of_an_opd_the_pengelola_does_not_manage(org):
    SasaranStrategisFactory(unit=org.opd_b, kode="SS-B-1")
    rows = [["SS-B-1", "IKU-B", "Indikator B", "IKU", 2026, "%", "naik", 5, None]]

    result = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, rows), by=org.pengelola.akun
    )

    assert result.errors == [
        RowError(
            2,
            "Kode Sasaran",
            "Sasaran SS-B-1 milik Dinas B, bukan unit yang Anda kelola.",
        )
    ]
    assert IndikatorKinerja.objects.count() == 0


def test_import_refuses_a_file_that_is_not_xlsx(org):
    result = spreadsheets.import_skp_rhk(
        None, SimpleUploadedFile("x.xlsx", b"kode,nama\n")
    )

    assert result.errors == [RowError(None, "", "Berkas harus berformat Excel .xlsx.")]


def test_export_indikator_round_trips_through_import(org, sasaran):
    IndikatorKinerjaFactory(sasaran=sasaran, kode="IKU-9", target=70)
    content = spreadsheets.export_indikator(IndikatorKinerja.objects.all())

    result = spreadsheets.import_indikator(
        SimpleUploadedFile("e.xlsx", content), by=org.admin.akun
    )

    assert result.errors == []
    assert IndikatorKinerja.objects.count() == 1


def test_skp_rhk_export_then_import_reproduces_the_rhk_and_iki(org, chain, staf_draft):
    content = spreadsheets.export_skp_rhk(staf_draft)
    sheet = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[2]][:5] == [
        1,
        "Utama",
        "Terangkutnya sampah TPS",
        1,
        "Kuantitas",
    ]

    result = spreadsheets.import_skp_rhk(
        staf_draft, SimpleUploadedFile("s.xlsx", content)
    )

    rhk = RencanaHasilKerja.objects.get(skp=staf_draft)
    assert result.errors == []
    assert (rhk.uraian, rhk.rhk_atasan) == ("Terangkutnya sampah TPS", chain.rhk_kasi)
    assert rhk.indikatorkinerjaindividu_set.count() == 1


def test_skp_rhk_import_with_a_bad_row_keeps_the_old_content(org, chain, staf_draft):
    rows = [
        [
            1,
            "Utama",
            "RHK baru",
            1,
            "Kuantitas",
            "Jumlah laporan",
            12,
            None,
            "laporan",
            "naik",
            "",
        ],
        [2, "Utama", "RHK salah", 7, "Kuantitas", "Jumlah", 3, None, "x", "naik", ""],
        [
            3,
            "Utama",
            "RHK waktu",
            1,
            "Waktu",
            "Ketepatan",
            14,
            None,
            "bulan",
            "naik",
            "",
        ],
    ]

    result = spreadsheets.import_skp_rhk(
        staf_draft, _xlsx(spreadsheets.SKP_HEADERS, rows)
    )

    assert result.errors == [
        RowError(
            3,
            "No RHK Atasan",
            "RHK atasan nomor 7 tidak ada di SKP pejabat penilai Anda.",
        ),
        RowError(4, "Target", "Target waktu melebihi periode SKP (12 bulan)."),
    ]
    assert list(staf_draft.rencanahasilkerja_set.values_list("uraian", flat=True)) == [
        "Terangkutnya sampah TPS"
    ]


def test_import_indikator_refuses_a_row_that_would_take_over_another_opds_indikator(
    org, sasaran
):
    indikator_b = IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_b, kode="SS-B-1"),
        kode="B-IKU-1",
        target=80,
    )
    rows = [
        GOOD_ROWS[0],
        ["SS-A-1", "B-IKU-1", "diambil alih", "IKU", 2026, "%", "naik", 1, None],
    ]

    result = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, rows), by=org.pengelola.akun
    )

    indikator_b.refresh_from_db()
    assert result.errors == [
        RowError(
            3,
            "Kode Indikator",
            "Indikator B-IKU-1 tahun 2026 milik Dinas B, bukan unit yang Anda kelola.",
        )
    ]
    assert (indikator_b.sasaran.unit, indikator_b.target) == (org.opd_b, 80)
    assert list(IndikatorKinerja.objects.values_list("kode", flat=True)) == ["B-IKU-1"]


def test_import_indikator_refuses_rows_of_a_locked_year(org, sasaran):
    Periode.objects.filter(pk=periode(2026).pk).update(terkunci=True)

    result = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, GOOD_ROWS[:1]), by=org.pengelola.akun
    )

    assert result.errors == [
        RowError(
            2,
            "Tahun",
            "Tahun 2026 terkunci; indikatornya tidak dapat diimpor. "
            "BKPSDM mengubahnya lewat formulir dengan alasan.",
        )
    ]
    assert IndikatorKinerja.objects.count() == 0


def test_import_indikator_leaves_the_organisation_data_alone(org, sasaran):
    Pegawai.objects.filter(pk=org.staf.pk).update(atasan=org.kabid)

    result = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, GOOD_ROWS), by=org.pengelola.akun
    )

    assert result.errors == []
    assert Pegawai.objects.get(pk=org.staf.pk).atasan_id == org.kabid.pk


def test_skp_rhk_import_names_the_column_of_each_error_even_where_rhk_and_iki_share_a_field(
    org, chain, staf_draft
):
    rows = [
        [
            1,
            "Utama",
            "",
            1,
            "Kuantitas",
            "Jumlah laporan",
            12,
            None,
            "laporan",
            "naik",
            "",
        ],
        [
            2,
            "Sampingan",
            "RHK jenis salah",
            1,
            "Kuantitas",
            "Jumlah",
            3,
            None,
            "x",
            "naik",
            "",
        ],
        [3, "Utama", "RHK tanpa IKI", 1, "Kuantitas", "", "0,5", None, "x", "naik", ""],
    ]

    result = spreadsheets.import_skp_rhk(
        staf_draft, _xlsx(spreadsheets.SKP_HEADERS, rows)
    )

    assert [(error.row, error.column) for error in result.errors] == [
        (2, "Rencana Hasil Kerja"),
        (3, "Jenis"),
        (4, "Indikator Kinerja Individu"),
    ]
    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_skp_rhk_import_reads_a_decimal_comma(org, chain, staf_draft):
    rows = [
        [
            1,
            "Utama",
            "RHK baru",
            1,
            "Kualitas",
            "Persentase aduan",
            "97,5",
            None,
            "%",
            "naik",
            "",
        ]
    ]

    result = spreadsheets.import_skp_rhk(
        staf_draft, _xlsx(spreadsheets.SKP_HEADERS, rows)
    )

    assert (result.ok, result.rows) == (True, 1)
    assert list(
        RencanaHasilKerja.objects.filter(skp=staf_draft).values_list(
            "indikatorkinerjaindividu__target", flat=True
        )
    ) == [Decimal("97.5")]


def test_import_indikator_names_the_missing_columns_at_the_header_row(org):
    result = spreadsheets.import_indikator(
        _xlsx(["Kode Sasaran", "Tahun"], [["SS-A-1", 2026]]), by=org.admin.akun
    )

    assert result.errors == [
        RowError(
            1, "", "Kolom Kode Indikator tidak ada. Gunakan templat yang disediakan."
        )
    ]
