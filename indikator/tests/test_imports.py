"""indikator's imports: a file exported imports back unchanged, nothing is lost silently, every bad
file and row is named (issue 8 §9, §10, §11, §13).

Run on SQLite and PostgreSQL: an empty optional cell must be "" (a NOT NULL text column refuses
None on PostgreSQL only).
"""

import io
from decimal import Decimal

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from core.formats import CSV, XLSX
from core.imports import RowError, run_resource
from indikator import spreadsheets
from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    Periode,
    RencanaHasilKerja,
    SasaranStrategis,
)
from indikator.resources import IndikatorKinerjaResource, SasaranStrategisResource
from indikator.tests.factories import (
    IndikatorKinerjaFactory,
    IndikatorKinerjaIndividuFactory,
    RencanaHasilKerjaFactory,
    SasaranStrategisFactory,
    periode,
    skp_for,
)

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
AMBIGUOUS = "1,250.75"


def _xlsx(headers, rows, name="data.xlsx"):
    workbook = Workbook()
    workbook.active.append(headers)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def _upload(content, name="data.xlsx"):
    return SimpleUploadedFile(name, content)


# --- §10 round trips -------------------------------------------------------------------------------

FORMATS = [pytest.param(XLSX, id="xlsx"), pytest.param(CSV, id="csv")]


def _sasaran_rows():
    return list(
        SasaranStrategis.objects.order_by("kode").values_list(
            "kode", "unit__kode", "nama"
        )
    )


def _indikator_rows():
    return list(
        IndikatorKinerja.objects.order_by("kode").values_list(
            "sasaran__kode",
            "kode",
            "nama",
            "dokumen",
            "tahun",
            "satuan",
            "polaritas",
            "target",
            "target_atas",
        )
    )


@pytest.mark.parametrize("file_format", FORMATS)
def test_sasaran_export_imports_back_unchanged(org, file_format):
    SasaranStrategisFactory(
        unit=org.opd_a, kode="SS-1", nama="=Meningkatnya layanan; “kutip”, koma"
    )
    SasaranStrategisFactory(unit=org.opd_b, kode="002", nama="+62 Sasaran dua")
    before = _sasaran_rows()
    content = file_format().export_data(SasaranStrategisResource().export())
    SasaranStrategis.objects.all().delete()

    result = run_resource(
        SasaranStrategisResource(), file_format().create_dataset(content)
    )

    assert (result.errors, result.rows) == ([], 2)
    assert _sasaran_rows() == before


@pytest.mark.parametrize("file_format", FORMATS)
def test_indikator_export_imports_back_unchanged(org, file_format):
    sasaran = SasaranStrategisFactory(unit=org.opd_a, kode="SS-1")
    IndikatorKinerjaFactory(
        sasaran=sasaran,
        kode="IKU-1",
        nama="-Angka putus sekolah",
        tahun=2026,
        satuan="%",
        polaritas="turun",
        target=Decimal("0.5"),
        target_atas=None,
    )
    IndikatorKinerjaFactory(
        sasaran=sasaran,
        kode="IKU-2",
        nama="Cakupan imunisasi",
        dokumen="pk",
        tahun=2026,
        satuan="%",
        polaritas="rentang",
        target=Decimal("1250.75"),
        target_atas=Decimal("1300"),
    )
    before = _indikator_rows()
    content = file_format().export_data(IndikatorKinerjaResource().export())
    IndikatorKinerja.objects.all().delete()

    result = run_resource(
        IndikatorKinerjaResource(), file_format().create_dataset(content)
    )

    assert (result.errors, result.rows) == ([], 2)
    assert _indikator_rows() == before


