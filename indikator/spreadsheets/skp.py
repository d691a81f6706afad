"""The SKP's RHK and IKI as one spreadsheet: one row per IKI with its RHK; the import replaces a draft's content.

An RHK without IKI yet is one row with the IKI columns empty, so a draft exports and imports
back unchanged (a JPT's unit indicator goes by its kode).
"""

import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.text import Truncator

from core.angka import parse_angka
from core.imports import ImportResult, missing_columns, run_rows
from core.responses import table_workbook
from core.uploads import read_upload
from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    Polaritas,
    RencanaHasilKerja,
    Skp,
)
from indikator.queries import numbered_rhk
from indikator.resources import cell_text

SKP_HEADERS = [
    "No RHK",
    "Jenis",
    "Rencana Hasil Kerja",
    "No RHK Atasan",
    "Aspek",
    "Indikator Kinerja Individu",
    "Target",
    "Target Atas",
    "Satuan",
    "Polaritas",
    "Target Kualitatif",
    "Kode Indikator Unit",
]
REQUIRED = ("No RHK", "Rencana Hasil Kerja", "Aspek", "Indikator Kinerja Individu")
# The column of the sheet that holds each field, for errors the user can find.
RHK_COLUMNS = {
    "urutan": "No RHK",
    "jenis": "Jenis",
    "uraian": "Rencana Hasil Kerja",
    "rhk_atasan": "No RHK Atasan",
    "indikator_unit": "Kode Indikator Unit",
}
IKI_COLUMNS = {
    "aspek": "Aspek",
    "uraian": "Indikator Kinerja Individu",
    "target": "Target",
    "target_atas": "Target Atas",
    "satuan": "Satuan",
    "polaritas": "Polaritas",
    "target_kualitatif": "Target Kualitatif",
}
IKI_HEADERS = SKP_HEADERS[4:11]
ROW_NUMBER = re.compile(r"[0-9]{1,4}")


def _atasan_rhk(skp):
    return numbered_rhk(RencanaHasilKerja.objects.intervenable_by(skp))


def export_skp_rhk(skp: Skp) -> bytes:
    """One row per IKI; "No RHK Atasan" is the number of the intervened RHK in the atasan's own export."""
    rows = []
    parent_number = {
        rhk.pk: number for number, rhk in enumerate(_atasan_rhk(skp), start=1)
    }
    rhk_list = numbered_rhk(
        skp.rencanahasilkerja_set.select_related("indikator_unit").prefetch_related(
            "indikatorkinerjaindividu_set"
        )
    )
    for number, rhk in enumerate(rhk_list, start=1):
        parent = parent_number.get(rhk.rhk_atasan_id, "")
        unit_kode = rhk.indikator_unit.kode if rhk.indikator_unit else ""
        for iki in rhk.indikatorkinerjaindividu_set.all() or [None]:
            rows.append(
                [number, rhk.get_jenis_display(), rhk.uraian, parent]
                + (
                    [
                        iki.get_aspek_display(),
                        iki.uraian,
                        iki.target,
                        iki.target_atas,
                        iki.satuan,
                        iki.get_polaritas_display(),
                        iki.target_kualitatif,
                    ]
                    if iki
                    else [""] * 7
                )
                + [unit_kode]
            )
    return table_workbook(SKP_HEADERS, rows, title="RHK dan IKI")


def import_skp_rhk(skp: Skp, upload) -> ImportResult:
    """Replace the draft's RHK and IKI with those of the file; all rows or none.

    Refused when an RHK of this SKP is already intervened by a subordinate's RHK (the import
    would delete it). A file refused as a whole (unreadable, no data row, a column missing)
    has errors without a data row and changes nothing. Rows with the same "No RHK" are one
    RHK: they must agree on its jenis, text, RHK atasan and unit indicator.
    """
    try:
        dataset = read_upload(upload)
    except ValidationError as error:
        return ImportResult.refused(error.messages)
    missing = missing_columns(dataset, REQUIRED)
    if missing:
        return ImportResult(0, missing)
    if RencanaHasilKerja.objects.filter(rhk_atasan__skp=skp).exists():
        return ImportResult.refused(
            "RHK SKP ini sudah diintervensi bawahan; impor akan menghapusnya. "
            "Ubah RHK satu per satu."
        )
    parents = dict(enumerate(_atasan_rhk(skp), start=1))
    made = {}  # "No RHK" → (the RHK made, the spreadsheet row that made it)

    def import_row(row, number):
        key = cell_text(row["No RHK"])
        if key in made:
            _same_rhk(made[key], _rhk_from(skp, row, parents))
        else:
            made[key] = (_save_rhk(_rhk_from(skp, row, parents)), number)
        if any(row.get(column) not in (None, "") for column in IKI_HEADERS):
            _make_iki(made[key][0], row)

    return run_rows(
        dataset, import_row, before=lambda: skp.rencanahasilkerja_set.all().delete()
    )


