"""Spreadsheets organisasi hands out: issued accounts, the survey response template, survey results."""

from openpyxl import Workbook
from openpyxl.styles import Font

from core.responses import workbook_bytes
from organisasi.models import Pertanyaan, Survei
from organisasi.queries.survei import PROFIL_FIELDS, HasilSurvei
from organisasi.skm import PEMBULATAN, round2

__all__ = [
    "accounts_workbook",
    "hasil_workbook",
    "import_columns",
    "import_template_workbook",
]

Tipe = Pertanyaan.Tipe


def accounts_workbook(issued, skipped=()) -> bytes:
    """One row per issued account (who, which NIP to log in with, the one-time password), and
    a second sheet with the pegawai left out and why."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Akun"
    sheet.append(["NIP", "Nama", "Jabatan", "Unit kerja", "Kata sandi sekali pakai"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for pegawai, password in issued:
        sheet.append(
            [
                pegawai.nip,
                pegawai.nama_lengkap,
                pegawai.jabatan.nama,
                pegawai.unit.nama,
                password,
            ]
        )
    for column, width in zip("ABCDE", (22, 36, 40, 40, 24), strict=True):
        sheet.column_dimensions[column].width = width
    sheet["A1"].number_format = "@"
    for row in sheet.iter_rows(min_row=2, max_col=1):
        row[
            0
        ].number_format = "@"  # keep NIP as text when the file is reopened in Excel
    if skipped:
        other = book.create_sheet("Dilewati")
        other.append(["NIP", "Nama", "Alasan"])
        for pegawai, reason in skipped:
            other.append([pegawai.nip, pegawai.nama_lengkap, reason])
    return workbook_bytes(book)


def import_columns(survei: Survei) -> list[str]:
    """Column headers of the response spreadsheet: profile, then P<urutan> per question."""
    return [
        *PROFIL_FIELDS,
        "layanan",
        *(f"P{p.urutan}" for p in survei.pertanyaan_set.order_by("urutan")),
    ]


def import_template_workbook(survei: Survei) -> bytes:
    """An empty response spreadsheet with the right headers and a sheet explaining each column."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Jawaban"
    sheet.append(import_columns(survei))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    guide = book.create_sheet("Petunjuk")
    guide.append(["Kolom", "Isi"])
    for name, choices in PROFIL_FIELDS.items():
        guide.append(
            [
                name,
                "Opsional: "
                + ", ".join(f"{value} ({label})" for value, label in choices.choices),
            ]
        )
    guide.append(["layanan", "Opsional: layanan yang diterima responden"])
    for pertanyaan in survei.pertanyaan_set.order_by("urutan"):
        guide.append(
            [
                f"P{pertanyaan.urutan}",
                f"{pertanyaan.label} — {_answer_hint(pertanyaan)}",
            ]
        )
    return workbook_bytes(book)


def _answer_hint(pertanyaan: Pertanyaan) -> str:
    wajib = "wajib" if pertanyaan.wajib else "opsional"
    if pertanyaan.tipe == Tipe.YA_TIDAK:
        return f"ya/tidak ({wajib})"
    if pertanyaan.skala:
        return f"angka {pertanyaan.skala[0]}–{pertanyaan.skala[1]} ({wajib})"
    if pertanyaan.tipe == Tipe.PILIHAN:
        return f"salah satu dari: {', '.join(pertanyaan.pilihan)} ({wajib})"
    return f"{pertanyaan.get_tipe_display().lower()} ({wajib})"


def hasil_workbook(hasil: HasilSurvei) -> bytes:
    """The results as a spreadsheet: summary, NRR per unsur, distributions of other questions."""
    survei = hasil.survei
    book = Workbook()
    sheet = book.active
    sheet.title = "Ringkasan"
    rows = [
        ["Survei", survei.judul],
        ["Unit kerja", survei.unit.nama],
        ["Program/layanan", survei.program],
        ["Periode", survei.periode],
        ["Responden", hasil.responden],
        ["Target responden", survei.target_responden],
        ["Bobot unsur", hasil.bobot_label],
        [
            "IKM",
            float(hasil.ikm) if hasil.ikm is not None else (hasil.masalah_bobot or "-"),
        ],
        ["Pembulatan", PEMBULATAN],
        [
            "Mutu pelayanan",
            f"{hasil.mutu.mutu} ({hasil.mutu.kinerja})" if hasil.mutu else "-",
        ],
    ]
    for row in rows:
        sheet.append(row)
    unsur_sheet = book.create_sheet("Unsur SKM")
    unsur_sheet.append(
        [
            "No",
            "Unsur",
            "Jumlah jawaban",
            "Jumlah nilai",
            "NRR",
            "Bobot",
            "NRR tertimbang",
            "Konversi",
        ]
    )
    for item in hasil.unsur:
        unsur_sheet.append(
            [
                item.pertanyaan.urutan,
                item.pertanyaan.unsur,
                item.jumlah,
                _float(item.total),
                _float(item.nrr),
                float(item.bobot) if item.bobot is not None else None,
                _float(item.nrr_tertimbang),
                _float(item.nilai_konversi),
            ]
        )
    other = book.create_sheet("Pertanyaan lain")
    other.append(["No", "Pertanyaan", "Jumlah jawaban", "Rata-rata", "Sebaran"])
    for item in hasil.lainnya:
        sebaran = "; ".join(
            f"{label}: {count}" for label, count, _ in item.sebaran_rows()
        )
        rata = float(round2(item.rata)) if item.rata is not None else None
        other.append(
            [item.pertanyaan.urutan, item.pertanyaan.teks, item.jumlah, rata, sebaran]
        )
    for each in book.worksheets:
        for cell in each[1]:
            cell.font = Font(bold=True)
        each.column_dimensions["B"].width = 45
    return workbook_bytes(book)


def _float(value):
    return float(value) if value is not None else None
