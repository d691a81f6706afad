"""Surveys (SKM and custom programme surveys), their answers and results, and the needs register.

Results are computed with a handful of aggregate queries whatever the number of responses;
answers are never loaded into Python one by one.
"""

import datetime
import hashlib
import hmac
import io
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, Max, Sum, TextField, Value, When
from django.template.loader import render_to_string
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from organisasi.models import (
    ImporResponden,
    Jawaban,
    Kebutuhan,
    MutuPelayanan,
    Pertanyaan,
    Responden,
    Survei,
    UnsurSkm,
)
from organisasi.spreadsheets import read_upload

Tipe = Pertanyaan.Tipe

# A shared office or a service counter's wifi puts many honest citizens behind one address,
# so the limit is generous; it only stops scripted flooding.
BATAS_PENGISIAN_PER_JAM = 60

PESAN_DITUTUP = "Survei ini sedang tidak menerima jawaban. Terima kasih atas kesediaan Anda."
PESAN_DUPLIKAT = "Anda sudah mengisi survei ini. Terima kasih, jawaban Anda sudah tercatat."
PESAN_BATAS = "Terlalu banyak pengisian dari jaringan Anda dalam satu jam terakhir. Silakan coba lagi nanti."
PESAN_WAJIB = "Pertanyaan ini wajib dijawab."
PESAN_TIKET_TERPAKAI = (
    "Formulir ini sudah pernah dikirim. Bila Anda belum mengisi survei ini, muat ulang halaman untuk formulir baru."
)


# --- building surveys ---------------------------------------------------------


@transaction.atomic
def create_survei(survei: Survei, *, by) -> Survei:
    """Save a new survey; an SKM survey starts with the nine unsur of the SKM template."""
    survei.dibuat_oleh = by if by.is_authenticated else None
    survei.save()
    if survei.jenis == Survei.Jenis.SKM:
        add_skm_unsur(survei)
    return survei


@transaction.atomic
def update_survei(survei: Survei, *, bobot: dict) -> Survei:
    """Save a survey and its unsur weights ({pertanyaan id: bobot or None}) together.

    Raises ValidationError when the weights are unusable (see bobot_problem) or would change
    the weight of an unsur that already has answers.
    """
    unsur = {p.pk: p for p in survei.pertanyaan_set.filter(tipe=Tipe.UNSUR_SKM).select_for_update()}
    new = {pk: bobot.get(pk, p.bobot) for pk, p in unsur.items()}
    problem = bobot_problem(list(new.values()))
    if problem:
        raise ValidationError(problem)
    changed = [p for pk, p in unsur.items() if p.bobot != new[pk]]
    if Jawaban.objects.filter(pertanyaan__in=changed).exists():
        raise ValidationError("Bobot unsur yang sudah dijawab tidak dapat diubah.")
    survei.save()
    for pertanyaan in changed:
        pertanyaan.bobot = new[pertanyaan.pk]
    Pertanyaan.objects.bulk_update(changed, ["bobot"])
    return survei


def add_skm_unsur(survei: Survei) -> list[Pertanyaan]:
    """Append the SKM template's unsur, in the template's order, with their standard wording."""
    start = survei.pertanyaan_set.aggregate(last=Max("urutan"))["last"] or 0
    rows = [
        Pertanyaan(
            survei=survei, urutan=start + index, teks=unsur.pertanyaan, unsur=unsur.nama,
            tipe=Tipe.UNSUR_SKM, pilihan=unsur.pilihan, wajib=True,
        )
        for index, unsur in enumerate(UnsurSkm.objects.order_by("urutan"), start=1)
    ]
    return Pertanyaan.objects.bulk_create(rows)


def save_pertanyaan(pertanyaan: Pertanyaan) -> Pertanyaan:
    """Save a question from the builder (a new one goes after the survey's last question).

    Raises ValidationError (a dict by field) when an answered question's tipe, pilihan or bobot
    would change, or when the survey's unsur weights would no longer be usable (see bobot_problem).
    """
    if pertanyaan.pk:
        _check_answered_unchanged(pertanyaan)
    if pertanyaan.tipe == Tipe.UNSUR_SKM or pertanyaan.bobot is not None:
        _check_weights_with(pertanyaan)
    if not pertanyaan.urutan:
        last = pertanyaan.survei.pertanyaan_set.aggregate(last=Max("urutan"))["last"] or 0
        pertanyaan.urutan = last + 1
    pertanyaan.save()
    return pertanyaan


