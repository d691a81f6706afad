"""Form mechanics every app's forms share."""

from django import forms

from core.validators import refuse_control_characters


def plain_text(form_class):
    """Class decorator: every text field of the form refuses invisible control characters.

    Applied to every form of the project (a test walks them all), so a pasted NUL or escape
    character gets a message at its field instead of a 500 or a broken export.
    """
    for field in form_class.base_fields.values():
        if (
            isinstance(field, forms.CharField)
            and refuse_control_characters not in field.validators
        ):
            field.validators.append(refuse_control_characters)
    return form_class


def checks_plain_text(form_class) -> bool:
    """Does every text field of the form refuse control characters? (for the whole-kind test)"""
    return all(
        refuse_control_characters in field.validators
        for field in form_class.base_fields.values()
        if isinstance(field, forms.CharField)
    )
