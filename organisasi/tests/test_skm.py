"""The SKM rules: weights, rounding, the mutu band of an IKM, the weak-unsur threshold."""

from decimal import Decimal
from fractions import Fraction
from types import SimpleNamespace

import pytest

from organisasi import skm
from organisasi.models import MutuPelayanan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("ikm", "mutu"),
    [
        ("25.00", "D"),
        ("64.99", "D"),
        ("65.00", "C"),
        ("76.60", "C"),
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.31", "A"),
        ("100.00", "A"),
    ],
)
def test_mutu_band_edges_follow_the_regulation(ikm, mutu):
    bands = MutuPelayanan.objects.order_by("batas_bawah")

    assert skm.mutu_for(Decimal(ikm), bands).mutu == mutu


@pytest.mark.parametrize(
    ("weights", "problem"),
    [
        ([None] * 9, None),
        ([Decimal("0.1111")] * 8 + [Decimal("0.1112")], None),
        ([Decimal("0.5")] * 9, "harus 1"),
        ([Decimal("0.2")] + [None] * 8, "semua unsur"),
        ([Decimal("-0.5"), Decimal("1.5")] + [Decimal("0")] * 7, "negatif"),
    ],
)
def test_bobot_problem_allows_only_non_negative_weights_of_every_unsur_summing_to_one(
    weights, problem
):
    result = skm.bobot_problem(weights)

    assert (result is None) if problem is None else problem in result


@pytest.mark.parametrize("ikm", ["450.00", "100.01", "24.74", "-5.00"])
def test_mutu_for_an_ikm_outside_every_band_is_none(ikm):
    bands = MutuPelayanan.objects.order_by("batas_bawah")

    assert skm.mutu_for(Decimal(ikm), bands) is None


# The bands as PermenPANRB 14/2017 sets them (seeded as MutuPelayanan rows), for the pure tests.
BANDS = [
    SimpleNamespace(
        mutu="D", batas_bawah=Decimal("25.00"), batas_atas=Decimal("64.99")
    ),
    SimpleNamespace(
        mutu="C", batas_bawah=Decimal("65.00"), batas_atas=Decimal("76.60")
    ),
    SimpleNamespace(
        mutu="B", batas_bawah=Decimal("76.61"), batas_atas=Decimal("88.30")
    ),
    SimpleNamespace(
        mutu="A", batas_bawah=Decimal("88.31"), batas_atas=Decimal("100.00")
    ),
]


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        (Decimal("72.225"), Decimal("72.23")),
        (Decimal("72.224"), Decimal("72.22")),
        (Fraction(650, 9), Decimal("72.22")),
        (Fraction(725, 9), Decimal("80.56")),
        (25, Decimal("25.00")),
    ],
)
def test_round2_rounds_half_up_to_two_decimals(value, rounded):
    assert skm.round2(value) == rounded


@pytest.mark.parametrize(
    ("custom", "literal", "weights"),
    [
        ([None] * 9, False, [Fraction(1, 9)] * 9),
        ([None] * 8, False, [Fraction(1, 8)] * 8),
        ([None] * 9, True, [Fraction("0.11")] * 9),
        ([None] * 8, True, [Fraction("0.11") * 9 / 8] * 8),
        (
            [Decimal("0.2"), Decimal("0.1"), Decimal("0.1")],
            False,
            [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)],
        ),
        ([Decimal("0"), Decimal("0")], False, []),
    ],
)
def test_unsur_weights_leave_out_unanswered_unsur_in_every_mode(
    custom, literal, weights
):
    assert skm.unsur_weights(custom, literal=literal) == weights


@pytest.mark.parametrize(
    ("rata", "weights", "ikm"),
    [
        ([Fraction(4)] * 9, [Fraction(1, 9)] * 9, Decimal("100.00")),
        ([Fraction(1)] * 9, [Fraction("0.11")] * 9, Decimal("24.75")),
        ([Fraction(3), Fraction(2)], [Fraction(1, 2)] * 2, Decimal("62.50")),
    ],
)
def test_ikm_is_25_times_the_weighted_nrr(rata, weights, ikm):
    assert skm.ikm(rata, weights) == ikm


@pytest.mark.parametrize(
    ("ikm", "mutu"),
    [
        ("24.75", "D"),
        ("25.00", "D"),
        ("64.99", "D"),
        ("65.00", "C"),
        ("76.60", "C"),
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.31", "A"),
        ("100.00", "A"),
        ("24.74", None),
        ("100.01", None),
    ],
)
def test_mutu_for_looks_up_the_band_of_the_rounded_ikm(ikm, mutu):
    band = skm.mutu_for(Decimal(ikm), BANDS)

    assert (band.mutu if band else None) == mutu


@pytest.mark.parametrize(
    ("nilai", "weak"),
    [("25.00", True), ("76.60", True), ("76.61", False), ("100.00", False)],
)
def test_an_unsur_below_mutu_b_is_weak(nilai, weak):
    assert skm.is_weak(Decimal(nilai), BANDS) is weak


def test_the_weak_threshold_follows_the_bands_bkpsdm_stores():
    MutuPelayanan.objects.filter(mutu="B").update(batas_bawah=Decimal("80.00"))

    bands = MutuPelayanan.objects.order_by("batas_bawah")

    assert skm.is_weak(Decimal("79.99"), bands) is True


@pytest.mark.parametrize(
    ("part", "whole", "places", "expected"),
    [
        (8, 42, 1, Decimal("19.0")),  # 19,047…: rounded once, never via 19,05
        (1, 8, 1, Decimal("12.5")),
        (1, 3, 0, Decimal("33")),
        (1, 200, 0, Decimal("1")),  # 0,5 rounds half up
        (50, 150, 0, Decimal("33")),
    ],
)
def test_persen_rounds_once_to_the_places_shown(part, whole, places, expected):
    assert skm.persen(part, whole, places) == expected