def _check_answered_unchanged(pertanyaan: Pertanyaan) -> None:
    stored = Pertanyaan.objects.get(pk=pertanyaan.pk)
    changed = [name for name in Pertanyaan.FIELDS_LOCKED_BY_ANSWERS if getattr(stored, name) != getattr(pertanyaan, name)]
    if changed and stored.jawaban_set.exists():
        raise ValidationError({
            name: "Pertanyaan ini sudah dijawab: hanya kata-katanya yang dapat diubah." for name in changed
        })


def _check_weights_with(pertanyaan: Pertanyaan) -> None:
    others = pertanyaan.survei.pertanyaan_set.filter(tipe=Tipe.UNSUR_SKM).exclude(pk=pertanyaan.pk)
    weights = list(others.values_list("bobot", flat=True))
    if pertanyaan.tipe == Tipe.UNSUR_SKM:
        weights.append(pertanyaan.bobot)
    elif pertanyaan.bobot is not None:
        raise ValidationError({"bobot": "Bobot hanya berlaku untuk pertanyaan bertipe unsur SKM."})
    problem = bobot_problem(weights)
    if problem:
        raise ValidationError({"bobot": problem})


BOBOT_TOLERANSI = Decimal("0.0001")


def bobot_problem(weights: list) -> str | None:
    """Why a survey's custom unsur weights cannot be used (None when all empty or consistent).

    Custom weights are allowed only if every SKM unsur of the survey has a weight ≥ 0 and
    they sum to 1 (± 0,0001), domain.md §0.
    """
    if all(weight is None for weight in weights):
        return None
    if any(weight is None for weight in weights):
        return "Bobot harus diisi untuk semua unsur SKM survei ini, atau dikosongkan semuanya."
    if any(weight < 0 for weight in weights):
        return "Bobot unsur tidak boleh negatif."
    total = sum(Decimal(weight) for weight in weights)
    if abs(total - 1) > BOBOT_TOLERANSI:
        return f"Jumlah bobot semua unsur SKM harus 1 (sekarang {total.normalize():f})."
    return None


def delete_pertanyaan(pertanyaan: Pertanyaan) -> None:
    """Delete a question that nobody has answered yet.

    Raises ValidationError once answers exist: removing it would silently change results.
    """
    if pertanyaan.jawaban_set.exists():
        raise ValidationError("Pertanyaan yang sudah dijawab tidak dapat dihapus.")
    pertanyaan.delete()


# --- answering ----------------------------------------------------------------


