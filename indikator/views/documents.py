"""The SKP as files: the printable PDF, and its RHK/IKI as a spreadsheet out and in."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.responses import pdf_response, xlsx_response
from indikator import documents, permissions, queries, spreadsheets
from indikator.forms import ImportForm
from indikator.models import Skp
from indikator.views.skp import get_for_change
from organisasi.permissions import get_for_user


def skp_pdf(request, pk):
    skp = get_for_user(Skp.objects.with_document(), request.user, pk)
    content = documents.skp_pdf(skp, queries.skp_document(skp))
    return pdf_response(content, f"skp-{skp.periode.tahun}-{skp.pegawai.nip}.pdf")


def skp_export(request, pk):
    skp = get_for_user(Skp.objects.with_related(), request.user, pk)
    return xlsx_response(
        spreadsheets.export_skp_rhk(skp),
        f"rhk-skp-{skp.periode.tahun}-{skp.pegawai.nip}.xlsx",
    )


@require_http_methods(["GET", "POST"])
def skp_import(request, pk):
    skp = get_for_change(
        Skp.objects.with_related(), request, pk, edit=permissions.can_edit_skp
    )
    form = (
        ImportForm(request.POST, request.FILES)
        if request.method == "POST"
        else ImportForm()
    )
    result = None
    if form.is_valid():
        result = spreadsheets.import_skp_rhk(skp, form.cleaned_data["berkas"])
        if result.ok:
            messages.success(request, "RHK dan IKI berhasil diimpor.")
            return redirect(skp)
        result = form.file_refusals_on_the_field(result)
    return render(
        request,
        "indikator/skp_import.html",
        {"skp": skp, "form": form, "result": result},
    )
