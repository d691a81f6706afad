"""The capaian and target rules as tables: every row is one case a user can meet."""

from decimal import Decimal

import pytest

from indikator.capaian import (
    NAIK,
    RENTANG,
    TURUN,
    compute_capaian,
    target_display,
    target_errors,
    waktu_months,
)

# (case, realisasi, target, polaritas, target_atas, expected, quantum: compare after rounding to it)
CAPAIAN = [
    (
        "higher is better divides realisasi by target",
        45,
        50,
        NAIK,
        None,
        Decimal(90),
        None,
    ),
    (
        "higher is better is not capped above 100",
        150,
        100,
        NAIK,
        None,
        Decimal(150),
        None,
    ),
    (
        "lower is better uses two minus ratio",
        Decimal("6.5"),
        8,
        TURUN,
        None,
        Decimal("118.75"),
        None,
    ),
    ("lower is better above target", 9, 8, TURUN, None, Decimal("87.5"), None),
    (
        "lower is better is zero at twice the target",
        20,
        10,
        TURUN,
        None,
        Decimal(0),
        None,
    ),
    (
        "lower is better is zero beyond twice the target",
        35,
        10,
        TURUN,
        None,
        Decimal(0),
        None,
    ),
    (
        "range above uses the upper bound",
        92,
        80,
        RENTANG,
        90,
        Decimal("102.2"),
        Decimal("0.1"),
    ),
    ("range below uses the lower bound", 70, 80, RENTANG, 90, Decimal("87.5"), None),
    ("range inside is 100", 85, 80, RENTANG, 90, Decimal(100), None),
    ("target zero cannot be computed", 5, 0, NAIK, None, None, None),
    (
        "target zero cannot be computed when lower is better",
        0,
        0,
        TURUN,
        None,
        None,
        None,
    ),
    (
        "lower is better range above uses two minus ratio to the upper bound",
        9,
        7,
        TURUN,
        8,
        Decimal("87.5"),
        None,
    ),
    (
        "lower is better range below uses two minus ratio to the lower bound",
        Decimal("6.5"),
        7,
        TURUN,
        8,
        Decimal(107),
        Decimal("1"),
    ),
    (
        "lower is better range inside is 100",
        Decimal("7.5"),
        7,
        TURUN,
        8,
        Decimal(100),
        None,
    ),
    (
        "higher is better range above uses the upper bound",
        92,
        80,
        NAIK,
        90,
        Decimal("102.2"),
        Decimal("0.1"),
    ),
    (
        "higher is better range below uses the lower bound",
        70,
        80,
        NAIK,
        90,
        Decimal("87.5"),
        None,
    ),
    ("no realisasi cannot be computed", None, 80, NAIK, None, None, None),
    ("no target cannot be computed", 80, None, NAIK, None, None, None),
]


@pytest.mark.parametrize(
    ("realisasi", "target", "polaritas", "target_atas", "expected", "quantum"),
    [pytest.param(*row[1:], id=row[0]) for row in CAPAIAN],
)
def test_capaian_follows_the_polarity_and_range_rules(
    realisasi, target, polaritas, target_atas, expected, quantum
):
    result = compute_capaian(realisasi, target, polaritas, target_atas=target_atas)

    assert (
        result.quantize(quantum) if quantum and result is not None else result
    ) == expected


# (case, target, target_atas, polaritas, expected errors)
TARGET = [
    ("a plain target is fine", Decimal(85), None, NAIK, {}),
    (
        "a negative target is refused",
        Decimal(-1),
        None,
        NAIK,
        {"target": "Target tidak boleh negatif."},
    ),
    (
        "a negative upper bound is refused",
        None,
        Decimal(-1),
        NAIK,
        {
            "target_atas": "Batas atas target tidak boleh negatif.",
            "target": "Batas bawah rentang wajib diisi.",
        },
    ),
    (
        "a range with the lower bound above the upper is refused",
        Decimal(90),
        Decimal(80),
        RENTANG,
        {
            "target_atas": "Batas bawah rentang target tidak boleh melebihi batas atasnya."
        },
    ),
    (
        "polarity rentang needs an upper bound",
        Decimal(80),
        None,
        RENTANG,
        {"target_atas": "Polaritas rentang memerlukan batas atas target."},
    ),
    ("a lower-is-better range is fine", Decimal(7), Decimal(8), TURUN, {}),
    (
        "an upper bound needs a lower bound",
        None,
        Decimal(8),
        NAIK,
        {"target": "Batas bawah rentang wajib diisi."},
    ),
    ("no target at all is the model's business", None, None, NAIK, {}),
]


@pytest.mark.parametrize(
    ("target", "target_atas", "polaritas", "expected"),
    [pytest.param(*row[1:], id=row[0]) for row in TARGET],
)
def test_target_errors_name_each_broken_rule_at_its_field(
    target, target_atas, polaritas, expected
):
    assert target_errors(target, target_atas, polaritas) == expected


@pytest.mark.parametrize(
    ("target", "target_atas", "satuan", "expected"),
    [
        pytest.param(
            Decimal(12), None, "bulan", Decimal(12), id="months count as months"
        ),
        pytest.param(
            Decimal(7),
            Decimal(8),
            " Bulan ",
            Decimal(8),
            id="a range spans its upper bound",
        ),
        pytest.param(
            Decimal(60), None, "hari", Decimal(2), id="thirty days make a month"
        ),
        pytest.param(
            Decimal(8), None, "minggu", Decimal(2), id="four weeks make a month"
        ),
        pytest.param(
            Decimal(12), None, "dokumen", None, id="other satuan are not time"
        ),
    ],
)
def test_waktu_months_converts_a_time_target_to_months(
    target, target_atas, satuan, expected
):
    assert waktu_months(target, target_atas, satuan) == expected


@pytest.mark.parametrize(
    ("target", "target_atas", "satuan", "expected"),
    [
        pytest.param(Decimal("85.00"), None, "%", "85 %", id="no trailing zeros"),
        pytest.param(Decimal("0.50"), None, "%", "0,5 %", id="decimal comma"),
        pytest.param(
            Decimal("90"), Decimal("95"), "%", "90–95 %", id="a range with a dash"
        ),
        pytest.param(
            Decimal("87.25"), None, "indeks", "87,25 indeks", id="two decimals kept"
        ),
        pytest.param(
            Decimal("1200.00"),
            None,
            "dokumen",
            "1.200 dokumen",
            id="thousands grouped with a dot",
        ),
    ],
)
def test_target_display_writes_the_target_as_users_do(
    target, target_atas, satuan, expected
):
    assert target_display(target, target_atas, satuan) == expected
