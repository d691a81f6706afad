from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.template import engines

from core.angka import format_angka, parse_angka


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("95,5", Decimal("95.5")),
        ("1.250,75", Decimal("1250.75")),
        ("1.250", Decimal("1250")),
        ("1.250.000", Decimal("1250000")),
        ("1250", Decimal("1250")),
        ("95.5", Decimal("95.5")),
        ("0,75", Decimal("0.75")),
        (" 12 ", Decimal("12")),
        ("-3,5", Decimal("-3.5")),
        (7, Decimal("7")),
        (2.5, Decimal("2.5")),
    ],
)
def test_parse_angka_reads_the_indonesian_format(typed, value):
    assert parse_angka(typed) == value


@pytest.mark.parametrize(
    "typed", ["1,250.75", "1,250,000", "1.25.0", "12a", "", ",", "1..2"]
)
def test_parse_angka_refuses_what_it_cannot_read_one_way(typed):
    with pytest.raises(ValidationError):
        parse_angka(typed)


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal("95.5"), None, "95,5"),
        (Decimal("1250.75"), None, "1.250,75"),
        (Decimal("95.50"), None, "95,5"),
        (Decimal("100"), None, "100"),
        (1250000, None, "1.250.000"),
        (Decimal("12.345"), 2, "12,35"),
        (Decimal("-1234.5"), 1, "-1.234,5"),
        (None, 2, ""),
    ],
)
def test_format_angka_writes_the_indonesian_format(value, places, text):
    assert format_angka(value, places) == text


def test_angka_filter_formats_in_templates():
    template = engines["django"].from_string(
        "{% load angka %}{{ a|angka }} {{ b|angka:2 }}"
    )

    assert template.render({"a": Decimal("1250.75"), "b": 3}) == "1.250,75 3,00"
