"""The SKP as files: the printable PDF, and its RHK/IKI as a spreadsheet out and in."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from indikator import documents, permissions, queries, spreadsheets
from indikator.forms import ImportForm
from indikator.models import Skp
from indikator.views.indikator import XLSX
from indikator.views.skp import get_for_change
from organisasi.permissions import get_for_user


def skp_pdf(request, pk):
    skp = get_for_user(Skp.objects.with_document(), request.user, pk)
    response = HttpResponse(documents.skp_pdf(skp, queries.skp_document(skp)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="skp-{skp.periode.tahun}-{skp.pegawai.nip}.pdf"'
    return response


def skp_export(request, pk):
    skp = get_for_user(Skp.objects.with_related(), request.user, pk)
    response = HttpResponse(spreadsheets.export_skp_rhk(skp), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="rhk-skp-{skp.periode.tahun}-{skp.pegawai.nip}.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
def skp_import(request, pk):
    skp = get_for_change(Skp.objects.with_related(), request, pk, edit=permissions.can_edit_skp)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    errors = []
    if form.is_valid():
        errors = spreadsheets.import_skp_rhk(skp, form.cleaned_data["berkas"])
        if not errors:
            messages.success(request, "RHK dan IKI berhasil diimpor.")
            return redirect(skp)
    return render(request, "indikator/skp_import.html", {"skp": skp, "form": form, "errors": errors})
