"""State changes of activities, realisations and evidence (one verb each).

Every rule of issue 10 §4 is checked here and raised as a ValidationError at the field it
concerns, in Indonesian. Callers check who may act (kinerja.permissions); the states and the
entry window are business rules and are checked here again, so a stale page cannot change an
approved activity.
"""

import datetime
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from kinerja import bukti as bukti_rules
from kinerja import kalender, queries
from kinerja.models import (
    Aktivitas,
    BuktiDukung,
    EntryWindow,
    Realisasi,
    Status,
    bukti_storage,
    minutes_between,
)
from organisasi.models import Pegawai
from organisasi.permissions import pegawai_of

EDITABLE = Aktivitas.EDITABLE_STATUSES
ACTIVITY_FIELDS = (
    "tanggal",
    "jam_mulai",
    "jam_selesai",
    "rhk",
    "uraian",
    "kuantitas_output",
    "satuan_output",
)


def _lock_pegawai(pegawai) -> Pegawai:
    """Serialise one pegawai's writes, so two taps cannot both pass the overlap check."""
    return (
        Pegawai.objects.select_for_update(of=("self",))
        .select_related("atasan")
        .get(pk=pegawai.pk)
    )


def _short(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _span(aktivitas) -> str:
    return f"{kalender.format_time(aktivitas.jam_mulai)}–{kalender.format_time(aktivitas.jam_selesai)}"


# --- checks ----------------------------------------------------------------------------------


def _activity_errors(aktivitas: Aktivitas, window: EntryWindow) -> dict[str, str]:
    """Every rule an activity must meet, as {field: message}; empty when it may be saved."""
    errors = {}
    try:
        aktivitas.clean()
    except ValidationError as error:
        errors.update(
            {name: messages[0] for name, messages in error.message_dict.items()}
        )
    if problem := window.problem(aktivitas.tanggal):
        errors["tanggal"] = problem
    if not aktivitas.uraian:
        errors["uraian"] = "Uraian kegiatan wajib diisi."
    if message := _rhk_problem(aktivitas):
        errors["rhk"] = message
    if "jam_selesai" not in errors:
        errors.update(_day_errors(aktivitas, window.aturan))
    return errors


def _rhk_problem(aktivitas) -> str:
    rhk_ids = {
        rhk.pk for rhk in queries.rhk_in_force(aktivitas.pegawai, aktivitas.tanggal)
    }
    if not rhk_ids:
        return f"Belum ada SKP disetujui yang berlaku pada {kalender.format_date(aktivitas.tanggal)}."
    if aktivitas.rhk_id not in rhk_ids:
        return "Pilih RHK dari SKP yang berlaku pada tanggal ini."
    return ""


def _day_errors(aktivitas, aturan) -> dict[str, str]:
    """No overlap with the day's other entries, and the day within its maximum minutes."""
    others = list(
        Aktivitas.objects.of(aktivitas.pegawai)
        .on_day(aktivitas.tanggal)
        .exclude(pk=aktivitas.pk)
        .in_day_order()
    )
    clash = next(
        (
            other
            for other in others
            if other.overlaps(aktivitas.jam_mulai, aktivitas.jam_selesai)
        ),
        None,
    )
    if clash is not None:
        return {
            "jam_mulai": f"Bertabrakan dengan aktivitas {_span(clash)} “{_short(clash.uraian)}”."
        }
    menit = sum(other.menit for other in others) + minutes_between(
        aktivitas.jam_mulai, aktivitas.jam_selesai
    )
    if menit > aturan.menit_maksimal_per_hari:
        return {
            "jam_selesai": f"Total hari ini menjadi {menit} menit; paling banyak "
            f"{aturan.menit_maksimal_per_hari} menit sehari."
        }
    return {}


def _evidence(berkas, tautan: str, errors: dict) -> bukti_rules.CheckedFile | None:
    """The checked file (or None); a refusal goes to `errors` at `berkas` or `tautan`."""
    if tautan and not tautan.lower().startswith(("https://", "http://")):
        errors["tautan"] = "Tautan harus diawali https:// atau http://."
    if berkas and tautan:
        errors["tautan"] = "Pilih salah satu: unggah berkas atau isi tautan."
    if not berkas:
        return None
    try:
        return bukti_rules.check_upload(berkas)
    except ValidationError as error:
        errors["berkas"] = error.messages[0]
        return None


def _store_evidence(owner, checked, tautan: str, *, kunci=None) -> BuktiDukung | None:
    """Write the evidence row (and its file), the last step of the caller's transaction."""
    if checked is None and not tautan:
        return None
    bukti = BuktiDukung(
        pegawai_id=owner.pegawai_id,
        kunci=kunci,
        tautan=tautan if checked is None else "",
    )
    if isinstance(owner, Aktivitas):
        bukti.aktivitas = owner
    else:
        bukti.realisasi = owner
    if checked is None:
        bukti.save()
        return bukti
    bukti.nama_asli, bukti.jenis_konten, bukti.ukuran = (
        checked.nama_asli,
        checked.jenis_konten,
        len(checked.content),
    )
    bukti.berkas.save(
        f"bukti{checked.extension}", ContentFile(checked.content), save=False
    )
    try:
        bukti.save()
    except Exception:
        bukti_storage.delete(bukti.berkas.name)  # the row failed: no file without a row
        raise
    return bukti


def _delete_files_after_commit(names) -> None:
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [bukti_storage.delete(name) for name in names])


