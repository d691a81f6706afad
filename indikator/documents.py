"""The SKP as a printable A4 PDF in the official layout (WeasyPrint)."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML


def skp_pdf(skp, context: dict) -> bytes:
    """Render the SKP document: header with both officials, RHK table, perilaku, lampiran, signatures."""
    html = render_to_string("indikator/skp_pdf.html", context)
    stylesheet = CSS(filename=finders.find("css/skp_pdf.css"))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(stylesheets=[stylesheet])
