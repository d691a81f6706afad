"""Answers: one respondent's form (public or internal), and paper responses imported from a file."""

import datetime
import hashlib
import hmac
import random
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.angka import parse_angka
from core.imports import ImportResult, missing_columns, run_rows
from core.uploads import read_upload
from organisasi.models import (
    ImporResponden,
    Jawaban,
    PartisipasiSurvei,
    Pertanyaan,
    Responden,
    Survei,
)
from organisasi.queries.survei import PROFIL_FIELDS, has_answered

Tipe = Pertanyaan.Tipe

# A shared office or a service counter's wifi puts many honest citizens behind one address,
# so the limit is generous; it only stops scripted flooding.
BATAS_PENGISIAN_PER_JAM = 60

PESAN_DITUTUP = (
    "Survei ini sedang tidak menerima jawaban. Terima kasih atas kesediaan Anda."
)
PESAN_DUPLIKAT = (
    "Anda sudah mengisi survei ini. Terima kasih, jawaban Anda sudah tercatat."
)
PESAN_BATAS = "Terlalu banyak pengisian dari jaringan Anda dalam satu jam terakhir. Silakan coba lagi nanti."
PESAN_WAJIB = "Pertanyaan ini wajib dijawab."
PESAN_TIKET_TERPAKAI = "Formulir ini sudah pernah dikirim. Bila Anda belum mengisi survei ini, muat ulang halaman untuk formulir baru."


def fingerprint(value: str) -> str:
    """A keyed SHA-256 of a form ticket or an IP address (never stored in clear)."""
    if not value:
        return ""
    return hmac.new(
        settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256
    ).hexdigest()


def parse_answer(pertanyaan: Pertanyaan, raw) -> Jawaban | None:
    """Turn one raw answer (form or spreadsheet cell) into an unsaved Jawaban, or None if blank.

    Raises ValidationError with an Indonesian message when the answer does not fit the question.
    """
    text = "" if raw is None else str(raw).strip()
    if text == "":
        if pertanyaan.wajib:
            raise ValidationError(PESAN_WAJIB)
        return None
    if pertanyaan.tipe == Tipe.YA_TIDAK and text.lower() in ("ya", "tidak"):
        text = "1" if text.lower() == "ya" else "0"
    if pertanyaan.skala:
        low, high = pertanyaan.skala
        number = _decimal(text)
        if (
            number is None
            or number != number.to_integral_value()
            or not low <= number <= high
        ):
            raise ValidationError(
                f"Jawaban harus berupa angka bulat {low} sampai {high}."
            )
        return Jawaban(pertanyaan=pertanyaan, nilai=number)
    if pertanyaan.tipe == Tipe.ANGKA:
        number = _angka(raw if isinstance(raw, int | float | Decimal) else text)
        if number is None or abs(number) >= Decimal("1e10"):
            raise ValidationError("Jawaban harus berupa angka, mis. 12,5 atau 1.250.")
        return Jawaban(
            pertanyaan=pertanyaan, nilai=number.quantize(Decimal("0.01"), ROUND_HALF_UP)
        )
    if pertanyaan.tipe == Tipe.PILIHAN:
        match = next(
            (option for option in pertanyaan.pilihan if option.lower() == text.lower()),
            None,
        )
        if match is None:
            raise ValidationError(f"Pilihan “{text}” tidak ada pada pertanyaan ini.")
        return Jawaban(pertanyaan=pertanyaan, teks=match)
    if len(text) > 2000:
        raise ValidationError("Jawaban terlalu panjang (maksimal 2.000 karakter).")
    return Jawaban(pertanyaan=pertanyaan, teks=text)


def _angka(value):
    """A number typed the Indonesian way ("12,5", "1.250,75"), or None when it cannot be read one way only."""
    try:
        number = parse_angka(value)
    except ValidationError:
        return None
    return number if number.is_finite() else None


def _decimal(text):
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def parse_answers(pertanyaan_list, raw_answers: dict) -> tuple[list[Jawaban], dict]:
    """Parse every question's raw answer (keyed by pertanyaan id); returns (answers, errors by id)."""
    answers, errors = [], {}
    for pertanyaan in pertanyaan_list:
        try:
            jawaban = parse_answer(pertanyaan, raw_answers.get(pertanyaan.pk))
        except ValidationError as error:
            errors[pertanyaan.pk] = error.messages[0]
            continue
        if jawaban is not None:
            answers.append(jawaban)
    return answers, errors