# --- activities: create, change, delete ------------------------------------------------------


def create_aktivitas(
    pegawai,
    *,
    tanggal: datetime.date,
    jam_mulai: datetime.time,
    jam_selesai: datetime.time,
    rhk,
    uraian: str,
    kuantitas_output: Decimal,
    satuan_output: str,
    kunci: uuid.UUID | None = None,
    berkas=None,
    tautan: str = "",
    today: datetime.date | None = None,
) -> tuple[Aktivitas, bool]:
    """Record an activity (with an optional file or link); returns (activity, created).

    Idempotent per `kunci`: a second call with the same key (a double tap, an offline retry)
    returns the activity saved the first time and creates nothing. Atomic: an evidence file
    that is refused saves nothing. Raises ValidationError {field: message} for every rule.
    """
    kunci = kunci or uuid.uuid4()
    window, evidence_errors = EntryWindow.load(today), {}
    checked = _evidence(
        berkas, tautan, evidence_errors
    )  # a photo is resized before the row lock is taken
    with transaction.atomic():
        pegawai = _lock_pegawai(pegawai)
        existing = Aktivitas.objects.filter(pegawai=pegawai, kunci=kunci).first()
        if existing is not None:
            return existing, False
        aktivitas = Aktivitas(
            pegawai=pegawai,
            tanggal=tanggal,
            jam_mulai=jam_mulai,
            jam_selesai=jam_selesai,
            rhk=rhk,
            uraian=queries.normalise_uraian(uraian),
            kuantitas_output=kuantitas_output,
            satuan_output=(satuan_output or "").strip(),
            kunci=kunci,
        )
        errors = {**_activity_errors(aktivitas, window), **evidence_errors}
        if errors:
            raise ValidationError(errors)
        try:
            with transaction.atomic():
                aktivitas.save()
        except (
            IntegrityError
        ):  # the same key saved by a parallel request the lock did not serialise
            existing = Aktivitas.objects.filter(pegawai=pegawai, kunci=kunci).first()
            if existing is None:
                raise
            return existing, False
        _store_evidence(aktivitas, checked, tautan, kunci=kunci)
    return aktivitas, True


def _require_editable(aktivitas: Aktivitas, window: EntryWindow) -> None:
    if not aktivitas.is_editable_status:
        raise ValidationError(
            f"Aktivitas berstatus {aktivitas.get_status_display()} tidak dapat diubah."
        )
    if problem := window.problem(aktivitas.tanggal):
        raise ValidationError(problem)


