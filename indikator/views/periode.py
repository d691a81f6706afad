"""Performance years: BKPSDM creates, changes and locks them; everyone reads them."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.errors import add_form_errors
from indikator import permissions, services
from indikator.forms import (
    KunciForm,
    PeriodeCreateForm,
    PeriodePenilaianFormSet,
    PeriodeUpdateForm,
)
from indikator.models import Periode
from organisasi.permissions import get_for_user, require


def periode_list(request):
    context = {
        "periode_list": Periode.objects.all(),
        "can_manage": permissions.can_manage_periode(request.user),
    }
    return render(request, "indikator/periode_list.html", context)


@require_http_methods(["GET", "POST"])
def periode_create(request):
    require(permissions.can_manage_periode(request.user))
    form = PeriodeCreateForm(
        request.POST or None, initial={"tahun": datetime.date.today().year}
    )
    if form.is_valid():
        periode = services.create_periode(**form.cleaned_data)
        messages.success(request, f"Periode {periode.tahun} berhasil dibuat.")
        return redirect(periode)
    return render(request, "indikator/periode_form.html", {"form": form})


def periode_detail(request, pk):
    periode = get_for_user(Periode.objects.all(), request.user, pk)
    return _periode_page(request, periode, lock_form=KunciForm())


def _periode_page(request, periode, *, lock_form):
    context = {
        "periode": periode,
        "periode_penilaian_list": periode.periodepenilaian_set.all(),
        "history": periode.history.all()[:10],
        "can_manage": permissions.can_manage_periode(request.user),
        "lock_form": lock_form,
    }
    return render(request, "indikator/periode_detail.html", context)


@require_http_methods(["GET", "POST"])
def periode_update(request, pk):
    periode = get_for_user(
        Periode.objects.all(), request.user, pk, edit=permissions.can_edit_periode
    )
    form = PeriodeUpdateForm(request.POST or None, instance=periode)
    formset = PeriodePenilaianFormSet(
        request.POST or None, queryset=periode.periodepenilaian_set.all()
    )
    if form.is_valid() and formset.is_valid():
        try:
            services.update_periode(
                form.save(commit=False),
                periode_penilaian_list=formset.save(commit=False),
                by=request.user,
                alasan=form.cleaned_data["alasan"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, f"Periode {periode.tahun} berhasil disimpan.")
            return redirect(periode)
    return render(
        request,
        "indikator/periode_form.html",
        {"form": form, "formset": formset, "periode": periode},
    )


@require_POST
def periode_lock(request, pk):
    """Lock or unlock a year; a refused unlock shows the page again with the form's errors."""
    periode = get_for_user(
        Periode.objects.all(), request.user, pk, edit=permissions.can_edit_periode
    )
    form = KunciForm(request.POST)
    if form.is_valid():
        try:
            services.set_periode_lock(periode, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                f"Periode {periode.tahun} {'dikunci' if periode.terkunci else 'dibuka'}.",
            )
            return redirect(periode)
    return _periode_page(request, periode, lock_form=form)