def submit_responden(
    survei: Survei,
    *,
    raw_answers: dict,
    profil: dict,
    tiket: str,
    ip_address: str = "",
    pengguna=None,
    now=None,
) -> Responden:
    """Store one respondent and all their answers, or nothing.

    Public surveys: `tiket` is the random nonce of the signed form ticket; its keyed hash is
    stored, so one form can be submitted once, and the keyed hash of the address feeds the
    hourly limit. Internal surveys (`pengguna` given): a PartisipasiSurvei records that the
    ASN answered, and the respondent keeps no hash and only the date, so the two rows cannot
    be paired. Raises ValidationError (code "ditutup", "tiket", "duplikat", "batas", or
    "jawaban" with a dict of messages by pertanyaan id) when the survey is closed, this form
    was already submitted, this ASN already answered, the address is over the hourly limit,
    or an answer is invalid.
    """
    now = now or timezone.now()
    if not survei.is_open(timezone.localdate(now)):
        raise ValidationError(PESAN_DITUTUP, code="ditutup")
    if not tiket:
        raise ValidationError(PESAN_TIKET_TERPAKAI, code="tiket")
    if pengguna is not None:
        _check_not_answered(survei, pengguna)
        marks = {"diisi_pada": _date_only(now)}
    else:
        marks = _public_marks(survei, tiket=tiket, ip_address=ip_address, now=now)
    answers, errors = parse_answers(survei.pertanyaan_set.all(), raw_answers)
    if errors:
        raise ValidationError(errors, code="jawaban")
    try:
        with transaction.atomic():
            if pengguna is not None:
                PartisipasiSurvei.objects.create(survei=survei, pengguna=pengguna)
            responden = Responden.objects.create(
                survei=survei, **marks, **_clean_profil(profil)
            )
            for jawaban in answers:
                jawaban.responden = responden
            Jawaban.objects.bulk_create(answers)
    except (
        IntegrityError
    ) as error:  # the same form or account submitting twice at the same instant
        raise ValidationError(PESAN_DUPLIKAT, code="duplikat") from error
    return responden


def _check_not_answered(survei: Survei, pengguna) -> None:
    if has_answered(survei, pengguna):
        raise ValidationError(PESAN_DUPLIKAT, code="duplikat")


def _public_marks(survei: Survei, *, tiket: str, ip_address: str, now) -> dict:
    """The hashes a public respondent is stored with, after refusing a replayed form or a flood."""
    tiket_hash, ip_hash = fingerprint(f"tiket:{tiket}"), fingerprint(ip_address)
    earlier = Responden.objects.filter(survei=survei)
    if earlier.filter(sesi_hash=tiket_hash).exists():
        raise ValidationError(PESAN_TIKET_TERPAKAI, code="tiket")
    hour_ago = now - datetime.timedelta(hours=1)
    if (
        ip_hash
        and earlier.filter(ip_hash=ip_hash, diisi_pada__gte=hour_ago).count()
        >= BATAS_PENGISIAN_PER_JAM
    ):
        raise ValidationError(PESAN_BATAS, code="batas")
    return {"diisi_pada": now, "sesi_hash": tiket_hash, "ip_hash": ip_hash}


def _date_only(now) -> datetime.datetime:
    """Midnight (WITA) of the day: an internal respondent keeps the date it answered, not the time."""
    return timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(now), datetime.time.min)
    )


@transaction.atomic
def reshuffle_participations() -> int:
    """Write every PartisipasiSurvei again, in random order with new keys; returns how many.

    A participation and its respondent are stored in the same transaction, so until this runs
    (nightly) the database's own row order and transaction ids could pair them; afterwards the
    participations share one transaction and have no order left to follow.
    """
    rows = list(PartisipasiSurvei.objects.values_list("survei_id", "pengguna_id"))
    random.SystemRandom().shuffle(rows)
    PartisipasiSurvei.objects.all().delete()
    PartisipasiSurvei.objects.bulk_create(
        [
            PartisipasiSurvei(survei_id=survei_id, pengguna_id=pengguna_id)
            for survei_id, pengguna_id in rows
        ],
        batch_size=2000,
    )
    return len(rows)