def fingerprint(value: str) -> str:
    """A keyed SHA-256 of a form ticket, an account id or an IP address (never stored in clear)."""
    if not value:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


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
        if number is None or number != number.to_integral_value() or not low <= number <= high:
            raise ValidationError(f"Jawaban harus berupa angka bulat {low} sampai {high}.")
        return Jawaban(pertanyaan=pertanyaan, nilai=number)
    if pertanyaan.tipe == Tipe.ANGKA:
        number = _decimal(text.replace(",", "."))
        if number is None or abs(number) >= Decimal("1e10"):
            raise ValidationError("Jawaban harus berupa angka.")
        return Jawaban(pertanyaan=pertanyaan, nilai=number.quantize(Decimal("0.01"), ROUND_HALF_UP))
    if pertanyaan.tipe == Tipe.PILIHAN:
        match = next((option for option in pertanyaan.pilihan if option.lower() == text.lower()), None)
        if match is None:
            raise ValidationError(f"Pilihan “{text}” tidak ada pada pertanyaan ini.")
        return Jawaban(pertanyaan=pertanyaan, teks=match)
    if len(text) > 2000:
        raise ValidationError("Jawaban terlalu panjang (maksimal 2.000 karakter).")
    return Jawaban(pertanyaan=pertanyaan, teks=text)


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
    survei: Survei, *, raw_answers: dict, profil: dict, tiket: str, ip_address: str = "",
    pengguna=None, now=None,
) -> Responden:
    """Store one respondent and all their answers, or nothing.

    `tiket` is the random nonce of the signed form ticket: its keyed hash is stored, so one
    form can be submitted once. Raises ValidationError (code "ditutup", "tiket", "duplikat",
    "batas", or "jawaban" with a dict of messages by pertanyaan id) when the survey is closed,
    this form was already submitted, this ASN already answered (internal surveys), the
    address is over the hourly limit, or an answer is invalid.
    """
    now = now or timezone.now()
    if not survei.is_open(timezone.localdate(now)):
        raise ValidationError(PESAN_DITUTUP, code="ditutup")
    if not tiket:
        raise ValidationError(PESAN_TIKET_TERPAKAI, code="tiket")
    tiket_hash, ip_hash = fingerprint(f"tiket:{tiket}"), fingerprint(ip_address)
    akun_hash = account_fingerprint(pengguna)
    earlier = Responden.objects.filter(survei=survei)
    if earlier.filter(sesi_hash=tiket_hash).exists():
        raise ValidationError(PESAN_TIKET_TERPAKAI, code="tiket")
    if akun_hash and earlier.filter(akun_hash=akun_hash).exists():
        raise ValidationError(PESAN_DUPLIKAT, code="duplikat")
    hour_ago = now - datetime.timedelta(hours=1)
    if ip_hash and earlier.filter(ip_hash=ip_hash, diisi_pada__gte=hour_ago).count() >= BATAS_PENGISIAN_PER_JAM:
        raise ValidationError(PESAN_BATAS, code="batas")
    answers, errors = parse_answers(survei.pertanyaan_set.all(), raw_answers)
    if errors:
        raise ValidationError(errors, code="jawaban")
    try:
        with transaction.atomic():
            responden = Responden.objects.create(
                survei=survei, diisi_pada=now, sesi_hash=tiket_hash, ip_hash=ip_hash, akun_hash=akun_hash,
                **_clean_profil(profil),
            )
            for jawaban in answers:
                jawaban.responden = responden
            Jawaban.objects.bulk_create(answers)
    except IntegrityError as error:  # the same form or account submitting twice at the same instant
        raise ValidationError(PESAN_DUPLIKAT, code="duplikat") from error
    return responden


def account_fingerprint(pengguna) -> str:
    """The keyed hash that stands for an ASN account on an internal survey ("" for none)."""
    return fingerprint(f"akun:{pengguna.pk}") if pengguna is not None else ""


PROFIL_FIELDS = {
    "usia": Responden.Usia,
    "jenis_kelamin": Responden.JenisKelamin,
    "pendidikan": Responden.Pendidikan,
    "pekerjaan": Responden.Pekerjaan,
}


def _clean_profil(profil: dict) -> dict:
    cleaned = {name: profil.get(name) or "" for name in PROFIL_FIELDS}
    cleaned["layanan"] = (profil.get("layanan") or "")[:200]
    return cleaned


# --- results ------------------------------------------------------------------


PEMBULATAN = "IKM dibulatkan setengah ke atas ke 2 desimal; mutu ditentukan dari nilai yang sudah dibulatkan."


def _decimal_text(number) -> str:
    """A Decimal without trailing zeros and with a decimal comma (0,2; 0,1111)."""
    if number is None:
        return "–"
    text = f"{Decimal(number).normalize():f}"
    return text.replace(".", ",")


def round2(value) -> Decimal:
    """Round half up to two decimals, as SKM reports do."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP)


# The regulation's own literal 0,11 weight gives at least 25 × 0,99 = 24,75: still the lowest band.
IKM_TERENDAH = Decimal("24.75")


def mutu_for(ikm: Decimal, bands) -> MutuPelayanan | None:
    """The quality band of an IKM already rounded to two decimals (bands sorted low to high).

    None when the IKM lies outside every band: never a guess from the nearest band.
    """
    bands = list(bands)
    for index, band in enumerate(bands):
        lowest = IKM_TERENDAH if index == 0 else band.batas_bawah
        if min(lowest, band.batas_bawah) <= ikm <= band.batas_atas:
            return band
    return None


@dataclass
class HasilPertanyaan:
    pertanyaan: Pertanyaan
    jumlah: int = 0
    total: Decimal | None = None
    sebaran: dict = field(default_factory=dict)
    teks_list: list = field(default_factory=list)
    bobot: Fraction | None = None

    @property
    def rata(self) -> Fraction | None:
        """The mean answer; for an SKM unsur this is its NRR (Σ nilai ÷ answers given)."""
        if not self.jumlah or self.total is None:
            return None
        return Fraction(self.total) / self.jumlah

    @property
    def nrr(self) -> Decimal | None:
        return round2(self.rata) if self.rata is not None else None

    @property
    def nrr_tertimbang(self) -> Decimal | None:
        if self.rata is None or self.bobot is None:
            return None
        return (Decimal(self.rata.numerator) / self.rata.denominator * Decimal(self.bobot.numerator)
                / self.bobot.denominator).quantize(Decimal("0.0001"), ROUND_HALF_UP)

    @property
    def nilai_konversi(self) -> Decimal | None:
        """The unsur's NRR on the 25–100 scale (NRR × 25)."""
        return round2(self.rata * 25) if self.rata is not None and self.is_unsur else None

    @property
    def is_unsur(self) -> bool:
        return self.pertanyaan.tipe == Tipe.UNSUR_SKM

    def sebaran_rows(self) -> list[tuple[str, int, Decimal]]:
        """(label, count, percent) for each possible answer of a closed question, in scale order."""
        labels = answer_labels(self.pertanyaan)
        total = sum(self.sebaran.values()) or 1
        return [(label, self.sebaran.get(key, 0), round2(Fraction(self.sebaran.get(key, 0) * 100, total)))
                for key, label in labels]


