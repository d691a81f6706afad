"""Period realisations: the pegawai fills each IKI (offered from approved activities), adds
evidence and submits the period; the atasan approves or returns each realisation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.errors import add_form_errors, flash_errors
from indikator.models import PeriodePenilaian
from kinerja import permissions, queries, services
from kinerja.forms import CatatanForm, RealisasiForm
from kinerja.models import Realisasi
from kinerja.views.aktivitas import own_pegawai
from kinerja.views.tim import visible_pegawai
from organisasi.permissions import get_for_user


def realisasi_list(request):
    """The periode penilaian of the years in which the pegawai has an approved SKP."""
    pegawai = own_pegawai(request)
    today = timezone.localdate()
    context = {
        "periode_list": queries.periode_list_of(pegawai),
        "current": queries.current_periode_penilaian(today),
    }
    return render(request, "kinerja/realisasi_list.html", context)


def _periode(pk) -> PeriodePenilaian:
    return get_object_or_404(PeriodePenilaian.objects.select_related("periode"), pk=pk)


def _render_period(request, pegawai, periode_penilaian, bound=None):
    """The period page; `bound` is the (iki id, form) of a refused save, shown with what was typed."""
    is_owner = permissions.is_own_kinerja(request.user, pegawai)
    fill = permissions.can_fill_realisasi(request.user, pegawai, periode_penilaian)
    rows = []
    for row in queries.realisasi_rows(pegawai, periode_penilaian):
        form = None
        if fill and (row.realisasi is None or row.realisasi.is_editable_status):
            initial = {} if row.realisasi else {"nilai": row.saran.nilai}
            form = RealisasiForm(
                instance=row.realisasi, initial=initial, prefix=f"iki{row.iki.pk}"
            )
            if bound and bound[0] == row.iki.pk:
                form = bound[1]
            form.fields["nilai"].label = (
                f"Realisasi ({row.iki.satuan})" if row.iki.satuan else "Realisasi"
            )
        rows.append((row, form))
    context = {
        "pegawai": pegawai,
        "periode_penilaian": periode_penilaian,
        "rows": rows,
        "is_owner": is_owner,
        "can_fill": fill,
    }
    return render(request, "kinerja/realisasi_period.html", context)


def realisasi_period(request, pk):
    return _render_period(request, own_pegawai(request), _periode(pk))


def realisasi_period_of(request, pk, pegawai):
    return _render_period(request, visible_pegawai(request, pegawai), _periode(pk))


@require_POST
def realisasi_save(request, pk, iki):
    pegawai = own_pegawai(request)
    periode_penilaian = _periode(pk)
    iki = next(
        (
            item
            for item in queries.iki_for_periode(pegawai, periode_penilaian)
            if item.pk == iki
        ),
        None,
    )
    if iki is None:
        raise Http404("IKI tidak ditemukan.")
    current = Realisasi.objects.filter(
        iki=iki, periode_penilaian=periode_penilaian
    ).first()
    form = RealisasiForm(
        request.POST, request.FILES, instance=current, prefix=f"iki{iki.pk}"
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.save_realisasi(
                pegawai,
                iki,
                periode_penilaian,
                nilai=data["nilai"],
                narasi=data["narasi"],
                berkas=data["berkas"],
                tautan=data["tautan"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, f"Realisasi “{iki.uraian}” tersimpan.")
            return redirect("kinerja:realisasi_period", pk=periode_penilaian.pk)
    return _render_period(request, pegawai, periode_penilaian, bound=(iki.pk, form))


@require_POST
def realisasi_submit(request, pk):
    pegawai = own_pegawai(request)
    periode_penilaian = _periode(pk)
    try:
        done, problems = services.submit_realisasi(pegawai, periode_penilaian)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        if done:
            messages.success(request, f"{done} realisasi diajukan kepada atasan.")
        elif not problems:
            messages.info(request, "Tidak ada realisasi yang perlu diajukan.")
        for problem in problems:
            messages.warning(request, problem)
    return redirect("kinerja:realisasi_period", pk=periode_penilaian.pk)


@require_POST
def realisasi_decide(request, pk):
    realisasi = get_for_user(
        Realisasi.objects.select_related(
            "pegawai", "iki", "periode_penilaian__periode"
        ),
        request.user,
        pk,
        edit=permissions.can_decide_realisasi,
    )
    form = CatatanForm(request.POST)
    form.is_valid()
    catatan = form.cleaned_data.get("catatan", "")
    try:
        if request.POST.get("aksi") == "kembalikan":
            services.return_realisasi(realisasi, by=request.user, catatan=catatan)
            messages.success(request, "Realisasi dikembalikan kepada pegawai.")
        else:
            services.approve_realisasi(realisasi, by=request.user, catatan=catatan)
            messages.success(request, "Realisasi disetujui.")
    except ValidationError as error:
        flash_errors(request, error)
    return redirect(realisasi)
