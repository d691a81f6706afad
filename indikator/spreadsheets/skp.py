"""The SKP's RHK and IKI as one spreadsheet: one row per IKI with its RHK; the import replaces a draft's content."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from core.angka import parse_angka
from core.imports import ImportResult, missing_columns, run_rows
from core.responses import table_workbook
from core.uploads import read_upload
from indikator.models import IndikatorKinerjaIndividu, Polaritas, RencanaHasilKerja, Skp
from indikator.queries import numbered_rhk

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
]
REQUIRED = ("No RHK", "Rencana Hasil Kerja", "Aspek", "Indikator Kinerja Individu")
# The column of the sheet that holds each field, for errors the user can find.
RHK_COLUMNS = {
    "urutan": "No RHK",
    "jenis": "Jenis",
    "uraian": "Rencana Hasil Kerja",
    "rhk_atasan": "No RHK Atasan",
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


def _atasan_rhk(skp):
    return numbered_rhk(RencanaHasilKerja.objects.intervenable_by(skp))


def export_skp_rhk(skp: Skp) -> bytes:
    """One row per IKI; "No RHK Atasan" is the number of the intervened RHK in the atasan's own export."""
    rows = []
    parent_number = {
        rhk.pk: number for number, rhk in enumerate(_atasan_rhk(skp), start=1)
    }
    rhk_list = numbered_rhk(
        skp.rencanahasilkerja_set.prefetch_related("indikatorkinerjaindividu_set")
    )
    for number, rhk in enumerate(rhk_list, start=1):
        parent = parent_number.get(rhk.rhk_atasan_id, "")
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
            )
    return table_workbook(SKP_HEADERS, rows, title="RHK dan IKI")


def import_skp_rhk(skp: Skp, upload) -> ImportResult:
    """Replace the draft's RHK and IKI with those of the file; all rows or none.

    Refused when an RHK of this SKP is already intervened by a subordinate's RHK (the import
    would delete it). A file refused as a whole has errors without a data row.
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
    made = {}

    def import_row(row, number):
        key = str(row["No RHK"] or "").strip()
        made[key] = made.get(key) or _make_rhk(skp, row, parents)
        _make_iki(made[key], row)

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


def _make_rhk(skp, row, parents):
    number = str(row["No RHK"] or "").strip()
    if not number.isdigit():
        raise ValidationError({"No RHK": f'"{number}" harus berupa angka.'})
    parent_number = str(row.get("No RHK Atasan") or "").strip()
    parent = None
    if parent_number:
        parent = parents.get(int(parent_number)) if parent_number.isdigit() else None
        if parent is None:
            raise ValidationError(
                {
                    "No RHK Atasan": f"RHK atasan nomor {parent_number} tidak ada di SKP pejabat "
                    "penilai Anda."
                }
            )
    rhk = RencanaHasilKerja(
        skp=skp,
        urutan=int(number),
        uraian=str(row["Rencana Hasil Kerja"] or "").strip(),
        rhk_atasan=parent,
        jenis=_choice(
            row.get("Jenis") or "utama", RencanaHasilKerja.Jenis.choices, "Jenis"
        ),
    )
    try:
        rhk.full_clean()
    except ValidationError as error:
        raise _in_columns(error, RHK_COLUMNS) from None
    rhk.save()
    return rhk


def _make_iki(rhk, row):
    iki = IndikatorKinerjaIndividu(
        rhk=rhk,
        aspek=_choice(row["Aspek"], IndikatorKinerjaIndividu.Aspek.choices, "Aspek"),
        uraian=str(row["Indikator Kinerja Individu"] or "").strip(),
        target=_number(row.get("Target"), "Target"),
        target_atas=_number(row.get("Target Atas"), "Target Atas"),
        satuan=str(row.get("Satuan") or "").strip(),
        polaritas=_choice(
            row.get("Polaritas") or "naik", Polaritas.choices, "Polaritas"
        ),
        target_kualitatif=str(row.get("Target Kualitatif") or "").strip(),
    )
    try:
        iki.full_clean()
    except ValidationError as error:
        raise _in_columns(error, IKI_COLUMNS) from None
    iki.save()