@dataclass
class HasilSurvei:
    survei: Survei
    responden: int
    pertanyaan: list[HasilPertanyaan]
    ikm: Decimal | None = None
    mutu: MutuPelayanan | None = None
    terlemah: HasilPertanyaan | None = None
    sebelumnya: "HasilSurvei | None" = None
    profil: list = field(default_factory=list)
    masalah_bobot: str | None = None  # why no IKM is shown although unsur were answered

    @property
    def unsur(self) -> list[HasilPertanyaan]:
        return [hasil for hasil in self.pertanyaan if hasil.is_unsur]

    @property
    def bobot_label(self) -> str:
        """Which unsur weights the IKM used, for the results page, the xlsx and the PDF."""
        unsur = self.unsur
        answered = sum(1 for hasil in unsur if hasil.rata is not None) or len(unsur)
        if any(hasil.pertanyaan.bobot is not None for hasil in unsur):
            given = ", ".join(
                f"U{hasil.pertanyaan.urutan} {_decimal_text(hasil.pertanyaan.bobot)}" for hasil in unsur
            )
            return f"Bobot khusus per unsur: {given} (dibagi jumlah bobot unsur yang dijawab)"
        if self.survei.mode_bobot == Survei.ModeBobot.LITERAL:
            return f"0,11 per unsur seperti tertulis di PermenPANRB 14/2017, dikali 9 ÷ {answered} unsur yang dijawab"
        return f"Eksak: 1 ÷ {answered} unsur yang dijawab"

    @property
    def lainnya(self) -> list[HasilPertanyaan]:
        return [hasil for hasil in self.pertanyaan if not hasil.is_unsur]

    @property
    def persen_target(self) -> Decimal | None:
        target = self.survei.target_responden
        return round2(Fraction(self.responden * 100, target)) if target else None

    @property
    def selisih_ikm(self) -> Decimal | None:
        if self.ikm is None or self.sebelumnya is None or self.sebelumnya.ikm is None:
            return None
        return self.ikm - self.sebelumnya.ikm

    def chart_data(self) -> dict:
        """What static/js/survei.js draws: NRR per unsur and the distribution of closed questions."""
        return {
            "unsur": {
                "labels": [f"U{hasil.pertanyaan.urutan}" for hasil in self.unsur],
                "names": [hasil.pertanyaan.label for hasil in self.unsur],
                "nrr": [float(hasil.nrr) if hasil.nrr is not None else None for hasil in self.unsur],
                "sebelumnya": self._previous_nrr(),
            },
            "sebaran": {
                str(hasil.pertanyaan.pk): {
                    "labels": [label for label, _, _ in hasil.sebaran_rows()],
                    "counts": [count for _, count, _ in hasil.sebaran_rows()],
                }
                for hasil in self.lainnya if answer_labels(hasil.pertanyaan)
            },
        }

    def _previous_nrr(self):
        if self.sebelumnya is None:
            return []
        by_unsur = {hasil.pertanyaan.unsur: hasil.nrr for hasil in self.sebelumnya.unsur}
        return [float(by_unsur[h.pertanyaan.unsur]) if by_unsur.get(h.pertanyaan.unsur) is not None else None
                for h in self.unsur]


