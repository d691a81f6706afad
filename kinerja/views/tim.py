"""The atasan's review: their direct subordinates, each one's submitted activities with the
quality hints beside them, approve or return (one, or a selection)."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import flash_errors
from kinerja import permissions, queries, services
from kinerja.forms import KeputusanForm
from organisasi.models import Pegawai
from organisasi.permissions import is_atasan, pegawai_of, require

REVIEW_DAYS = 45


def team(request):
    """The atasan's direct subordinates with how many activities wait for them."""
    require(is_atasan(request.user))
    context = {"bawahan_list": queries.team_of(pegawai_of(request.user))}
    return render(request, "kinerja/tim.html", context)


def visible_pegawai(request, pk):
    pegawai = (
        Pegawai.objects.select_related("unit", "jabatan", "atasan")
        .filter(pk=pk)
        .first()
    )
    if pegawai is None or not permissions.can_view_kinerja_of(request.user, pegawai):
        raise Http404("Pegawai tidak ditemukan.")
    return pegawai


def team_review(request, pk):
    """One subordinate's activities: what waits (default) or everything of the last weeks, with hints."""
    pegawai = visible_pegawai(request, pk)
    show_all = request.GET.get("tampil") == "semua"
    today = permissions.entry_window(request.user).today
    context = {
        "pegawai": pegawai,
        "show_all": show_all,
        "days": queries.review_days(
            pegawai,
            since=today - datetime.timedelta(days=REVIEW_DAYS) if show_all else None,
        ),
        "can_decide": permissions.can_decide_for(request.user, pegawai),
    }
    return render(request, "kinerja/tim_review.html", context)


@require_POST
def team_decide(request):
    """Approve or return the ticked activities (the service keeps only those this atasan may decide)."""
    require(is_atasan(request.user))
    form = KeputusanForm(request.POST)
    pegawai_pk = request.POST.get("pegawai", "")
    target = (
        ("kinerja:team_review", int(pegawai_pk))
        if pegawai_pk.isdigit()
        else ("kinerja:team",)
    )
    if not form.is_valid():
        messages.error(request, "Pilih sedikitnya satu aktivitas.")
        return redirect(*target)
    data = form.cleaned_data
    try:
        if data["aksi"] == "setujui":
            done = services.approve_aktivitas(
                data["aktivitas"], by=request.user, catatan=data["catatan"]
            )
            message = "{} aktivitas disetujui."
        else:
            done = services.return_aktivitas(
                data["aktivitas"], by=request.user, catatan=data["catatan"]
            )
            message = "{} aktivitas dikembalikan kepada pegawai."
    except ValidationError as error:
        flash_errors(request, error)
    else:
        if done:
            messages.success(request, message.format(done))
        else:
            messages.warning(
                request,
                "Tidak ada aktivitas yang dapat Anda putuskan dari pilihan itu.",
            )
    return redirect(*target)