def update_aktivitas(
    aktivitas: Aktivitas, *, today: datetime.date | None = None, **values
) -> Aktivitas:
    """Change a Draft or Dikembalikan activity (any of ACTIVITY_FIELDS); same rules as creating.

    A returned activity stays Dikembalikan (with the atasan's note) until it is submitted again.
    """
    window = EntryWindow.load(today)
    with transaction.atomic():
        _lock_pegawai(aktivitas.pegawai)
        current = (
            Aktivitas.objects.select_for_update(of=("self",))
            .select_related("pegawai")
            .get(pk=aktivitas.pk)
        )
        _require_editable(current, window)
        for name, value in values.items():
            if name not in ACTIVITY_FIELDS:
                raise TypeError(f"update_aktivitas() does not change {name}")
            setattr(current, name, value)
        current.uraian = queries.normalise_uraian(current.uraian)
        current.satuan_output = (current.satuan_output or "").strip()
        errors = _activity_errors(current, window)
        if errors:
            raise ValidationError(errors)
        current.save()
    return current


@transaction.atomic
def delete_aktivitas(
    aktivitas: Aktivitas, *, today: datetime.date | None = None
) -> None:
    """Delete a Draft or Dikembalikan activity with its evidence (the history keeps the row)."""
    current = Aktivitas.objects.select_for_update().get(pk=aktivitas.pk)
    _require_editable(current, EntryWindow.load(today))
    names = list(
        BuktiDukung.objects.filter(aktivitas=current).values_list("berkas", flat=True)
    )
    current.delete()
    _delete_files_after_commit(names)


@transaction.atomic
def correct_aktivitas(
    aktivitas: Aktivitas,
    *,
    uraian: str,
    kuantitas_output: Decimal,
    satuan_output: str,
    alasan: str,
) -> Aktivitas:
    """A data maintainer corrects the text or output of any activity (admin); the reason is kept in the history."""
    if not alasan.strip():
        raise ValidationError({"alasan": "Tuliskan alasan koreksi."})
    current = Aktivitas.objects.select_for_update().get(pk=aktivitas.pk)
    current.uraian, current.kuantitas_output = (
        queries.normalise_uraian(uraian),
        kuantitas_output,
    )
    current.satuan_output = satuan_output.strip()
    current._change_reason = f"Koreksi data: {alasan.strip()}"
    current.save(
        update_fields=["uraian", "kuantitas_output", "satuan_output", "updated_at"]
    )
    return current


# --- activities: copy ---------------------------------------------------------------------


def _copy_key(kunci: uuid.UUID, source: Aktivitas, tanggal: datetime.date) -> uuid.UUID:
    """One key per (copy form, source, target date), so a repeated copy action creates nothing twice."""
    return uuid.uuid5(kunci, f"{source.pk}:{tanggal.isoformat()}")


def _copy(
    pegawai, sources, target_date, *, kunci, today
) -> tuple[list[Aktivitas], list[str]]:
    created, problems = [], []
    for source in sources:
        tanggal = target_date(source)
        try:
            aktivitas, new = create_aktivitas(
                pegawai,
                tanggal=tanggal,
                jam_mulai=source.jam_mulai,
                jam_selesai=source.jam_selesai,
                rhk=source.rhk,
                uraian=source.uraian,
                kuantitas_output=source.kuantitas_output,
                satuan_output=source.satuan_output,
                kunci=_copy_key(kunci, source, tanggal),
                today=today,
            )
        except ValidationError as error:
            problems.append(
                f"{kalender.format_date(tanggal)} {_span(source)} “{_short(source.uraian)}”: "
                f"{error.messages[0]}"
            )
        else:
            if new:
                created.append(aktivitas)
    return created, problems


def copy_aktivitas(
    aktivitas: Aktivitas,
    *,
    to: datetime.date,
    kunci: uuid.UUID,
    today: datetime.date | None = None,
) -> tuple[list[Aktivitas], list[str]]:
    """Copy one activity (not its evidence) as a Draft to another date; returns (created, problems)."""
    return _copy(
        aktivitas.pegawai, [aktivitas], lambda source: to, kunci=kunci, today=today
    )


