"""The file formats the admin's import-export offers: text stays text on export.

import-export's own escaping drops a leading "=" (changing the data) and misses "+", "-" and
"@". Here an xlsx export types every text cell as text (core.responses), and a csv export
prefixes a cell that a spreadsheet would run as a formula with an apostrophe, which the csv
import removes again, so an exported file imports back unchanged.
"""

from import_export.formats import base_formats

from core.responses import dataset_workbook
from core.uploads import read_bytes

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """'=1+1' → "'=1+1" (a spreadsheet shows it as text); other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unescape_formula(value):
    if (
        isinstance(value, str)
        and value.startswith("'")
        and value[1:].startswith(FORMULA_STARTS)
    ):
        return value[1:]
    return value


class XLSX(base_formats.XLSX):
    """Read through core.uploads (streaming, row and column caps), write text as text."""

    def create_dataset(self, in_stream, **kwargs):
        return read_bytes(in_stream, is_csv=False)

    def export_data(self, dataset, **kwargs):
        return dataset_workbook(dataset)


class CSV(base_formats.CSV):
    """Read as bytes through core.uploads (utf-8 or Excel's cp1252, "," or ";"), escape formulas on export."""

    def is_binary(self):
        return True  # the admin hands over bytes; core.uploads picks the encoding

    def get_read_mode(self):
        return "rb"

    def export_data(self, dataset, **kwargs):
        escaped = dataset.__class__(headers=dataset.headers)
        for row in dataset:
            escaped.append([escape_formula(value) for value in row])
        return (
            super().export_data(escaped, **kwargs).encode("utf-8-sig")
        )  # the BOM tells Excel it is UTF-8

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, str):
            in_stream = in_stream.encode("utf-8")
        dataset = read_bytes(in_stream, is_csv=True)
        plain = dataset.__class__(headers=dataset.headers)
        for row in dataset:
            plain.append([unescape_formula(value) for value in row])
        return plain
