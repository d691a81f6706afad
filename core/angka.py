"""Numbers the Indonesian way: "1.250,75" (dot for thousands, comma for decimals).

`format_angka` writes them for pages and documents; `parse_angka` reads what a user typed,
accepting the Indonesian format and refusing what cannot be read one way only.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError

_GROUPED = re.compile(
    r"^\d{1,3}(\.\d{3})+$"
)  # 1.250 or 1.250.000: dots group thousands
_PLAIN = re.compile(r"^\d+$")


def format_angka(value, places: int | None = None) -> str:
    """95.5 → "95,5", 1250.75 → "1.250,75"; `places` fixes the decimals (half up), else trailing zeros go.

    None (and an empty string) becomes "".
    """
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    if places is None:
        text = (
            f"{number.normalize():f}"
            if number != number.to_integral()
            else f"{number.to_integral():f}"
        )
    else:
        text = (
            f"{number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"
        )
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    whole = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"


def parse_angka(text) -> Decimal:
    """Read "95,5", "1.250,75", "1.250" (= 1250), "1250", "0.75" or a number from a spreadsheet cell.

    Raises ValidationError (in Indonesian) for anything ambiguous or not a number: "1,250.75"
    (English grouping), "1,250,000", "1.25.0", letters.
    """
    if isinstance(text, int | float | Decimal) and not isinstance(text, bool):
        return Decimal(str(text))
    raw = str(text).strip().replace(" ", "").replace("\u00a0", "")
    sign = ""
    if raw[:1] in "+-" and raw:
        sign, raw = raw[0].replace("+", ""), raw[1:]
    if raw.count(",") > 1 or ("," in raw and "." in raw.split(",")[-1]):
        raise ValidationError(
            f"“{text}” tidak dapat dibaca sebagai angka. Gunakan koma untuk desimal dan titik untuk ribuan, "
            "mis. 95,5 atau 1.250,75."
        )
    whole, _, fraction = raw.partition(",")
    if "," not in raw and whole.count(".") == 1 and not _GROUPED.match(whole):
        whole, fraction = whole.split(
            "."
        )  # 95.5 or 0.75: a dot that cannot group thousands
    elif "." in whole:
        if not _GROUPED.match(whole):
            raise ValidationError(
                f"“{text}” tidak dapat dibaca sebagai angka: titik hanya untuk ribuan (1.250)."
            )
        whole = whole.replace(".", "")
    if not _PLAIN.match(whole or "") or (fraction and not _PLAIN.match(fraction)):
        raise ValidationError(f"“{text}” bukan angka.")
    try:
        return Decimal(f"{sign}{whole}.{fraction or 0}")
    except InvalidOperation:
        raise ValidationError(f"“{text}” bukan angka.") from None