def test_indikator_screen_export_imports_back_unchanged_through_the_screen_import(org):
    sasaran = SasaranStrategisFactory(unit=org.opd_a, kode="SS-1")
    IndikatorKinerjaFactory(
        sasaran=sasaran, kode="IKU-1", target=Decimal("97.5"), target_atas=None
    )
    IndikatorKinerjaFactory(
        sasaran=sasaran, kode="IKU-2", polaritas="rentang", target=7, target_atas=8
    )
    before = _indikator_rows()
    content = spreadsheets.export_indikator(IndikatorKinerja.objects.all())
    IndikatorKinerja.objects.all().delete()

    result = spreadsheets.import_indikator(_upload(content), by=org.pengelola.akun)

    assert (result.errors, result.rows) == ([], 2)
    assert _indikator_rows() == before


def _skp_content(skp):
    """Everything the RHK sheet carries, in document order: RHK then their IKI."""
    rows = []
    for rhk in RencanaHasilKerja.objects.filter(skp=skp).order_by(
        "jenis", "urutan", "pk"
    ):
        iki = list(
            rhk.indikatorkinerjaindividu_set.order_by("pk").values_list(
                "aspek",
                "uraian",
                "target",
                "target_atas",
                "satuan",
                "polaritas",
                "target_kualitatif",
            )
        )
        rows.append(
            (rhk.jenis, rhk.uraian, rhk.rhk_atasan_id, rhk.indikator_unit_id, iki)
        )
    return rows


def test_skp_rhk_sheet_exports_and_imports_back_unchanged(org, chain, staf_draft):
    rhk = RencanaHasilKerjaFactory(
        skp=staf_draft,
        rhk_atasan=chain.rhk_kasi,
        uraian="=Tersusunnya laporan",
        urutan=2,
    )
    IndikatorKinerjaIndividuFactory(
        rhk=rhk,
        aspek="kualitas",
        uraian="Persentase",
        target=Decimal("97.5"),
        target_atas=Decimal("99.25"),
        satuan="%",
    )
    IndikatorKinerjaIndividuFactory(
        rhk=rhk,
        aspek="waktu",
        uraian="Ketepatan",
        target=7,
        target_atas=8,
        satuan="bulan",
        polaritas="turun",
    )
    IndikatorKinerjaIndividuFactory(
        rhk=rhk,
        aspek="kualitas",
        uraian="Mutu",
        target=None,
        satuan="",
        target_kualitatif="+ Tanpa catatan auditor",
    )
    RencanaHasilKerjaFactory(
        skp=staf_draft, jenis="tambahan", uraian="RHK tambahan tanpa IKI", urutan=3
    )
    before = _skp_content(staf_draft)
    content = spreadsheets.export_skp_rhk(staf_draft)

    result = spreadsheets.import_skp_rhk(staf_draft, _upload(content))

    assert (result.errors, result.rows) == ([], 5)
    assert _skp_content(staf_draft) == before


def test_a_jpt_skp_rhk_sheet_keeps_the_unit_indicator_each_rhk_serves(org):
    indikator = IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_b), kode="B-IKU-1", tahun=2026
    )
    skp = skp_for(org.kepala_b)
    rhk = RencanaHasilKerjaFactory(
        skp=skp, indikator_unit=indikator, uraian="Meningkatnya layanan B"
    )
    IndikatorKinerjaIndividuFactory(rhk=rhk)
    before = _skp_content(skp)

    result = spreadsheets.import_skp_rhk(skp, _upload(spreadsheets.export_skp_rhk(skp)))

    assert result.errors == []
    assert _skp_content(skp) == before
    assert before[0][3] == indikator.pk


def test_skp_import_refuses_a_unit_indicator_on_an_rhk_that_is_not_a_jpts(
    org, chain, staf_draft
):
    row = [
        1,
        "Utama",
        "RHK",
        1,
        "Kuantitas",
        "Jumlah",
        1,
        None,
        "x",
        "naik",
        "",
        chain.indikator.kode,
    ]

    result = spreadsheets.import_skp_rhk(
        staf_draft, _xlsx(spreadsheets.SKP_HEADERS, [row])
    )

    assert [(error.row, error.column) for error in result.errors] == [
        (2, "Kode Indikator Unit")
    ]


# --- §11 a file without data rows changes nothing ------------------------------------------------------


