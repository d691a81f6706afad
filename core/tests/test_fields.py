from decimal import Decimal

import pytest
from django import forms

from core.fields import AngkaField, BilanganBulatField


class _Form(forms.Form):
    target = AngkaField(max_digits=14, decimal_places=2, required=False)
    jumlah = BilanganBulatField(required=False, min_value=0)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("95,5", Decimal("95.5")),
        ("1.250,75", Decimal("1250.75")),
        ("95.5", Decimal("95.5")),
        ("", None),
    ],
)
def test_angka_field_reads_the_indonesian_format(typed, value):
    form = _Form({"target": typed})

    assert (form.is_valid(), form.cleaned_data["target"]) == (True, value)


def test_angka_field_refuses_an_ambiguous_number_at_the_field():
    form = _Form({"target": "1,250.75"})

    assert form.is_valid() is False
    assert "koma untuk desimal" in form.errors["target"][0]


def test_angka_field_still_checks_decimal_places():
    assert _Form({"target": "1,255"}).is_valid() is False


def test_angka_field_shows_a_stored_value_the_way_it_is_typed():
    html = str(_Form(initial={"target": Decimal("95.50")})["target"])

    assert (
        'value="95,5"' in html
        and 'inputmode="decimal"' in html
        and 'type="text"' in html
    )


def test_a_rejected_form_keeps_what_the_user_typed():
    assert 'value="12,3,4"' in str(_Form({"target": "12,3,4"})["target"])


@pytest.mark.parametrize(
    ("typed", "valid", "value"),
    [("1.250", True, 1250), ("12", True, 12), ("2,5", False, None)],
)
def test_bilangan_bulat_field_reads_whole_numbers(typed, valid, value):
    form = _Form({"jumlah": typed})

    assert form.is_valid() is valid
    assert form.cleaned_data.get("jumlah") == value
