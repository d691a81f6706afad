"""The file formats the admin's import-export offers: text stays text on export.

import-export's own escaping drops a leading "=" (changing the data) and misses "+", "-" and
"@". Here an xlsx export types every text cell as text (core.responses), and a csv export
prefixes a cell that a spreadsheet would run as a formula with an apostrophe, which the csv
import removes again, so an exported file imports back unchanged.
"""

from import_export.formats import base_formats

from core.responses import dataset_workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """'=1+1' → "'=1+1" (a spreadsheet shows it as text); other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unescape_formula(value):
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


class XLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        return dataset_workbook(dataset)


class CSV(base_formats.CSV):
    def export_data(self, dataset, **kwargs):
        escaped = dataset.__class__(headers=dataset.headers)
        for row in dataset:
            escaped.append([escape_formula(value) for value in row])
        return super().export_data(escaped, **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        dataset = super().create_dataset(in_stream, **kwargs)
        plain = dataset.__class__(headers=dataset.headers)
        for row in dataset:
            plain.append([unescape_formula(value) for value in row])
        return plain