def _in_columns(error: ValidationError, columns: dict[str, str]) -> ValidationError:
    """The same errors, keyed by the sheet's column headers (an RHK and an IKI both have an "uraian")."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {
            name if name == NON_FIELD_ERRORS else columns.get(name, name): messages
            for name, messages in error.message_dict.items()
        }
    )


def _choice(value, choices, column):
    text = str(value or "").strip().lower()
    for stored, shown in choices:
        if text in (stored, shown.lower()):
            return stored
    raise ValidationError(
        {
            column: f'"{value}" tidak dikenal. Pilihan: {", ".join(s for _, s in choices)}.'
        }
    )


def _number(value, column):
    if value in (None, ""):
        return None
    try:
        return parse_angka(value)
    except ValidationError as error:
        raise ValidationError({column: error.messages}) from None


def _row_number(text: str) -> int | None:
    """A "No RHK" as the sheet numbers RHK (1, 2, 3 …); None for anything else."""
    return int(text) if ROW_NUMBER.fullmatch(text) else None


def _rhk_from(skp, row, parents) -> RencanaHasilKerja:
    """The row's RHK, checked, not saved."""
    number = cell_text(row["No RHK"])
    if _row_number(number) is None:
        raise ValidationError(
            {
                "No RHK": f'"{Truncator(number).chars(20)}" bukan nomor RHK; isi 1, 2, 3, …'
            }
        )
    parent_number = cell_text(row.get("No RHK Atasan"))
    parent = None
    if parent_number:
        parent = parents.get(_row_number(parent_number))
        if parent is None:
            raise ValidationError(
                {
                    "No RHK Atasan": f"RHK atasan nomor {Truncator(parent_number).chars(20)} tidak "
                    "ada di SKP pejabat penilai Anda."
                }
            )
    rhk = RencanaHasilKerja(
        skp=skp,
        urutan=_row_number(number),
        uraian=cell_text(row["Rencana Hasil Kerja"]),
        rhk_atasan=parent,
        jenis=_choice(
            row.get("Jenis") or "utama", RencanaHasilKerja.Jenis.choices, "Jenis"
        ),
        indikator_unit=_indikator_unit(skp, cell_text(row.get("Kode Indikator Unit"))),
    )
    try:
        rhk.full_clean()
    except ValidationError as error:
        raise _in_columns(error, RHK_COLUMNS) from None
    return rhk


def _save_rhk(rhk):
    rhk.save()
    return rhk


def _same_rhk(made, rhk) -> None:
    """A later row of an RHK already made must describe the same RHK (else its IKI would land on another)."""
    first, number = made
    fields = ("jenis", "uraian", "rhk_atasan_id", "indikator_unit_id")
    if any(getattr(first, name) != getattr(rhk, name) for name in fields):
        raise ValidationError(
            {
                "No RHK": f"RHK nomor {first.urutan} sudah diisi berbeda di baris {number}. "
                "Baris dengan No RHK yang sama harus sama jenis, uraian, RHK atasan "
                "dan indikator unitnya."
            }
        )


def _indikator_unit(skp, kode) -> IndikatorKinerja | None:
    """A JPT's unit indicator by kode: one of the SKP's year in the pegawai's unit, as the RHK form offers."""
    if not kode:
        return None
    if not skp.is_jpt:
        raise ValidationError(
            {
                "Kode Indikator Unit": "Hanya RHK pejabat pimpinan tinggi (JPT) yang menyebut "
                "indikator kinerja unit; kosongkan kolom ini."
            }
        )
    found = IndikatorKinerja.objects.filter(
        kode=kode,
        tahun=skp.periode.tahun,
        sasaran__unit__path__startswith=skp.pegawai.unit.path,
    ).first()
    if found is None:
        raise ValidationError(
            {
                "Kode Indikator Unit": f"Indikator kinerja unit {kode} tahun {skp.periode.tahun} "
                "tidak ada di unit Anda."
            }
        )
    return found


def _make_iki(rhk, row):
    iki = IndikatorKinerjaIndividu(
        rhk=rhk,
        aspek=_choice(row["Aspek"], IndikatorKinerjaIndividu.Aspek.choices, "Aspek"),
        uraian=cell_text(row["Indikator Kinerja Individu"]),
        target=_number(row.get("Target"), "Target"),
        target_atas=_number(row.get("Target Atas"), "Target Atas"),
        satuan=cell_text(row.get("Satuan")),
        polaritas=_choice(
            row.get("Polaritas") or "naik", Polaritas.choices, "Polaritas"
        ),
        target_kualitatif=cell_text(row.get("Target Kualitatif")),
    )
    try:
        iki.full_clean()
    except ValidationError as error:
        raise _in_columns(error, IKI_COLUMNS) from None
    iki.save()