def test_a_header_only_skp_file_leaves_every_rhk_and_iki_and_says_why(
    org, chain, staf_draft
):
    before = _skp_content(staf_draft)

    result = spreadsheets.import_skp_rhk(
        staf_draft, _xlsx(spreadsheets.SKP_HEADERS, [])
    )

    assert result.errors == [
        RowError(
            None,
            "",
            "Berkas tidak berisi baris data (hanya judul kolom). "
            "Tidak ada yang diimpor.",
        )
    ]
    assert _skp_content(staf_draft) == before != []


def test_a_header_only_skp_file_on_the_import_page_keeps_the_draft_and_says_why_at_the_field(
    client, org, chain, staf_draft
):
    client.force_login(org.staf.akun)
    before = _skp_content(staf_draft)

    response = client.post(
        reverse("indikator:skp_import", args=[staf_draft.pk]),
        {"berkas": _xlsx(spreadsheets.SKP_HEADERS, [[None] * 11, [""] * 11])},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["berkas"] == [
        "Berkas tidak berisi baris data (hanya judul kolom). Tidak ada yang diimpor."
    ]
    assert "berhasil diimpor" not in response.content.decode()
    assert _skp_content(staf_draft) == before


def test_a_header_only_indikator_file_changes_nothing_and_says_why(client, org):
    indikator = IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_a), target=80
    )
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("indikator:indikator_import"), {"berkas": _xlsx(INDIKATOR_HEADERS, [])}
    )

    assert response.context["form"].errors["berkas"] == [
        "Berkas tidak berisi baris data (hanya judul kolom). Tidak ada yang diimpor."
    ]
    assert list(IndikatorKinerja.objects.values_list("pk", "target")) == [
        (indikator.pk, 80)
    ]


# --- §11 duplicate keys are refused, both rows named --------------------------------------------------


def test_indikator_import_refuses_the_same_kode_and_tahun_twice_naming_both_rows(org):
    SasaranStrategisFactory(unit=org.opd_a, kode="SS-A-1")
    rows = [
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
        ["SS-A-1", "IKU-2", "Angka putus sekolah", "IKU", 2026, "%", "turun", 1, None],
        [
            "SS-A-1",
            "IKU-1",
            "Persentase sampah tertangani (revisi)",
            "IKU",
            "2026",
            "%",
            "naik",
            90,
            None,
        ],
        ["SS-A-1", "IKU-1", "Tahun lain boleh", "IKU", 2027, "%", "naik", 90, None],
    ]

    result = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, rows), by=org.pengelola.akun
    )

    assert result.errors == [
        RowError(
            2,
            "Kode Indikator",
            "Kode IKU-1 tahun 2026 juga ada di baris 4; satu baris per kode. "
            "Hapus atau gabungkan baris yang sama.",
        ),
        RowError(
            4,
            "Kode Indikator",
            "Kode IKU-1 tahun 2026 juga ada di baris 2; satu baris per kode. "
            "Hapus atau gabungkan baris yang sama.",
        ),
    ]
    assert IndikatorKinerja.objects.count() == 0


def test_sasaran_import_refuses_the_same_kode_twice_naming_both_rows(org):
    dataset = tablib.Dataset(
        ["SS-1", "A", "Satu"],
        ["SS-1", "A", "Satu lagi"],
        headers=["Kode Sasaran", "Kode Unit", "Sasaran Strategis"],
    )

    result = run_resource(SasaranStrategisResource(), dataset)

    assert [(error.row, error.column) for error in result.errors] == [
        (2, "Kode Sasaran"),
        (3, "Kode Sasaran"),
    ]
    assert "juga ada di baris 3" in result.errors[0].message
    assert SasaranStrategis.objects.count() == 0


