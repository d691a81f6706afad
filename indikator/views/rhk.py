"""The RHK and IKI of a draft SKP: adding, changing and deleting them (the owner only)."""

from operator import attrgetter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.errors import flash_errors
from indikator import permissions, services
from indikator.forms import IndikatorKinerjaIndividuForm, RencanaHasilKerjaForm
from indikator.models import IndikatorKinerjaIndividu, RencanaHasilKerja, Skp
from indikator.views.skp import get_for_change


def _rhk_for_change(request, pk):
    queryset = RencanaHasilKerja.objects.select_related(
        "skp__periode", "skp__pegawai__unit"
    )
    return get_for_change(
        queryset, request, pk, edit=permissions.can_edit_rhk, skp_of=attrgetter("skp")
    )


def _iki_for_change(request, pk):
    queryset = IndikatorKinerjaIndividu.objects.select_related(
        "rhk__skp__periode", "rhk__skp__pegawai__unit"
    )
    return get_for_change(
        queryset,
        request,
        pk,
        edit=permissions.can_edit_iki,
        skp_of=attrgetter("rhk.skp"),
    )


@require_http_methods(["GET", "POST"])
def rhk_create(request, pk):
    skp = get_for_change(
        Skp.objects.with_related(), request, pk, edit=permissions.can_edit_skp
    )
    form = RencanaHasilKerjaForm(
        request.POST or None, skp=skp, initial={"jenis": request.GET.get("jenis")}
    )
    if form.is_valid():
        rhk = services.add_rhk(skp, **form.cleaned_data)
        messages.success(request, "RHK berhasil ditambahkan. Tambahkan indikatornya.")
        return redirect("indikator:iki_create", pk=rhk.pk)
    return render(request, "indikator/rhk_form.html", {"form": form, "skp": skp})


@require_http_methods(["GET", "POST"])
def rhk_update(request, pk):
    rhk = _rhk_for_change(request, pk)
    form = RencanaHasilKerjaForm(request.POST or None, instance=rhk, skp=rhk.skp)
    if form.is_valid():
        form.save()
        messages.success(request, "RHK berhasil disimpan.")
        return redirect(rhk.skp)
    return render(
        request, "indikator/rhk_form.html", {"form": form, "skp": rhk.skp, "rhk": rhk}
    )


@require_POST
def rhk_delete(request, pk):
    rhk = _rhk_for_change(request, pk)
    try:
        services.delete_rhk(rhk)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "RHK dihapus.")
    return redirect(rhk.skp)


@require_http_methods(["GET", "POST"])
def iki_create(request, pk):
    rhk = _rhk_for_change(request, pk)
    form = IndikatorKinerjaIndividuForm(request.POST or None, rhk=rhk)
    if form.is_valid():
        form.save()
        messages.success(request, "Indikator kinerja individu berhasil ditambahkan.")
        return redirect(rhk.skp)
    return render(
        request, "indikator/iki_form.html", {"form": form, "skp": rhk.skp, "rhk": rhk}
    )


@require_http_methods(["GET", "POST"])
def iki_update(request, pk):
    iki = _iki_for_change(request, pk)
    form = IndikatorKinerjaIndividuForm(request.POST or None, instance=iki, rhk=iki.rhk)
    if form.is_valid():
        form.save()
        messages.success(request, "Indikator kinerja individu berhasil disimpan.")
        return redirect(iki.rhk.skp)
    context = {"form": form, "skp": iki.rhk.skp, "rhk": iki.rhk, "iki": iki}
    return render(request, "indikator/iki_form.html", context)


@require_POST
def iki_delete(request, pk):
    iki = _iki_for_change(request, pk)
    iki.delete()
    messages.success(request, "Indikator dihapus.")
    return redirect(iki.rhk.skp)
