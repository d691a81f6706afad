"""Exports: the pegawai's own activities, and per unit for the pengelola, BKPSDM and pimpinan."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone

from core.errors import add_form_errors
from core.responses import xlsx_response
from kinerja import kalender, permissions, spreadsheets
from kinerja.forms import EksporForm, EksporUnitForm
from kinerja.views.aktivitas import own_pegawai
from organisasi.models import UnitKerja
from organisasi.permissions import managed_by, reads_whole_city, require


def _default_range(request) -> dict:
    today = timezone.localdate()
    return {
        "mulai": kalender.month_start(today),
        "selesai": kalender.last_of_month(today),
    }


def export(request):
    """The pegawai's activities of a date range as xlsx (the form shows first, the file on ?unduh)."""
    pegawai = own_pegawai(request)
    form = EksporForm(
        request.GET if "unduh" in request.GET else None, initial=_default_range(request)
    )
    if form.is_valid():
        mulai, selesai = form.cleaned_data["mulai"], form.cleaned_data["selesai"]
        return xlsx_response(
            spreadsheets.export_own(pegawai, mulai, selesai),
            f"aktivitas-{pegawai.nip}-{mulai:%Y%m%d}-{selesai:%Y%m%d}.xlsx",
        )
    return render(request, "kinerja/ekspor.html", {"form": form})


def _exportable_units(user):
    units = UnitKerja.objects.filter(aktif=True).order_by("path")
    return units if reads_whole_city(user) else managed_by(units, user, unit_field="")


def unit_export(request):
    """Every activity of a unit's pegawai (with the units below it) as xlsx."""
    require(permissions.can_open_unit_export(request.user))
    form = EksporUnitForm(
        request.GET if "unduh" in request.GET else None,
        initial=_default_range(request),
        units=_exportable_units(request.user),
    )
    if form.is_valid():
        unit, mulai, selesai = (
            form.cleaned_data["unit"],
            form.cleaned_data["mulai"],
            form.cleaned_data["selesai"],
        )
        require(permissions.can_export_unit(request.user, unit))
        try:
            content = spreadsheets.export_unit(unit, mulai, selesai)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            return xlsx_response(
                content, f"aktivitas-{unit.kode}-{mulai:%Y%m%d}-{selesai:%Y%m%d}.xlsx"
            )
    return render(request, "kinerja/ekspor_unit.html", {"form": form})