def copy_day(
    pegawai,
    *,
    source: datetime.date,
    to: datetime.date,
    kunci: uuid.UUID,
    today: datetime.date | None = None,
) -> tuple[list[Aktivitas], list[str]]:
    """Copy a day's activities as Drafts to another date; entries that break a rule are reported, not copied."""
    sources = (
        Aktivitas.objects.of(pegawai)
        .on_day(source)
        .select_related("rhk", "pegawai")
        .in_day_order()
    )
    return _copy(pegawai, sources, lambda aktivitas: to, kunci=kunci, today=today)


def copy_week(
    pegawai,
    *,
    source_monday: datetime.date,
    to_monday: datetime.date,
    kunci: uuid.UUID,
    today: datetime.date | None = None,
) -> tuple[list[Aktivitas], list[str]]:
    """Copy a week's activities to the same weekdays of another week, as Drafts."""
    shift = to_monday - source_monday
    sources = (
        Aktivitas.objects.of(pegawai)
        .between(source_monday, source_monday + datetime.timedelta(days=6))
        .select_related("rhk", "pegawai")
        .in_day_order()
    )
    return _copy(
        pegawai,
        sources,
        lambda aktivitas: aktivitas.tanggal + shift,
        kunci=kunci,
        today=today,
    )


# --- activities: submit, approve, return --------------------------------------------------


def submit_aktivitas(
    pegawai, aktivitas_ids, *, today: datetime.date | None = None
) -> tuple[int, list[str]]:
    """Send the pegawai's editable activities among `aktivitas_ids` to their atasan.

    Returns (submitted, problems). Activities of a future date, or of a closed month or
    period, stay as they are and are named in the problems; others of the selection (already
    submitted or approved, someone else's) are ignored. Refused without an atasan.
    """
    window = EntryWindow.load(today)
    with transaction.atomic():
        pegawai = _lock_pegawai(pegawai)
        if pegawai.atasan_id is None:
            raise ValidationError(
                "Anda belum punya atasan langsung di e-Kinerja; hubungi pengelola kinerja OPD."
            )
        rows = list(
            Aktivitas.objects.select_for_update()
            .filter(pegawai=pegawai, pk__in=list(aktivitas_ids), status__in=EDITABLE)
            .in_day_order()
        )
        ready, problems = [], []
        for aktivitas in rows:
            if aktivitas.tanggal > window.today:
                problems.append(
                    f"{kalender.format_date(aktivitas.tanggal)}: aktivitas tanggal depan belum dapat diajukan."
                )
            elif problem := window.problem(aktivitas.tanggal):
                problems.append(f"{kalender.format_date(aktivitas.tanggal)}: {problem}")
            else:
                ready.append(aktivitas)
        now = timezone.now()
        for aktivitas in ready:
            aktivitas.status, aktivitas.diajukan_pada, aktivitas.updated_at = (
                Status.DIAJUKAN,
                now,
                now,
            )
        bulk_update_with_history(
            ready, Aktivitas, ["status", "diajukan_pada", "updated_at"]
        )
    return len(ready), sorted(set(problems))


def _decide(aktivitas_ids, *, by, status: str, catatan: str, today) -> int:
    window = EntryWindow.load(today)
    approver = pegawai_of(by)
    if approver is None:
        return 0
    with transaction.atomic():
        rows = list(
            Aktivitas.objects.select_for_update(of=("self",))
            .filter(
                pk__in=list(aktivitas_ids),
                status=Status.DIAJUKAN,
                pegawai__atasan=approver,
            )
            .select_related("pegawai")
        )
        decided = [
            aktivitas for aktivitas in rows if window.period_open(aktivitas.tanggal)
        ]
        now = timezone.now()
        for aktivitas in decided:
            aktivitas.status, aktivitas.catatan_atasan = status, catatan
            (
                aktivitas.diputuskan_oleh,
                aktivitas.diputuskan_pada,
                aktivitas.updated_at,
            ) = by, now, now
        bulk_update_with_history(
            decided,
            Aktivitas,
            [
                "status",
                "catatan_atasan",
                "diputuskan_oleh",
                "diputuskan_pada",
                "updated_at",
            ],
            default_change_reason=catatan or None,
        )
    return len(decided)