def answer_labels(pertanyaan: Pertanyaan) -> list[tuple]:
    """(stored key, label) of each possible answer of a closed question; [] for open ones."""
    if pertanyaan.tipe == Tipe.YA_TIDAK:
        return [(Decimal(1), "Ya"), (Decimal(0), "Tidak")]
    if pertanyaan.skala:
        low, high = pertanyaan.skala
        names = list(pertanyaan.pilihan or [])
        return [
            (Decimal(value), f"{value} – {names[value - low]}" if value - low < len(names) else str(value))
            for value in range(low, high + 1)
        ]
    if pertanyaan.tipe == Tipe.PILIHAN:
        return [(option, option) for option in pertanyaan.pilihan]
    return []


TEKS_TERBARU = 10  # latest free-text answers shown per question


def compute_hasil(survei: Survei, *, sebelumnya: Survei | None = None) -> HasilSurvei:
    """All results of a survey with a fixed number of aggregate queries.

    IKM = 25 × Σ (NRR unsur × bobot); NRR divides by the answers given for that unsur;
    bobot is exact 1/(number of answered unsur) unless the survey uses the literal 0,11 or
    its unsur carry their own weights. The IKM is rounded half up to two decimals and the
    mutu band is looked up on the rounded value. `sebelumnya` is the previous period's survey
    to compare with, already checked to be visible to the reader (the caller's job).
    """
    hasil_list = [HasilPertanyaan(pertanyaan) for pertanyaan in survei.pertanyaan_set.order_by("urutan")]
    by_id = {hasil.pertanyaan.pk: hasil for hasil in hasil_list}
    _count_answers(by_id)
    for item in hasil_list:
        if item.pertanyaan.tipe == Tipe.TEKS:
            # One small query per free-text question (a survey has few), so a busy question
            # never crowds out the answers of another.
            recent = item.pertanyaan.jawaban_set.exclude(teks="").order_by("-id")
            item.teks_list = list(recent.values_list("teks", flat=True)[:TEKS_TERBARU])
    hasil = HasilSurvei(survei=survei, responden=survei.responden_set.count(), pertanyaan=hasil_list)
    hasil.profil = compute_profil(survei)
    _score_skm(hasil)
    if sebelumnya is not None:
        hasil.sebelumnya = compute_hasil(sebelumnya)
    return hasil


def _count_answers(by_id: dict) -> None:
    """Answer count, sum and distribution of every question in one grouped scan of the answers.

    Groups are (question, scale value) for scaled questions, (question, option) for single
    choice and just (question) for numbers and free text, so the rows returned are bounded by
    the questions' options, never by the number of responses.
    """
    scaled = [pk for pk, hasil in by_id.items() if hasil.pertanyaan.skala]
    pilihan = [pk for pk, hasil in by_id.items() if hasil.pertanyaan.tipe == Tipe.PILIHAN]
    rows = (
        Jawaban.objects.filter(pertanyaan_id__in=list(by_id))
        .annotate(
            nilai_key=Case(
                When(pertanyaan_id__in=scaled, then=F("nilai")), default=None, output_field=Jawaban._meta.get_field("nilai")
            ),
            teks_key=Case(When(pertanyaan_id__in=pilihan, then=F("teks")), default=Value(""), output_field=TextField()),
        )
        .values("pertanyaan_id", "nilai_key", "teks_key")
        .annotate(n=Count("id"), total=Sum("nilai"))
        .order_by()
    )
    for row in rows:
        hasil = by_id[row["pertanyaan_id"]]
        hasil.jumlah += row["n"]
        if row["total"] is not None:
            hasil.total = (hasil.total or 0) + row["total"]
        key = row["nilai_key"] if row["nilai_key"] is not None else row["teks_key"]
        if hasil.pertanyaan.skala or hasil.pertanyaan.tipe == Tipe.PILIHAN:
            hasil.sebaran[key] = row["n"]


def compute_profil(survei: Survei) -> list[tuple[str, list[tuple[str, int]]]]:
    """Respondents per age band, gender, education and occupation, from one grouped query.

    Returns (field label, [(choice label, count)]) with "Tidak diisi" for blanks, empty groups left out.
    """
    counts = {name: {} for name in PROFIL_FIELDS}
    rows = survei.responden_set.values(*PROFIL_FIELDS).annotate(n=Count("id")).order_by()
    for row in rows:
        for name in PROFIL_FIELDS:
            counts[name][row[name]] = counts[name].get(row[name], 0) + row["n"]
    profil = []
    for name, choices in PROFIL_FIELDS.items():
        labelled = [(label, counts[name].get(value, 0)) for value, label in choices.choices]
        labelled.append(("Tidak diisi", counts[name].get("", 0)))
        profil.append((Responden._meta.get_field(name).verbose_name, [(k, n) for k, n in labelled if n]))
    return profil


