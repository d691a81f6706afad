"""xlsx import and export of unit indicators and of an SKP's RHK/IKI (all-or-nothing, per-row errors)."""

import io
from decimal import Decimal, InvalidOperation

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook

from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    Periode,
    Polaritas,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)
from indikator.queries import numbered_rhk
from indikator.resources import IndikatorKinerjaResource
from organisasi.permissions import can_manage_unit_data
from organisasi.services import row_errors
from organisasi.spreadsheets import read_upload


def read_xlsx(upload) -> tablib.Dataset:
    """The first sheet of an uploaded xlsx as a Dataset (size, format and row checks are shared)."""
    return read_upload(upload)


def _workbook_bytes(headers, rows, title) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- unit indicators ---------------------------------------------------------------


def import_indikator(upload, *, by) -> dict:
    """Import unit indicators and their targets; nothing is saved when any row is bad.

    Returns {"rows": n, "errors": [(row number, message)]}. Rows the user may not write
    (a sasaran or an existing indicator of a unit they do not manage, a locked year) are
    refused before anything is written.
    """
    dataset = read_xlsx(upload)
    errors = _scope_errors(dataset, by)
    if errors:
        return {"rows": 0, "errors": errors}
    # Not organisasi.services.import_dataset: an indicator import changes no unit or atasan.
    result = IndikatorKinerjaResource().import_data(
        dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True)
    return {"rows": len(dataset), "errors": row_errors(result)}


def _cell(row, column) -> str:
    value = row.get(column)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


def _scope_errors(dataset, user):
    missing = [h for h in ("Kode Sasaran", "Kode Indikator", "Tahun") if h not in (dataset.headers or [])]
    if missing:
        return [(0, f"Kolom {', '.join(missing)} tidak ada. Gunakan templat dari tombol Ekspor.")]
    rows = [(_cell(row, "Kode Sasaran"), _cell(row, "Kode Indikator"), _cell(row, "Tahun")) for row in dataset.dict]
    units = {s.kode: s.unit for s in SasaranStrategis.objects.filter(
        kode__in={sasaran for sasaran, _, _ in rows}).select_related("unit")}
    existing = {(i.kode, str(i.tahun)): i for i in IndikatorKinerja.objects.filter(
        kode__in={kode for _, kode, _ in rows}).select_related("sasaran__unit")}
    locked = {str(tahun) for tahun in Periode.objects.filter(terkunci=True).values_list("tahun", flat=True)}
    errors = []
    for number, (sasaran, kode, tahun) in enumerate(rows, start=1):
        unit, current = units.get(sasaran), existing.get((kode, tahun))
        if unit is not None and not can_manage_unit_data(user, unit):
            errors.append((number, f"Sasaran {sasaran} milik {unit}, bukan unit yang Anda kelola."))
        if current is not None and not can_manage_unit_data(user, current.sasaran.unit):
            errors.append((number, f"Indikator {kode} tahun {tahun} milik {current.sasaran.unit}, "
                                   "bukan unit yang Anda kelola."))
        if tahun in locked:
            errors.append((number, f"Tahun {tahun} terkunci; indikatornya tidak dapat diimpor. "
                                   "BKPSDM mengubahnya lewat formulir dengan alasan."))
    return errors


def export_indikator(indikator_list) -> bytes:
    dataset = IndikatorKinerjaResource().export(indikator_list)
    return dataset.export("xlsx")


# --- SKP RHK / IKI ------------------------------------------------------------------

SKP_HEADERS = ["No RHK", "Jenis", "Rencana Hasil Kerja", "No RHK Atasan", "Aspek", "Indikator Kinerja Individu",
               "Target", "Target Atas", "Satuan", "Polaritas", "Target Kualitatif"]


def _atasan_rhk(skp):
    return numbered_rhk(RencanaHasilKerja.objects.intervenable_by(skp))


