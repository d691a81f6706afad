"""Validators for what people type and upload."""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

# C0 controls except tab, line feed and carriage return; DEL; C1 controls.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL_MESSAGE = "Teks berisi karakter kendali yang tidak terlihat (mis. dari salinan PDF); hapus lalu ketik ulang."


@deconstructible
class ControlCharacterValidator:
    """Refuse text with invisible control characters (a NUL breaks PostgreSQL, others break exports)."""

    message = CONTROL_MESSAGE
    code = "control_characters"

    def __call__(self, value):
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, ControlCharacterValidator)


refuse_control_characters = ControlCharacterValidator()