def test_the_admin_indikator_import_refuses_duplicates_and_locked_years_by_row(
    admin_client, org
):
    SasaranStrategisFactory(unit=org.opd_a, kode="SS-A-1")
    Periode.objects.filter(pk=periode(2027).pk).update(terkunci=True)
    rows = [
        ["SS-A-1", "IKU-1", "Satu", "IKU", 2026, "%", "naik", 85, None],
        ["SS-A-1", "IKU-1", "Satu lagi", "IKU", 2026, "%", "naik", 86, None],
        ["SS-A-1", "IKU-3", "Tahun terkunci", "IKU", 2027, "%", "naik", 86, None],
    ]
    url = "/admin/indikator/indikatorkinerja/import/"
    form = admin_client.get(url).context["form"]
    xlsx = next(
        value for value, label in form.fields["format"].choices if label == "xlsx"
    )

    response = admin_client.post(
        url,
        {
            "resource": "0",
            "format": xlsx,
            "import_file": _xlsx(INDIKATOR_HEADERS, rows),
        },
    )

    named = {(error.row, error.column) for error in response.context["import_errors"]}
    assert named == {(2, "Kode Indikator"), (3, "Kode Indikator"), (4, "Tahun")}
    assert "Traceback" not in response.content.decode()
    assert IndikatorKinerja.objects.count() == 0


def test_skp_import_refuses_two_different_rhk_under_one_number(org, chain, staf_draft):
    rows = [
        [
            1,
            "Utama",
            "RHK satu",
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
            1,
            "Utama",
            "RHK lain",
            1,
            "Kuantitas",
            "Jumlah surat",
            3,
            None,
            "surat",
            "naik",
            "",
        ],
        [
            1,
            "Utama",
            "RHK satu",
            1,
            "Kualitas",
            "Mutu laporan",
            90,
            None,
            "%",
            "naik",
            "",
        ],
    ]

    result = spreadsheets.import_skp_rhk(
        staf_draft, _xlsx(spreadsheets.SKP_HEADERS, rows)
    )

    assert [(error.row, error.column) for error in result.errors] == [(3, "No RHK")]
    assert "sudah diisi berbeda di baris 2" in result.errors[0].message
    assert list(staf_draft.rencanahasilkerja_set.values_list("uraian", flat=True)) == [
        "Terangkutnya sampah TPS"
    ]


# --- §9 numbers typed in cells ------------------------------------------------------------------------


@pytest.mark.parametrize("column", ["Target", "Target Atas"])
@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("95,5", Decimal("95.5")),
        ("1.250,75", Decimal("1250.75")),
        ("95.5", Decimal("95.5")),
    ],
)
def test_skp_import_reads_numbers_typed_as_text_the_indonesian_way(
    org, chain, staf_draft, column, typed, value
):
    row = [
        1,
        "Utama",
        "RHK baru",
        1,
        "Kuantitas",
        "Jumlah",
        "1",
        None,
        "dokumen",
        "naik",
        "",
    ]
    row[spreadsheets.SKP_HEADERS.index(column)] = typed

    result = spreadsheets.import_skp_rhk(
        staf_draft, _xlsx(spreadsheets.SKP_HEADERS, [row])
    )

    assert result.errors == []
    iki = IndikatorKinerjaIndividu.objects.get(rhk__skp=staf_draft)
    assert (iki.target, iki.target_atas)[
        ["Target", "Target Atas"].index(column)
    ] == value


@pytest.mark.parametrize("column", ["Target", "Target Atas"])
def test_skp_import_refuses_an_ambiguous_number_at_its_row_and_column(
    org, chain, staf_draft, column
):
    row = [
        1,
        "Utama",
        "RHK baru",
        1,
        "Kuantitas",
        "Jumlah",
        "1",
        None,
        "dokumen",
        "naik",
        "",
    ]
    row[spreadsheets.SKP_HEADERS.index(column)] = AMBIGUOUS

    result = spreadsheets.import_skp_rhk(
        staf_draft, _xlsx(spreadsheets.SKP_HEADERS, [row])
    )

    assert [(error.row, error.column) for error in result.errors] == [(2, column)]
    assert "koma untuk desimal" in result.errors[0].message
    assert staf_draft.rencanahasilkerja_set.get().uraian == "Terangkutnya sampah TPS"


