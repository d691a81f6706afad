"""Unit indicators (IKU / PK): lists, forms, realisasi, and their spreadsheet."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from core.angka import format_angka
from core.errors import add_form_errors
from core.responses import xlsx_response
from indikator import permissions, queries, services, spreadsheets
from indikator.forms import (
    ImportForm,
    IndikatorFilterForm,
    IndikatorKinerjaForm,
    RealisasiIndikatorForm,
    SasaranStrategisForm,
)
from indikator.models import IndikatorKinerja
from organisasi.permissions import get_for_user, require


@vary_on_headers("HX-Request")
def indikator_list(request):
    """Unit indicators the user may see, searchable; 25 a page."""
    form = IndikatorFilterForm(request.GET or None, user=request.user)
    indikator_list = form.filter(
        IndikatorKinerja.objects.visible_to(request.user).with_related()
    )
    page = Paginator(indikator_list, 25).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "can_add": permissions.can_add_indikator(request.user),
    }
    template = "indikator/indikatorkinerja_list.html" + (
        "#table" if request.htmx else ""
    )
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def sasaran_create(request):
    require(permissions.can_add_indikator(request.user))
    form = SasaranStrategisForm(request.POST or None, user=request.user)
    if form.is_valid():
        sasaran = form.save()
        messages.success(
            request, f"Sasaran strategis {sasaran.kode} berhasil ditambahkan."
        )
        return redirect("indikator:indikator_create")
    return render(request, "indikator/sasaranstrategis_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def indikator_create(request):
    require(permissions.can_add_indikator(request.user))
    initial = {
        "tahun": datetime.date.today().year,
        "kebutuhan": request.GET.getlist("kebutuhan"),
    }
    form = IndikatorKinerjaForm(
        request.POST or None, user=request.user, initial=initial
    )
    if form.is_valid() and _save_indikator(request, form):
        messages.success(
            request, f"Indikator {form.instance.kode} berhasil ditambahkan."
        )
        return redirect(form.instance)
    return render(request, "indikator/indikatorkinerja_form.html", {"form": form})


def _save_indikator(request, form) -> bool:
    """Save the indicator form through the service; a refusal becomes a form error."""
    data = form.cleaned_data
    try:
        services.save_indikator(
            form.save(commit=False),
            kebutuhan=data["kebutuhan"],
            by=request.user,
            alasan=data["alasan"],
        )
    except ValidationError as error:
        add_form_errors(form, error)
        return False
    return True


def indikator_detail(request, pk):
    indikator = get_for_user(IndikatorKinerja.objects.with_related(), request.user, pk)
    can_edit = permissions.can_edit_indikator(request.user, indikator)
    context = {
        "indikator": indikator,
        "baris_list": queries.realisasi_per_periode(indikator),
        "can_edit": can_edit,
        "realisasi_form": RealisasiIndikatorForm(indikator=indikator)
        if can_edit
        else None,
        "kebutuhan_list": indikator.kebutuhan.visible_to(request.user).select_related(
            "unit"
        ),
    }
    return render(request, "indikator/indikatorkinerja_detail.html", context)


@require_http_methods(["GET", "POST"])
def indikator_update(request, pk):
    indikator = get_for_user(
        IndikatorKinerja.objects.with_related(),
        request.user,
        pk,
        edit=permissions.can_edit_indikator,
    )
    form = IndikatorKinerjaForm(
        request.POST or None, instance=indikator, user=request.user
    )
    if form.is_valid() and _save_indikator(request, form):
        messages.success(request, f"Indikator {indikator.kode} berhasil disimpan.")
        return redirect(indikator)
    return render(
        request,
        "indikator/indikatorkinerja_form.html",
        {"form": form, "indikator": indikator},
    )


@require_http_methods(["GET", "POST"])
def realisasi_save(request, pk):
    indikator = get_for_user(
        IndikatorKinerja.objects.with_related(),
        request.user,
        pk,
        edit=permissions.can_edit_indikator,
    )
    form = RealisasiIndikatorForm(request.POST or None, indikator=indikator)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.save_realisasi_indikator(
                indikator,
                data["periode_penilaian"],
                nilai=data["nilai"],
                keterangan=data["keterangan"],
                by=request.user,
                alasan=data["alasan"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, "Realisasi berhasil disimpan.")
            return redirect(indikator)
    return render(
        request, "indikator/realisasi_form.html", {"form": form, "indikator": indikator}
    )


@require_http_methods(["GET", "POST"])
def indikator_import(request):
    require(permissions.can_add_indikator(request.user))
    form = (
        ImportForm(request.POST, request.FILES)
        if request.method == "POST"
        else ImportForm()
    )
    result = None
    if form.is_valid():
        result = spreadsheets.import_indikator(
            form.cleaned_data["berkas"], by=request.user
        )
        if result.ok:
            messages.success(
                request, f"Impor selesai: {format_angka(result.rows)} baris indikator."
            )
            return redirect("indikator:indikator_list")
        result = form.file_refusals_on_the_field(result)
    return render(
        request, "indikator/indikator_import.html", {"form": form, "result": result}
    )


def indikator_export(request):
    indikator_list = IndikatorKinerja.objects.visible_to(request.user).with_related()
    tahun = request.GET.get("tahun")
    if tahun and tahun.isdigit():
        indikator_list = indikator_list.for_tahun(int(tahun))
    return xlsx_response(
        spreadsheets.export_indikator(indikator_list), "indikator-kinerja.xlsx"
    )