def _clean_profil(profil: dict) -> dict:
    cleaned = {name: profil.get(name) or "" for name in PROFIL_FIELDS}
    cleaned["layanan"] = (profil.get("layanan") or "")[:200]
    return cleaned


PESAN_IMPOR_ULANG = "Berkas yang sama persis sudah pernah diimpor ke survei ini; responden tidak ditambahkan lagi."


def import_responden(survei: Survei, *, upload, by=None) -> ImportResult:
    """Import paper responses from an uploaded .xlsx/.csv, one row per respondent: all rows or none.

    Errors carry the spreadsheet's row number and column header. A file refused as a whole
    (unreadable, too large, see core.uploads.read_upload, or this very file already imported
    into the survey) gives errors without a row. Works for open and closed surveys alike.
    """
    try:
        dataset = read_upload(upload, allow_csv=True)
    except ValidationError as error:
        return ImportResult.refused(error.messages)
    sha256 = _sha256(upload)
    if ImporResponden.objects.filter(survei=survei, sha256=sha256).exists():
        return ImportResult.refused(PESAN_IMPOR_ULANG)
    pertanyaan_by_column = {
        f"P{p.urutan}": p for p in survei.pertanyaan_set.order_by("urutan")
    }
    missing = missing_columns(dataset, pertanyaan_by_column)
    if missing:
        return ImportResult(0, missing)
    parsed = []  # (unsaved Responden, its unsaved answers) per filled row

    def import_row(row, number):
        if any(value not in (None, "") for value in row.values()):
            parsed.append(_parse_row(survei, row, pertanyaan_by_column))

    def store():
        ImporResponden.objects.create(
            survei=survei,
            sha256=sha256,
            nama_berkas=upload.name[:255],
            jumlah_responden=len(parsed),
            diimpor_oleh=by if by is not None and by.is_authenticated else None,
        )
        stored = Responden.objects.bulk_create([responden for responden, _ in parsed])
        for responden, (_, answers) in zip(stored, parsed, strict=True):
            for jawaban in answers:
                jawaban.responden = responden
        Jawaban.objects.bulk_create(
            [jawaban for _, answers in parsed for jawaban in answers], batch_size=2000
        )

    try:
        result = run_rows(dataset, import_row, after=store)
    except IntegrityError:  # the same file imported twice at the same instant
        return ImportResult.refused(PESAN_IMPOR_ULANG)
    return ImportResult(len(parsed)) if result.ok else result


def _sha256(upload) -> str:
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks() if hasattr(upload, "chunks") else [upload.read()]:
        digest.update(chunk)
    return digest.hexdigest()


def _parse_row(
    survei: Survei, row: dict, pertanyaan_by_column: dict
) -> tuple[Responden, list[Jawaban]]:
    """One respondent and their answers from a spreadsheet row.

    Raises ValidationError with the messages by column header when a cell does not fit.
    """
    profil, errors = _import_profil(row)
    raw = {p.pk: row.get(column) for column, p in pertanyaan_by_column.items()}
    answers, answer_errors = parse_answers(pertanyaan_by_column.values(), raw)
    columns = {p.pk: column for column, p in pertanyaan_by_column.items()}
    errors.update({columns[pk]: message for pk, message in answer_errors.items()})
    if errors:
        raise ValidationError({column: [message] for column, message in errors.items()})
    return Responden(survei=survei, sumber=Responden.Sumber.IMPOR, **profil), answers


def _import_profil(row: dict) -> tuple[dict, dict]:
    """The respondent's profile from a row, and the message for each profile column that does not fit."""
    profil, errors = {}, {}
    for name, choices in PROFIL_FIELDS.items():
        text = str(row.get(name) or "").strip()
        wanted = text.lower()
        match = next(
            (
                value
                for value, label in choices.choices
                if wanted in (value.lower(), label.lower())
            ),
            None,
        )
        if text and match is None:
            allowed = ", ".join(value for value, _ in choices.choices)
            errors[name] = (
                f"nilai “{text}” tidak dikenal (pilih salah satu: {allowed})."
            )
        profil[name] = match or ""
    profil["layanan"] = str(row.get("layanan") or "").strip()[:200]
    return profil, errors