@pytest.mark.parametrize(
    ("column", "typed", "message"),
    [
        ("Target", AMBIGUOUS, "koma untuk desimal"),
        ("Target Atas", AMBIGUOUS, "koma untuk desimal"),
        ("Tahun", "2026,5", "bukan bilangan bulat"),
        ("Tahun", "dua ribu", "bukan angka"),
    ],
)
def test_indikator_import_refuses_a_number_it_cannot_read_at_its_row_and_column(
    org, column, typed, message
):
    SasaranStrategisFactory(unit=org.opd_a, kode="SS-A-1")
    row = ["SS-A-1", "IKU-1", "Cakupan", "IKU", 2026, "%", "naik", 1, None]
    row[INDIKATOR_HEADERS.index(column)] = typed

    result = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, [row]), by=org.pengelola.akun
    )

    assert [(error.row, error.column) for error in result.errors] == [(2, column)]
    assert message in result.errors[0].message
    assert IndikatorKinerja.objects.count() == 0


def test_indikator_import_reads_targets_typed_as_text_the_indonesian_way(org):
    SasaranStrategisFactory(unit=org.opd_a, kode="SS-A-1")
    rows = [
        [
            "SS-A-1",
            "IKU-1",
            "Cakupan",
            "IKU",
            "2026",
            "%",
            "rentang",
            "95,5",
            "1.250,75",
        ]
    ]

    result = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, rows), by=org.pengelola.akun
    )

    assert result.errors == []
    assert IndikatorKinerja.objects.values_list(
        "tahun", "target", "target_atas"
    ).get() == (2026, Decimal("95.5"), Decimal("1250.75"))


# --- §13 the import pages -----------------------------------------------------------------------------


def _skp_page(org, chain, staf_draft):
    return org.staf.akun, reverse("indikator:skp_import", args=[staf_draft.pk])


def _indikator_page(org, chain, staf_draft):
    return org.pengelola.akun, reverse("indikator:indikator_import")


PAGES = [
    pytest.param(_skp_page, id="skp"),
    pytest.param(_indikator_page, id="indikator"),
]
BAD_FILES = [
    pytest.param(
        SimpleUploadedFile("data.xlsx", b"kode,nama\n1,2\n"),
        "Berkas harus berformat Excel .xlsx.",
        id="not-xlsx",
    ),
    pytest.param(
        SimpleUploadedFile("data.xlsx", b"PK\x03\x04 rusak"),
        "Berkas tidak dapat dibaca. Simpan ulang dari Excel (format .xlsx) lalu coba lagi.",
        id="broken-zip",
    ),
    pytest.param(
        SimpleUploadedFile("data.xlsx", b"PK\x03\x04" + b"\x00" * (5 * 1024 * 1024)),
        "Berkas terlalu besar (maksimal 5 MB).",
        id="too-big",
    ),
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("upload", "sentence"), BAD_FILES)
def test_an_import_page_answers_a_bad_file_with_one_indonesian_sentence_at_the_file_field(
    client, org, chain, staf_draft, page, upload, sentence
):
    user, url = page(org, chain, staf_draft)
    client.force_login(user)
    upload.seek(0)

    response = client.post(url, {"berkas": upload})

    assert response.status_code == 200
    assert response.context["form"].errors["berkas"] == [sentence]
    content = response.content.decode()
    assert (
        "Traceback" not in content
        and "BadZipFile" not in content
        and "Error" not in content
    )


def test_the_skp_import_page_lists_every_bad_row_by_row_number_and_column_header(
    client, org, chain, staf_draft
):
    client.force_login(org.staf.akun)
    rows = [
        [1, "Utama", "RHK", 9, "Kuantitas", "Jumlah", "1", None, "x", "naik", ""],
        [2, "Utama", "RHK dua", 1, "Arah", "Jumlah", "1,250.75", None, "x", "naik", ""],
    ]

    response = client.post(
        reverse("indikator:skp_import", args=[staf_draft.pk]),
        {"berkas": _xlsx(spreadsheets.SKP_HEADERS, rows)},
    )

    content = response.content.decode()
    assert [
        (error.row, error.column) for error in response.context["result"].errors
    ] == [(2, "No RHK Atasan"), (3, "Aspek")]
    assert (
        "<td>2</td><td>No RHK Atasan</td>" in content
        and "<td>3</td><td>Aspek</td>" in content
    )
    assert "Traceback" not in content


