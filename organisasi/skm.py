"""SKM rules (PermenPANRB 14/2017, domain.md §0): unsur weights, rounding, the mutu band of an IKM.

Pure functions: the bands are passed in (they are data BKPSDM can change, `MutuPelayanan`), so
every rule here is checked by a table test without a database.
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

PEMBULATAN = "IKM dibulatkan setengah ke atas ke 2 desimal; mutu ditentukan dari nilai yang sudah dibulatkan."

BOBOT_TOLERANSI = Decimal("0.0001")
BOBOT_LITERAL = Fraction("0.11")  # as the regulation writes it, for its 9 unsur
JUMLAH_UNSUR_BAKU = 9

# The regulation's own literal 0,11 weight gives at least 25 × 0,99 = 24,75: still the lowest band.
IKM_TERENDAH = Decimal("24.75")

# An unsur converting below the lowest band whose kinerja is "Baik" is weak: its need is urgent.
MUTU_BAIK = "B"


def round2(value) -> Decimal:
    """Round half up to two decimals, as SKM reports do."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP)


def persen(part: int, whole: int, places: int) -> Decimal:
    """part/whole as a percentage rounded once, half up, to the places it is shown with.

    Rounding to 2 decimals first and again on display turns 8/42 (19,047…) into 19,1.
    """
    exact = Fraction(part * 100, whole)
    step = Decimal(1).scaleb(-places)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        step, ROUND_HALF_UP
    )


def bobot_problem(weights: list) -> str | None:
    """Why a survey's custom unsur weights cannot be used (None when all empty or consistent).

    Custom weights are allowed only if every SKM unsur of the survey has a weight ≥ 0 and
    they sum to 1 (± 0,0001).
    """
    if all(weight is None for weight in weights):
        return None
    if any(weight is None for weight in weights):
        return "Bobot harus diisi untuk semua unsur SKM survei ini, atau dikosongkan semuanya."
    if any(weight < 0 for weight in weights):
        return "Bobot unsur tidak boleh negatif."
    total = sum(Decimal(weight) for weight in weights)
    if abs(total - 1) > BOBOT_TOLERANSI:
        sekarang = f"{total.normalize():f}".replace(".", ",")
        return f"Jumlah bobot semua unsur SKM harus 1 (sekarang {sekarang})."
    return None


def unsur_weights(custom: list, *, literal: bool) -> list[Fraction]:
    """The weight of each answered unsur, given their custom weights (None = none set).

    An unsur nobody answered is left out rather than counted as 0, in every mode: exact
    weights are 1/(answered unsur), the literal 0,11 is scaled by 9/(answered unsur), and
    custom weights are divided by the sum of the answered unsur's weights ([] when that is 0).
    The weights were already checked by bobot_problem.
    """
    answered = len(custom)
    if any(weight is not None for weight in custom):
        given = [Fraction(weight) for weight in custom]
        total = sum(given)
        return [weight / total for weight in given] if total else []
    if literal:
        return [BOBOT_LITERAL * JUMLAH_UNSUR_BAKU / answered] * answered
    return [Fraction(1, answered)] * answered


def nilai_konversi(rata: Fraction) -> Decimal:
    """An unsur's mean answer (NRR, 1–4) on the 25–100 scale."""
    return round2(rata * 25)


def ikm(rata_list: list[Fraction], weights: list[Fraction]) -> Decimal:
    """IKM = 25 × Σ (NRR unsur × bobot), rounded half up to two decimals."""
    return round2(
        25 * sum(rata * bobot for rata, bobot in zip(rata_list, weights, strict=True))
    )


def mutu_for(ikm: Decimal, bands):
    """The quality band of an IKM already rounded to two decimals (bands sorted low to high).

    None when the IKM lies outside every band: never a guess from the nearest band.
    """
    bands = list(bands)
    for index, band in enumerate(bands):
        lowest = IKM_TERENDAH if index == 0 else band.batas_bawah
        if min(lowest, band.batas_bawah) <= ikm <= band.batas_atas:
            return band
    return None


def is_weak(nilai: Decimal, bands) -> bool:
    """True when a converted unsur value lies below the lower bound of mutu B ("Baik")."""
    threshold = next(band.batas_bawah for band in bands if band.mutu == MUTU_BAIK)
    return nilai < threshold
