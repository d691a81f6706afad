"""The SKP as a printable A4 PDF in the official layout (WeasyPrint)."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def skp_pdf(skp, context: dict) -> bytes:
    """Render the SKP document: header with both officials, RHK table, perilaku, lampiran, signatures."""
    # WeasyPrint loads fonts and its user-agent stylesheets on import (slow, and it logs);
    # only this function needs it, so every other process is spared the cost.
    from weasyprint import CSS, HTML

    html = render_to_string("indikator/skp_pdf.html", context)
    stylesheet = CSS(filename=finders.find("css/skp_pdf.css"))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[stylesheet]
    )
