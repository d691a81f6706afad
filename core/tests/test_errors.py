from django import forms
from django.core.exceptions import ValidationError

from core.errors import add_form_errors, error_messages


def test_error_messages_prefix_field_messages_with_their_label():
    error = ValidationError(
        {"target": ["bukan angka."], "__all__": ["Periode terkunci."]}
    )

    assert error_messages(error, labels={"target": "Target"}) == [
        "Target: bukan angka.",
        "Periode terkunci.",
    ]


def test_error_messages_of_a_plain_error_are_its_messages():
    assert error_messages(ValidationError(["Satu.", "Dua."])) == ["Satu.", "Dua."]


class _Form(forms.Form):
    alasan = forms.CharField()


def test_add_form_errors_puts_messages_at_the_field_or_on_top():
    form = _Form({"alasan": "x"})
    form.is_valid()

    add_form_errors(
        form, ValidationError({"alasan": "Terlalu pendek.", "lain": "Tidak boleh."})
    )

    assert (form.errors["alasan"], form.non_field_errors()) == (
        ["Terlalu pendek."],
        ["Tidak boleh."],
    )
