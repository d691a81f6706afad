"""Numeric fields that read and show numbers the Indonesian way ("95,5", "1.250,75").

A browser's `<input type="number">` drops or misreads a decimal comma (the audit saw "95,5"
saved as 955), so numbers are typed in a text box with a decimal keypad and read by
`core.angka.parse_angka`, which refuses what it cannot read one way only. Model fields here
hand these form fields to every ModelForm and to the admin.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from core.angka import format_angka, parse_angka


class AngkaInput(forms.TextInput):
    """A text box with the phone's decimal keypad; the value is shown as it would be typed."""

    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "decimal", "autocomplete": "off", **(attrs or {})}
        )

    def format_value(self, value):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return format_angka(value)
        return super().format_value(value)


class AngkaField(forms.DecimalField):
    """A decimal typed as "95,5" or "1.250,75" (a plain "95.5" is read too)."""

    widget = AngkaInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_angka(value)
        except ValidationError as error:
            raise ValidationError(error.messages[0], code="invalid") from None

    def widget_attrs(self, widget):
        return {}  # no min/max/step: those belong to type="number", and the validators still run


class BilanganBulatField(forms.IntegerField):
    """A whole number; "1.250" is one thousand two hundred and fifty, "2,5" is refused."""

    widget = AngkaInput
    default_error_messages = {"invalid": "Masukkan bilangan bulat, mis. 12 atau 1.250."}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            number = parse_angka(value)
        except ValidationError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None
        if number != number.to_integral_value():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(number)

    def widget_attrs(self, widget):
        return {}


class DesimalField(models.DecimalField):
    """A model DecimalField whose forms (ModelForms and the admin) read the Indonesian format."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": AngkaField, **kwargs})


class BilanganBulatPositifField(models.PositiveIntegerField):
    """A model PositiveIntegerField whose forms read "1.250" as 1250."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": BilanganBulatField, **kwargs})
