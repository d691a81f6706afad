"""The printable survey report (PDF)."""

from django.template.loader import render_to_string

from organisasi.models import MutuPelayanan
from organisasi.queries.survei import HasilSurvei
from organisasi.skm import PEMBULATAN


def hasil_pdf(hasil: HasilSurvei, *, base_url: str) -> bytes:
    """The printable SKM report (WeasyPrint), in the usual shape: identity, unsur table, IKM, mutu."""
    # Imported here: WeasyPrint is heavy and logs its start-up, which every manage.py
    # command would otherwise print.
    from weasyprint import HTML

    context = {
        "hasil": hasil,
        "survei": hasil.survei,
        "pembulatan": PEMBULATAN,
        "mutu_list": MutuPelayanan.objects.order_by("-batas_bawah"),
        "kebutuhan_list": hasil.survei.kebutuhan_set.select_related("pemilik").order_by(
            "created_at"
        ),
    }
    html = render_to_string("organisasi/survei_laporan.html", context)
    return HTML(string=html, base_url=base_url).write_pdf()