def skm_weights(survei: Survei, answered: list[HasilPertanyaan]) -> list[Fraction]:
    """The bobot of each answered unsur (see compute_hasil); weights already checked by bobot_problem.

    An unsur nobody answered is left out rather than counted as 0, in every mode: exact
    weights are 1/(answered unsur), the literal 0,11 is scaled by 9/(answered unsur), and
    custom weights are divided by the sum of the answered unsur's weights.
    """
    if any(hasil.pertanyaan.bobot is not None for hasil in answered):
        given = [Fraction(hasil.pertanyaan.bobot) for hasil in answered]
        total = sum(given)
        return [weight / total for weight in given] if total else []
    if survei.mode_bobot == Survei.ModeBobot.LITERAL:
        return [Fraction("0.11") * 9 / len(answered)] * len(answered)
    return [Fraction(1, len(answered))] * len(answered)


def _score_skm(hasil: HasilSurvei) -> None:
    hasil.masalah_bobot = bobot_problem([unsur.pertanyaan.bobot for unsur in hasil.unsur]) if hasil.unsur else None
    answered = [unsur for unsur in hasil.unsur if unsur.rata is not None]
    if not answered or hasil.masalah_bobot:
        return
    weights = skm_weights(hasil.survei, answered)
    if not weights:
        hasil.masalah_bobot = "Semua unsur yang dijawab berbobot 0, sehingga IKM tidak dapat dihitung."
        return
    for unsur, bobot in zip(answered, weights, strict=True):
        unsur.bobot = bobot
    hasil.ikm = round2(25 * sum(unsur.rata * unsur.bobot for unsur in answered))
    hasil.mutu = mutu_for(hasil.ikm, MutuPelayanan.objects.order_by("batas_bawah"))
    hasil.terlemah = min(answered, key=lambda unsur: (unsur.rata, unsur.pertanyaan.urutan))


# --- from a result to a need --------------------------------------------------


def kebutuhan_from_hasil(hasil: HasilSurvei, *, pertanyaan_id: int) -> Kebutuhan:
    """An unsaved need pre-filled from one question's result, with the evidence written out."""
    item = next(item for item in hasil.pertanyaan if item.pertanyaan.pk == pertanyaan_id)
    survei, pertanyaan = hasil.survei, item.pertanyaan
    lines = [f"Survei “{survei.judul}” ({survei.periode}), {hasil.responden} responden."]
    if item.is_unsur and item.nrr is not None:
        lines.append(
            f"Unsur {pertanyaan.urutan} {pertanyaan.unsur}: NRR {_id(item.nrr)} dari {item.jumlah} jawaban "
            f"(nilai konversi {_id(item.nilai_konversi)})."
        )
        if hasil.ikm is not None and hasil.mutu is not None:
            lines.append(f"IKM survei {_id(hasil.ikm)}, mutu {hasil.mutu.mutu} ({hasil.mutu.kinerja}).")
        if hasil.terlemah is item:
            lines.append("Unsur ini bernilai terendah dalam survei.")
    elif item.rata is not None:
        lines.append(f"Pertanyaan “{pertanyaan.teks}”: rata-rata {_id(round2(item.rata))} dari {item.jumlah} jawaban.")
    sebaran = ", ".join(f"{label}: {count}" for label, count, _ in item.sebaran_rows())
    if sebaran:
        lines.append(f"Sebaran jawaban — {sebaran}.")
    weak = item.nilai_konversi is not None and item.nilai_konversi < Decimal("76.61")
    return Kebutuhan(
        judul=(f"Perbaikan unsur {pertanyaan.unsur}" if item.is_unsur else f"Tindak lanjut: {pertanyaan.teks}")[:200],
        unit=survei.unit,
        sumber=Kebutuhan.Sumber.TEMUAN_SURVEI,
        deskripsi=f"Tindak lanjut hasil survei: {pertanyaan.teks}",
        prioritas=Kebutuhan.Prioritas.TINGGI if weak else Kebutuhan.Prioritas.SEDANG,
        survei=survei,
        pertanyaan=pertanyaan,
        bukti="\n".join(lines),
    )