def approve_aktivitas(
    aktivitas_ids, *, by, catatan: str = "", today: datetime.date | None = None
) -> int:
    """The atasan approves submitted activities of their direct subordinates; returns how many.

    Only activities still Diajukan, of a pegawai whose atasan is `by` now, in an open period
    are approved; the rest are left alone (so two approvers at once cannot both decide).
    """
    return _decide(
        aktivitas_ids,
        by=by,
        status=Status.DISETUJUI,
        catatan=catatan.strip(),
        today=today,
    )


def return_aktivitas(
    aktivitas_ids, *, by, catatan: str, today: datetime.date | None = None
) -> int:
    """The atasan returns submitted activities with a note; the pegawai fixes and resubmits them."""
    if not catatan.strip():
        raise ValidationError(
            {"catatan": "Tuliskan catatan untuk pegawai: apa yang perlu diperbaiki."}
        )
    return _decide(
        aktivitas_ids,
        by=by,
        status=Status.DIKEMBALIKAN,
        catatan=catatan.strip(),
        today=today,
    )


# --- evidence ---------------------------------------------------------------------------------


def attach_bukti(
    owner: Aktivitas | Realisasi,
    *,
    berkas=None,
    tautan: str = "",
    kunci: uuid.UUID | None = None,
) -> tuple[BuktiDukung, bool]:
    """Add a file or a link to an activity or a realisation; returns (evidence, created).

    Refused (ValidationError at `berkas` or `tautan`) for a file too big, of a type other than
    pdf/jpg/png/xlsx/docx or whose name lies about its content, and when the owner is no
    longer editable. Idempotent per `kunci`.
    """
    errors = {}
    if not berkas and not tautan:
        errors["berkas"] = "Pilih berkas atau isi tautan bukti dukung."
    checked = _evidence(berkas, tautan.strip(), errors)
    with transaction.atomic():
        current = type(owner).objects.select_for_update().get(pk=owner.pk)
        if kunci and (
            existing := BuktiDukung.objects.filter(
                pegawai_id=current.pegawai_id, kunci=kunci
            ).first()
        ):
            return existing, False
        if not current.is_editable_status:
            raise ValidationError(
                f"Bukti tidak dapat ditambahkan: status {current.get_status_display()}."
            )
        if errors:
            raise ValidationError(errors)
        return _store_evidence(current, checked, tautan.strip(), kunci=kunci), True


@transaction.atomic
def delete_bukti(bukti: BuktiDukung) -> None:
    """Remove evidence from an editable activity or realisation, and its file after commit."""
    owner = bukti.aktivitas or bukti.realisasi
    if not owner.is_editable_status:
        raise ValidationError(
            f"Bukti tidak dapat dihapus: status {owner.get_status_display()}."
        )
    name = bukti.berkas.name
    bukti.delete()
    _delete_files_after_commit([name])


# --- realisations ---------------------------------------------------------------------------


def _realisasi_for(pegawai, iki, periode_penilaian) -> Realisasi:
    if iki.pk not in {
        i.pk for i in queries.iki_for_periode(pegawai, periode_penilaian)
    }:
        raise ValidationError(
            "IKI ini bukan bagian dari SKP Anda yang berlaku pada periode ini."
        )
    if periode_penilaian.is_locked:
        raise ValidationError(
            f"Periode {periode_penilaian} terkunci; realisasi tidak dapat diubah."
        )
    realisasi = Realisasi.objects.select_for_update().filter(
        iki=iki, periode_penilaian=periode_penilaian
    ).first() or Realisasi(
        pegawai=pegawai, iki=iki, periode_penilaian=periode_penilaian
    )
    if not realisasi.is_editable_status:
        raise ValidationError(
            f"Realisasi berstatus {realisasi.get_status_display()} tidak dapat diubah."
        )
    return realisasi