def export_skp_rhk(skp: Skp) -> bytes:
    """One row per IKI; "No RHK Atasan" is the number of the intervened RHK in the atasan's own export."""
    rows = []
    parent_number = {rhk.pk: number for number, rhk in enumerate(_atasan_rhk(skp), start=1)}
    rhk_list = numbered_rhk(skp.rencanahasilkerja_set.prefetch_related("indikatorkinerjaindividu_set"))
    for number, rhk in enumerate(rhk_list, start=1):
        parent = parent_number.get(rhk.rhk_atasan_id, "")
        for iki in rhk.indikatorkinerjaindividu_set.all() or [None]:
            rows.append([number, rhk.get_jenis_display(), rhk.uraian, parent] + ([
                iki.get_aspek_display(), iki.uraian, iki.target, iki.target_atas, iki.satuan,
                iki.get_polaritas_display(), iki.target_kualitatif] if iki else [""] * 7))
    return _workbook_bytes(SKP_HEADERS, rows, "RHK dan IKI")


def _choice(value, choices, label):
    text = str(value or "").strip().lower()
    for stored, shown in choices:
        if text in (stored, shown.lower()):
            return stored
    raise ValidationError(f"{label} \"{value}\" tidak dikenal. Pilihan: {', '.join(s for _, s in choices)}.")


def _number(value, label):
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(f"{label} \"{value}\" bukan angka.") from None


def import_skp_rhk(skp: Skp, upload) -> list[tuple[int, str]]:
    """Replace the draft's RHK and IKI with those of the file; all-or-nothing, returns row errors.

    Refused when an RHK of this SKP is already intervened by a subordinate's RHK.
    """
    try:
        dataset = read_xlsx(upload)
    except ValidationError as error:
        return [(0, message) for message in error.messages]
    missing = [h for h in ("No RHK", "Rencana Hasil Kerja", "Aspek", "Indikator Kinerja Individu")
               if h not in (dataset.headers or [])]
    if missing:
        return [(0, f"Kolom {', '.join(missing)} tidak ada. Gunakan templat dari tombol Ekspor.")]
    if RencanaHasilKerja.objects.filter(rhk_atasan__skp=skp).exists():
        return [(0, "RHK SKP ini sudah diintervensi bawahan; impor akan menghapusnya. Ubah RHK satu per satu.")]
    errors = []
    with transaction.atomic():
        skp.rencanahasilkerja_set.all().delete()
        _import_rows(skp, dataset, errors)
        if errors:
            transaction.set_rollback(True)
    return errors


def _import_rows(skp, dataset, errors):
    parents = dict(enumerate(_atasan_rhk(skp), start=1))
    made = {}
    for number, row in enumerate(dataset.dict, start=1):
        try:
            rhk = made.get(str(row["No RHK"]).strip()) or _make_rhk(skp, row, parents)
            made[str(row["No RHK"]).strip()] = rhk
            _make_iki(rhk, row)
        except ValidationError as error:
            errors += [(number, message) for message in _messages(error)]


def _messages(error):
    if hasattr(error, "error_dict"):
        return [f"{field}: {m}" if field != "__all__" else m for field, ms in error.message_dict.items() for m in ms]
    return error.messages


def _make_rhk(skp, row, parents):
    number = str(row["No RHK"] or "").strip()
    if not number.isdigit():
        raise ValidationError(f"No RHK \"{number}\" harus berupa angka.")
    parent_number = str(row.get("No RHK Atasan") or "").strip()
    parent = None
    if parent_number:
        parent = parents.get(int(parent_number)) if parent_number.isdigit() else None
        if parent is None:
            raise ValidationError(f"RHK atasan nomor {parent_number} tidak ada di SKP pejabat penilai Anda.")
    rhk = RencanaHasilKerja(
        skp=skp, urutan=int(number), uraian=str(row["Rencana Hasil Kerja"] or "").strip(), rhk_atasan=parent,
        jenis=_choice(row.get("Jenis") or "utama", RencanaHasilKerja.Jenis.choices, "Jenis"),
    )
    rhk.full_clean()
    rhk.save()
    return rhk


def _make_iki(rhk, row):
    iki = IndikatorKinerjaIndividu(
        rhk=rhk, aspek=_choice(row["Aspek"], IndikatorKinerjaIndividu.Aspek.choices, "Aspek"),
        uraian=str(row["Indikator Kinerja Individu"] or "").strip(),
        target=_number(row.get("Target"), "Target"), target_atas=_number(row.get("Target Atas"), "Target atas"),
        satuan=str(row.get("Satuan") or "").strip(),
        polaritas=_choice(row.get("Polaritas") or "naik", Polaritas.choices, "Polaritas"),
        target_kualitatif=str(row.get("Target Kualitatif") or "").strip(),
    )
    iki.full_clean()
    iki.save()