def _id(number: Decimal) -> str:
    """Indonesian decimal comma for texts stored in the database."""
    return f"{number:.2f}".replace(".", ",")


def create_kebutuhan(kebutuhan: Kebutuhan, *, by) -> Kebutuhan:
    """Record a new need, remembering who recorded it."""
    kebutuhan.dibuat_oleh = by if by.is_authenticated else None
    kebutuhan.save()
    return kebutuhan


def change_kebutuhan_status(kebutuhan: Kebutuhan, *, status: str) -> Kebutuhan:
    """Move a need along terbuka → ditindaklanjuti → selesai (or one step back to reopen).

    Raises ValidationError for any other move. The change is kept in the need's history.
    """
    if status not in kebutuhan.next_statuses():
        current = kebutuhan.get_status_display()
        raise ValidationError(f"Status tidak dapat diubah dari {current} ke “{status}”.")
    kebutuhan.status = status
    kebutuhan.save(update_fields=["status", "updated_at"])
    return kebutuhan


# --- import and export --------------------------------------------------------


def import_columns(survei: Survei) -> list[str]:
    """Column headers of the response spreadsheet: profile, then P<urutan> per question."""
    return [*PROFIL_FIELDS, "layanan", *(f"P{p.urutan}" for p in survei.pertanyaan_set.order_by("urutan"))]


def import_responden(survei: Survei, *, upload, by=None) -> tuple[int, list[tuple[int, str]]]:
    """Import paper responses from an uploaded .xlsx/.csv, one row per respondent: all rows or none.

    Returns (rows stored, [(spreadsheet row number, Indonesian message)]); when the list of
    errors is not empty nothing was stored. Raises ValidationError when the file cannot be
    read (see spreadsheets.read_upload) or this very file was already imported into the survey.
    Works for open and closed surveys alike.
    """
    dataset = read_upload(upload, allow_csv=True)
    sha256 = _sha256(upload)
    if ImporResponden.objects.filter(survei=survei, sha256=sha256).exists():
        raise ValidationError(PESAN_IMPOR_ULANG)
    respondents, answers_per_row, errors = _parse_import(survei, dataset)
    if errors:
        return 0, errors
    try:
        with transaction.atomic():
            ImporResponden.objects.create(
                survei=survei, sha256=sha256, nama_berkas=upload.name[:255], jumlah_responden=len(respondents),
                diimpor_oleh=by if by is not None and by.is_authenticated else None,
            )
            stored = Responden.objects.bulk_create(respondents)
            for responden, answers in zip(stored, answers_per_row, strict=True):
                for jawaban in answers:
                    jawaban.responden = responden
            Jawaban.objects.bulk_create([j for answers in answers_per_row for j in answers], batch_size=2000)
    except IntegrityError as error:  # the same file imported twice at the same instant
        raise ValidationError(PESAN_IMPOR_ULANG) from error
    return len(stored), []


PESAN_IMPOR_ULANG = "Berkas yang sama persis sudah pernah diimpor ke survei ini; responden tidak ditambahkan lagi."


def _sha256(upload) -> str:
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks() if hasattr(upload, "chunks") else [upload.read()]:
        digest.update(chunk)
    return digest.hexdigest()


def _parse_import(survei: Survei, dataset: tablib.Dataset):
    """(unsaved respondents, their answers, errors by spreadsheet row) of an import file."""
    headers = [str(header or "").strip() for header in (dataset.headers or [])]
    pertanyaan_by_column = {f"P{p.urutan}": p for p in survei.pertanyaan_set.order_by("urutan")}
    missing = [column for column in pertanyaan_by_column if column not in headers]
    if missing:
        return [], [], [(1, f"Kolom tidak ditemukan: {', '.join(missing)}. Gunakan templat dari halaman impor.")]
    if not len(dataset):
        return [], [], [(1, "Berkas tidak berisi baris jawaban.")]
    columns = {p.pk: column for column, p in pertanyaan_by_column.items()}
    respondents, answers_per_row, errors = [], [], []
    for number, values in enumerate(dataset, start=2):
        row = dict(zip(headers, values, strict=False))
        if all(value in (None, "") for value in values):
            continue
        profil, profil_errors = _import_profil(row)
        raw = {p.pk: row.get(column) for column, p in pertanyaan_by_column.items()}
        answers, answer_errors = parse_answers(pertanyaan_by_column.values(), raw)
        errors += [(number, message) for message in profil_errors]
        errors += [(number, f"{columns[pk]}: {message}") for pk, message in answer_errors.items()]
        respondents.append(Responden(survei=survei, sumber=Responden.Sumber.IMPOR, **profil))
        answers_per_row.append(answers)
    return respondents, answers_per_row, errors


