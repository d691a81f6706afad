"""Downloads: workbooks to bytes and the xlsx / PDF responses every export view returns.

Every workbook passes through `workbook_bytes`, which types every text cell as text: a cell
that starts with "=", "+", "-" or "@" never becomes a live formula in the reader's Excel.
"""

import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_CONTENT_TYPE = "application/pdf"


def workbook_bytes(book: Workbook) -> bytes:
    """The workbook as .xlsx bytes, with every cell openpyxl took for a formula stored as text."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def table_workbook(
    headers: Sequence[str], rows: Iterable[Sequence], *, title: str
) -> bytes:
    """A one-sheet workbook: a bold header row, then the rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    return workbook_bytes(book)


def dataset_workbook(dataset, *, title: str = "Data") -> bytes:
    """A tablib Dataset (e.g. an import-export Resource's export) as .xlsx bytes, text kept as text."""
    return table_workbook(dataset.headers or [], dataset, title=dataset.title or title)


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    """An .xlsx download; never cached (it may hold personal data)."""
    return _download(content, filename, XLSX_CONTENT_TYPE, disposition="attachment")


def pdf_response(content: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    """A PDF shown in the browser (or downloaded when inline=False); never cached."""
    return _download(
        content,
        filename,
        PDF_CONTENT_TYPE,
        disposition="inline" if inline else "attachment",
    )


def _download(
    content: bytes, filename: str, content_type: str, *, disposition: str
) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    safe_name = "".join(c for c in filename if c.isalnum() or c in "-_.") or "berkas"
    response["Content-Disposition"] = f'{disposition}; filename="{safe_name}"'
    response["Cache-Control"] = "no-store"
    return response
