"""Survey results: NRR, IKM, mutu, distributions and profile, computed read-only.

Results are computed with a handful of aggregate queries whatever the number of responses;
answers are never loaded into Python one by one.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db.models import Case, Count, F, Sum, TextField, Value, When

from core.angka import format_angka
from organisasi import skm
from organisasi.models import (
    Jawaban,
    MutuPelayanan,
    PartisipasiSurvei,
    Pertanyaan,
    Responden,
    Survei,
)

Tipe = Pertanyaan.Tipe
PERSEN_DESIMAL = 1  # distributions are shown with one decimal, and rounded only there

PROFIL_FIELDS = {
    "usia": Responden.Usia,
    "jenis_kelamin": Responden.JenisKelamin,
    "pendidikan": Responden.Pendidikan,
    "pekerjaan": Responden.Pekerjaan,
}


def has_answered(survei: Survei, pengguna) -> bool:
    """Has this ASN already answered this internal survey (its PartisipasiSurvei exists)?"""
    return PartisipasiSurvei.objects.filter(survei=survei, pengguna=pengguna).exists()


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
        return skm.round2(self.rata) if self.rata is not None else None

    @property
    def nrr_tertimbang(self) -> Decimal | None:
        if self.rata is None or self.bobot is None:
            return None
        return (
            Decimal(self.rata.numerator)
            / self.rata.denominator
            * Decimal(self.bobot.numerator)
            / self.bobot.denominator
        ).quantize(Decimal("0.0001"), ROUND_HALF_UP)

    @property
    def nilai_konversi(self) -> Decimal | None:
        """The unsur's NRR on the 25–100 scale (NRR × 25)."""
        return (
            skm.nilai_konversi(self.rata)
            if self.rata is not None and self.is_unsur
            else None
        )

    mutu: MutuPelayanan | None = None  # the band of the unsur's nilai konversi

    @property
    def is_unsur(self) -> bool:
        return self.pertanyaan.tipe == Tipe.UNSUR_SKM

    def sebaran_rows(self) -> list[tuple[str, int, Decimal]]:
        """(label, count, percent) for each possible answer of a closed question, in scale order."""
        labels = answer_labels(self.pertanyaan)
        total = sum(self.sebaran.values()) or 1
        return [
            (
                label,
                self.sebaran.get(key, 0),
                skm.persen(self.sebaran.get(key, 0), total, PERSEN_DESIMAL),
            )
            for key, label in labels
        ]


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
                f"U{hasil.pertanyaan.urutan} {format_angka(hasil.pertanyaan.bobot) or '–'}"
                for hasil in unsur
            )
            return f"Bobot khusus per unsur: {given} (dibagi jumlah bobot unsur yang dijawab)"
        if self.survei.mode_bobot == Survei.ModeBobot.LITERAL:
            return f"0,11 per unsur seperti tertulis di PermenPANRB 14/2017, dikali 9 ÷ {answered} unsur yang dijawab"
        return f"Eksak: 1 ÷ {answered} unsur yang dijawab"

    @property
    def lainnya(self) -> list[HasilPertanyaan]:
        return [hasil for hasil in self.pertanyaan if not hasil.is_unsur]

    @property
    def sementara(self) -> bool:
        """Figures of a survey not yet closed may still change: reports say so."""
        return self.survei.status != Survei.Status.DITUTUP

    @property
    def persen_target(self) -> Decimal | None:
        target = self.survei.target_responden
        return skm.persen(self.responden, target, 0) if target else None

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
                "nrr": [
                    float(hasil.nrr) if hasil.nrr is not None else None
                    for hasil in self.unsur
                ],
                "sebelumnya": self._previous_nrr(),
            },
            "sebaran": {
                str(hasil.pertanyaan.pk): {
                    "labels": [label for label, _, _ in hasil.sebaran_rows()],
                    "counts": [count for _, count, _ in hasil.sebaran_rows()],
                }
                for hasil in self.lainnya
                if answer_labels(hasil.pertanyaan)
            },
        }

    def _previous_nrr(self):
        if self.sebelumnya is None:
            return []
        by_unsur = {
            hasil.pertanyaan.unsur: hasil.nrr for hasil in self.sebelumnya.unsur
        }
        return [
            float(by_unsur[h.pertanyaan.unsur])
            if by_unsur.get(h.pertanyaan.unsur) is not None
            else None
            for h in self.unsur
        ]


