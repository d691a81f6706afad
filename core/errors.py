"""Turning a ValidationError into the messages a user reads."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def error_messages(
    error: ValidationError, *, labels: dict[str, str] | None = None
) -> list[str]:
    """Every message of the error; a message about a field starts with the field's label."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    labels = labels or {}
    found = []
    for name, field_messages in error.message_dict.items():
        prefix = "" if name == NON_FIELD_ERRORS else f"{labels.get(name, name)}: "
        found += [f"{prefix}{message}" for message in field_messages]
    return found


def flash_errors(
    request, error: ValidationError, *, labels: dict[str, str] | None = None
) -> None:
    """Show every message of the error on the next page."""
    for message in error_messages(error, labels=labels):
        messages.error(request, message)


def add_form_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: at the field it names, else at the top."""
    if hasattr(error, "error_dict"):
        for name, field_messages in error.message_dict.items():
            target = name if name in form.fields else None
            for message in field_messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
