"""The atasan's matriks peran hasil: their IKI × their direct bawahan, pushed into the bawahan's drafts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.errors import add_form_errors
from indikator import permissions, queries, services
from indikator.forms import MatriksForm
from indikator.models import Skp
from organisasi.permissions import get_for_user


@require_http_methods(["GET", "POST"])
def matriks(request, pk):
    """Save the cells (and push them when asked); a refusal keeps what was typed, nothing is saved."""
    skp = get_for_user(
        Skp.objects.with_related(), request.user, pk, edit=permissions.can_fill_matriks
    )
    iki_list, bawahan_list, cells = queries.matriks_of(skp)
    form = MatriksForm(
        request.POST or None, iki_list=iki_list, bawahan_list=bawahan_list, cells=cells
    )
    if form.is_valid():
        try:
            counts = services.save_and_push_matriks(
                skp, cells=form.texts(), push=form.cleaned_data["dorong"]
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _saved_message(counts))
            return redirect("indikator:matriks", pk=skp.pk)
    return render(request, "indikator/matriks.html", {"skp": skp, "form": form})


def _saved_message(counts) -> str:
    if counts is None:
        return "Matriks peran hasil disimpan."
    return (
        "Matriks disimpan dan didorong ke SKP bawahan: {dibuat} RHK dibuat, {diperbarui} diperbarui, "
        "{tetap} tetap, {dilewati} dilewati."
    ).format(**counts)