def test_the_indikator_import_page_lists_every_bad_row_by_row_number_and_column_header(
    client, org
):
    SasaranStrategisFactory(unit=org.opd_a, kode="SS-A-1")
    SasaranStrategisFactory(unit=org.opd_b, kode="SS-B-1")
    client.force_login(org.pengelola.akun)
    rows = [
        ["SS-B-1", "IKU-1", "Milik OPD lain", "IKU", 2026, "%", "naik", 1, None],
        [
            "SS-A-1",
            "IKU-2",
            "Target tak terbaca",
            "IKU",
            2026,
            "%",
            "naik",
            AMBIGUOUS,
            None,
        ],
        ["SS-X", "IKU-3", "Sasaran tak dikenal", "IKU", 2026, "%", "naik", 1, None],
    ]

    response = client.post(
        reverse("indikator:indikator_import"),
        {"berkas": _xlsx(INDIKATOR_HEADERS, rows)},
    )

    content = response.content.decode()
    assert [
        (error.row, error.column) for error in response.context["result"].errors
    ] == [(2, "Kode Sasaran"), (3, "Target"), (4, "Kode Sasaran")]
    for cells in (
        "<td>2</td><td>Kode Sasaran</td>",
        "<td>3</td><td>Target</td>",
        "<td>4</td><td>Kode Sasaran</td>",
    ):
        assert cells in content
    assert "Traceback" not in content and IndikatorKinerja.objects.count() == 0


@pytest.mark.parametrize("column", ["No RHK", "No RHK Atasan"])
@pytest.mark.parametrize("typed", ["²", "9" * 5000, "1,5", "-1"])
def test_skp_import_refuses_a_row_number_it_cannot_read_at_its_column_never_with_an_error_page(
    org, chain, staf_draft, column, typed
):
    row = [1, "Utama", "RHK", 1, "Kuantitas", "Jumlah", 1, None, "x", "naik", ""]
    row[spreadsheets.SKP_HEADERS.index(column)] = typed

    result = spreadsheets.import_skp_rhk(
        staf_draft, _xlsx(spreadsheets.SKP_HEADERS, [row])
    )

    assert [(error.row, error.column) for error in result.errors] == [(2, column)]
    assert staf_draft.rencanahasilkerja_set.get().uraian == "Terangkutnya sampah TPS"


@pytest.mark.parametrize("column", ["Kode Indikator", "Indikator Kinerja", "Satuan"])
def test_an_empty_text_cell_of_the_indikator_sheet_is_read_as_empty_text_and_named(
    org, column
):
    SasaranStrategisFactory(unit=org.opd_a, kode="SS-A-1")
    row = ["SS-A-1", "IKU-1", "Cakupan", "IKU", 2026, "%", "naik", 1, None]
    row[INDIKATOR_HEADERS.index(column)] = None

    result = spreadsheets.import_indikator(
        _xlsx(INDIKATOR_HEADERS, [row]), by=org.pengelola.akun
    )

    assert [(error.row, error.column) for error in result.errors] == [(2, column)]
    assert (
        "kosong" in result.errors[0].message and "null" not in result.errors[0].message
    )


def test_the_indikator_export_writes_years_and_targets_as_numbers(org):
    IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_a),
        tahun=2026,
        target=Decimal("1250.75"),
    )

    sheet = load_workbook(
        io.BytesIO(spreadsheets.export_indikator(IndikatorKinerja.objects.all()))
    ).active
    row = dict(zip([cell.value for cell in sheet[1]], sheet[2], strict=True))

    assert (row["Tahun"].value, row["Tahun"].data_type) == (2026, "n")
    assert (row["Target"].value, row["Target"].data_type) == (1250.75, "n")
    assert row["Target Atas"].value is None