def answer_labels(pertanyaan: Pertanyaan) -> list[tuple]:
    """(stored key, label) of each possible answer of a closed question; [] for open ones."""
    if pertanyaan.tipe == Tipe.YA_TIDAK:
        return [(Decimal(1), "Ya"), (Decimal(0), "Tidak")]
    if pertanyaan.skala:
        low, high = pertanyaan.skala
        names = list(pertanyaan.pilihan or [])
        return [
            (
                Decimal(value),
                f"{value} – {names[value - low]}"
                if value - low < len(names)
                else str(value),
            )
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
    hasil_list = [
        HasilPertanyaan(pertanyaan)
        for pertanyaan in survei.pertanyaan_set.order_by("urutan")
    ]
    by_id = {hasil.pertanyaan.pk: hasil for hasil in hasil_list}
    _count_answers(by_id)
    for item in hasil_list:
        if item.pertanyaan.tipe == Tipe.TEKS:
            # One small query per free-text question (a survey has few), so a busy question
            # never crowds out the answers of another.
            recent = item.pertanyaan.jawaban_set.exclude(teks="").order_by("-id")
            item.teks_list = list(recent.values_list("teks", flat=True)[:TEKS_TERBARU])
    hasil = HasilSurvei(
        survei=survei, responden=survei.responden_set.count(), pertanyaan=hasil_list
    )
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
    pilihan = [
        pk for pk, hasil in by_id.items() if hasil.pertanyaan.tipe == Tipe.PILIHAN
    ]
    rows = (
        Jawaban.objects.filter(pertanyaan_id__in=list(by_id))
        .annotate(
            nilai_key=Case(
                When(pertanyaan_id__in=scaled, then=F("nilai")),
                default=None,
                output_field=Jawaban._meta.get_field("nilai"),
            ),
            teks_key=Case(
                When(pertanyaan_id__in=pilihan, then=F("teks")),
                default=Value(""),
                output_field=TextField(),
            ),
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
    rows = (
        survei.responden_set.values(*PROFIL_FIELDS).annotate(n=Count("id")).order_by()
    )
    for row in rows:
        for name in PROFIL_FIELDS:
            counts[name][row[name]] = counts[name].get(row[name], 0) + row["n"]
    profil = []
    for name, choices in PROFIL_FIELDS.items():
        labelled = [
            (label, counts[name].get(value, 0)) for value, label in choices.choices
        ]
        labelled.append(("Tidak diisi", counts[name].get("", 0)))
        profil.append(
            (
                Responden._meta.get_field(name).verbose_name,
                [(k, n) for k, n in labelled if n],
            )
        )
    return profil


def _score_skm(hasil: HasilSurvei) -> None:
    hasil.masalah_bobot = (
        skm.bobot_problem([unsur.pertanyaan.bobot for unsur in hasil.unsur])
        if hasil.unsur
        else None
    )
    answered = [unsur for unsur in hasil.unsur if unsur.rata is not None]
    if not answered or hasil.masalah_bobot:
        return
    literal = hasil.survei.mode_bobot == Survei.ModeBobot.LITERAL
    weights = skm.unsur_weights(
        [unsur.pertanyaan.bobot for unsur in answered], literal=literal
    )
    if not weights:
        hasil.masalah_bobot = (
            "Semua unsur yang dijawab berbobot 0, sehingga IKM tidak dapat dihitung."
        )
        return
    for unsur, bobot in zip(answered, weights, strict=True):
        unsur.bobot = bobot
    hasil.ikm = skm.ikm([unsur.rata for unsur in answered], weights)
    bands = list(MutuPelayanan.objects.order_by("batas_bawah"))
    hasil.mutu = skm.mutu_for(hasil.ikm, bands)
    for unsur in answered:
        unsur.mutu = skm.mutu_for(unsur.nilai_konversi, bands)
    hasil.terlemah = min(
        answered, key=lambda unsur: (unsur.rata, unsur.pertanyaan.urutan)
    )