def _import_profil(row: dict) -> tuple[dict, list[str]]:
    profil, errors = {}, []
    for name, choices in PROFIL_FIELDS.items():
        text = str(row.get(name) or "").strip()
        wanted = text.lower()
        match = next((value for value, label in choices.choices if wanted in (value.lower(), label.lower())), None)
        if text and match is None:
            allowed = ", ".join(value for value, _ in choices.choices)
            errors.append(f"{name}: nilai “{text}” tidak dikenal (pilih salah satu: {allowed}).")
        profil[name] = match or ""
    profil["layanan"] = str(row.get("layanan") or "").strip()[:200]
    return profil, errors


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
        guide.append([name, "Opsional: " + ", ".join(f"{value} ({label})" for value, label in choices.choices)])
    guide.append(["layanan", "Opsional: layanan yang diterima responden"])
    for pertanyaan in survei.pertanyaan_set.order_by("urutan"):
        guide.append([f"P{pertanyaan.urutan}", f"{pertanyaan.label} — {_answer_hint(pertanyaan)}"])
    return _save(book)


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
        ["Survei", survei.judul], ["Unit kerja", survei.unit.nama], ["Program/layanan", survei.program],
        ["Periode", survei.periode], ["Responden", hasil.responden], ["Target responden", survei.target_responden],
        ["Bobot unsur", hasil.bobot_label],
        ["IKM", float(hasil.ikm) if hasil.ikm is not None else (hasil.masalah_bobot or "-")],
        ["Pembulatan", PEMBULATAN],
        ["Mutu pelayanan", f"{hasil.mutu.mutu} ({hasil.mutu.kinerja})" if hasil.mutu else "-"],
    ]
    for row in rows:
        sheet.append(row)
    unsur_sheet = book.create_sheet("Unsur SKM")
    unsur_sheet.append(["No", "Unsur", "Jumlah jawaban", "Jumlah nilai", "NRR", "Bobot", "NRR tertimbang", "Konversi"])
    for item in hasil.unsur:
        unsur_sheet.append([
            item.pertanyaan.urutan, item.pertanyaan.unsur, item.jumlah, _float(item.total), _float(item.nrr),
            float(item.bobot) if item.bobot is not None else None, _float(item.nrr_tertimbang),
            _float(item.nilai_konversi),
        ])
    other = book.create_sheet("Pertanyaan lain")
    other.append(["No", "Pertanyaan", "Jumlah jawaban", "Rata-rata", "Sebaran"])
    for item in hasil.lainnya:
        sebaran = "; ".join(f"{label}: {count}" for label, count, _ in item.sebaran_rows())
        rata = float(round2(item.rata)) if item.rata is not None else None
        other.append([item.pertanyaan.urutan, item.pertanyaan.teks, item.jumlah, rata, sebaran])
    for each in book.worksheets:
        for cell in each[1]:
            cell.font = Font(bold=True)
        each.column_dimensions["B"].width = 45
    return _save(book)


def _float(value):
    return float(value) if value is not None else None


def _save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def hasil_pdf(hasil: HasilSurvei, *, base_url: str) -> bytes:
    """The printable SKM report (WeasyPrint), in the usual shape: identity, unsur table, IKM, mutu."""
    # Imported here: WeasyPrint is heavy and logs its start-up, which every manage.py
    # command would otherwise print.
    from weasyprint import HTML

    context = {
        "hasil": hasil,
        "survei": hasil.survei,
        "pembulatan": PEMBULATAN,
        "mutu_list": MutuPelayanan.objects.order_by("-batas_bawah"),
        "kebutuhan_list": hasil.survei.kebutuhan_set.select_related("pemilik").order_by("created_at"),
    }
    html = render_to_string("organisasi/survei_laporan.html", context)
    return HTML(string=html, base_url=base_url).write_pdf()