def save_realisasi(
    pegawai,
    iki,
    periode_penilaian,
    *,
    nilai: Decimal | None,
    narasi: str,
    berkas=None,
    tautan: str = "",
) -> Realisasi:
    """Write (or correct) the pegawai's realisation of one IKI in one period, with optional evidence.

    Safe to repeat: there is one realisation per IKI and period. Refused for an IKI outside
    the pegawai's SKP of the period, a locked period, a submitted or approved realisation,
    or a negative value.
    """
    errors = {}
    if nilai is not None and nilai < 0:
        errors["nilai"] = "Realisasi tidak boleh negatif."
    if nilai is None and not narasi.strip():
        errors["nilai"] = "Isi nilai realisasi atau narasinya."
    checked = _evidence(berkas, tautan.strip(), errors)
    with transaction.atomic():
        realisasi = _realisasi_for(pegawai, iki, periode_penilaian)
        if errors:
            raise ValidationError(errors)
        realisasi.nilai, realisasi.narasi = nilai, narasi.strip()
        realisasi.save()
        _store_evidence(realisasi, checked, tautan.strip())
    return realisasi


def submit_realisasi(
    pegawai, periode_penilaian, *, today: datetime.date | None = None
) -> tuple[int, list[str]]:
    """Send the pegawai's draft or returned realisations of a period to their atasan.

    Returns (submitted, problems): an IKI with a numeric target needs a value, a qualitative
    one a narrative. Refused before the period begins, in a locked period, or without an atasan.
    """
    today = today or timezone.localdate()
    if periode_penilaian.is_locked:
        raise ValidationError(f"Periode {periode_penilaian} terkunci.")
    if today < periode_penilaian.mulai:
        raise ValidationError(f"Periode {periode_penilaian} belum dimulai.")
    with transaction.atomic():
        pegawai = _lock_pegawai(pegawai)
        if pegawai.atasan_id is None:
            raise ValidationError(
                "Anda belum punya atasan langsung di e-Kinerja; hubungi pengelola kinerja OPD."
            )
        rows = list(
            Realisasi.objects.select_for_update(of=("self",))
            .filter(
                pegawai=pegawai,
                periode_penilaian=periode_penilaian,
                status__in=Realisasi.EDITABLE_STATUSES,
            )
            .select_related("iki")
        )
        ready, problems = [], []
        for realisasi in rows:
            numeric = realisasi.iki.target is not None
            if (numeric and realisasi.nilai is None) or (
                not numeric and not realisasi.narasi
            ):
                problems.append(
                    f"{_short(realisasi.iki.uraian, 60)}: isi {'nilai' if numeric else 'narasi'} realisasi."
                )
            else:
                ready.append(realisasi)
        now = timezone.now()
        for realisasi in ready:
            realisasi.status, realisasi.diajukan_pada, realisasi.updated_at = (
                Status.DIAJUKAN,
                now,
                now,
            )
        bulk_update_with_history(
            ready, Realisasi, ["status", "diajukan_pada", "updated_at"]
        )
    return len(ready), problems


def _decide_realisasi(
    realisasi: Realisasi, *, by, status: str, catatan: str
) -> Realisasi:
    approver = pegawai_of(by)
    with transaction.atomic():
        current = (
            Realisasi.objects.select_for_update(of=("self",))
            .select_related("pegawai", "periode_penilaian__periode")
            .get(pk=realisasi.pk)
        )
        if (
            current.status != Status.DIAJUKAN
            or approver is None
            or current.pegawai.atasan_id != approver.pk
            or current.periode_penilaian.is_locked
        ):
            raise ValidationError("Realisasi ini tidak menunggu keputusan Anda.")
        current.status, current.catatan_atasan = status, catatan
        current.diputuskan_oleh, current.diputuskan_pada = by, timezone.now()
        current._change_reason = catatan or None
        current.save()
    return current


def approve_realisasi(realisasi: Realisasi, *, by, catatan: str = "") -> Realisasi:
    """The pegawai's atasan approves a submitted realisation (refused otherwise)."""
    return _decide_realisasi(
        realisasi, by=by, status=Status.DISETUJUI, catatan=catatan.strip()
    )


def return_realisasi(realisasi: Realisasi, *, by, catatan: str) -> Realisasi:
    """The pegawai's atasan returns a submitted realisation with a note."""
    if not catatan.strip():
        raise ValidationError(
            {"catatan": "Tuliskan catatan untuk pegawai: apa yang perlu diperbaiki."}
        )
    return _decide_realisasi(
        realisasi, by=by, status=Status.DIKEMBALIKAN, catatan=catatan.strip()
    )
