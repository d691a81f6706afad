"""The SKP: the pegawai's own list and drafts, the page, and its workflow (submit, approve, return, reopen)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.errors import add_form_errors, flash_errors
from indikator import permissions, queries, services
from indikator.forms import AlasanForm, EkspektasiForm, SkpCreateForm, SkpForm
from indikator.models import Periode, Skp
from organisasi.permissions import get_for_user, pegawai_of, require


def get_for_change(queryset, request, pk, *, edit, skp_of=lambda obj: obj):
    """get_for_user with an SKP edit predicate; its 403 says why the SKP is closed to changes.

    `skp_of` finds the SKP of the fetched object (an RHK's, an IKI's).
    """
    try:
        return get_for_user(queryset, request.user, pk, edit=edit)
    except PermissionDenied:
        obj = queryset.get(pk=pk)  # visible: a hidden one answered 404 above
        raise PermissionDenied(
            permissions.why_skp_not_editable(request.user, skp_of(obj))
        ) from None


def skp_list(request):
    """The user's own SKP, newest first, with the form to start one."""
    pegawai = pegawai_of(request.user)
    require(pegawai is not None)
    skp_list = Skp.objects.filter(pegawai=pegawai).with_related()
    form = SkpCreateForm(
        initial={
            "periode": Periode.objects.filter(tahun=datetime.date.today().year).first()
        }
    )
    return render(
        request,
        "indikator/skp_list.html",
        {"skp_list": skp_list, "form": form, "pegawai": pegawai},
    )


@require_POST
def skp_create(request):
    pegawai = pegawai_of(request.user)
    require(pegawai is not None)
    form = SkpCreateForm(request.POST)
    if form.is_valid():
        try:
            skp = services.create_skp(
                pegawai,
                form.cleaned_data["periode"],
                pendekatan=form.cleaned_data["pendekatan"],
            )
        except ValidationError as error:
            flash_errors(request, error)
        else:
            messages.success(request, f"SKP {skp.periode.tahun} dibuat sebagai draft.")
            return redirect(skp)
    return redirect("indikator:skp_list")


def skp_bawahan(request):
    """The atasan's view of every direct subordinate's SKP state for a year."""
    pegawai = pegawai_of(request.user)
    require(pegawai is not None)
    periode = queries.periode_of_year(request.GET.get("tahun", ""))
    context = {
        "rows": queries.skp_state_of_bawahan(pegawai, periode) if periode else [],
        "periode": periode,
        "periode_list": Periode.objects.all(),
        "own_skp": queries.latest_skp(pegawai, periode) if periode else None,
    }
    return render(request, "indikator/skp_bawahan.html", context)


def skp_detail(request, pk):
    skp = get_for_user(Skp.objects.with_document(), request.user, pk)
    return _skp_page(request, skp, alasan_form=AlasanForm())


def _skp_page(request, skp, *, alasan_form):
    context = queries.skp_document(skp)
    can_edit = permissions.can_edit_skp(request.user, skp)
    context.update(
        {
            "can_edit": can_edit,
            "can_delete": permissions.can_delete_skp(request.user, skp),
            "can_request_revision": permissions.can_request_revision(request.user, skp),
            "problems": services.submission_problems(skp) if can_edit else [],
            "alasan_form": alasan_form,
            "history": skp.history.select_related("history_user")[:10],
            "previous": queries.previous_skp(skp)
            if can_edit and not context["rhk_utama"]
            else None,
        }
    )
    return render(request, "indikator/skp_detail.html", context)


@require_http_methods(["GET", "POST"])
def skp_update(request, pk):
    skp = get_for_change(
        Skp.objects.with_related(), request, pk, edit=permissions.can_edit_skp
    )
    form = SkpForm(request.POST or None, instance=skp)
    if form.is_valid():
        services.update_skp(skp, **form.cleaned_data)
        messages.success(request, "SKP berhasil disimpan.")
        return redirect(skp)
    return render(request, "indikator/skp_form.html", {"form": form, "skp": skp})


@require_POST
def skp_submit(request, pk):
    skp = get_for_change(
        Skp.objects.with_related(), request, pk, edit=permissions.can_edit_skp
    )
    try:
        services.submit_skp(skp, by=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "SKP diajukan kepada pejabat penilai.")
    return redirect(skp)


@require_POST
def skp_approve(request, pk):
    skp = get_for_user(
        Skp.objects.with_related(), request.user, pk, edit=permissions.can_approve_skp
    )
    try:
        services.approve_skp(skp, by=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "SKP disetujui.")
    return redirect(skp)


@require_POST
def skp_return(request, pk):
    """The penilai returns the SKP with a reason; a refusal shows the page again with the typed reason."""
    skp = get_for_user(
        Skp.objects.with_document(), request.user, pk, edit=permissions.can_approve_skp
    )
    form = AlasanForm(request.POST)
    if form.is_valid():
        try:
            services.return_skp(
                skp, by=request.user, alasan=form.cleaned_data["alasan"]
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, "SKP dikembalikan kepada pegawai.")
            return redirect(skp)
    return _skp_page(request, skp, alasan_form=form)


@require_POST
def skp_reopen(request, pk):
    """BKPSDM reopens an approved SKP with a reason; a refusal shows the page again with the typed reason."""
    skp = get_for_user(
        Skp.objects.with_document(), request.user, pk, edit=permissions.can_reopen_skp
    )
    form = AlasanForm(request.POST)
    if form.is_valid():
        try:
            services.reopen_skp(
                skp, by=request.user, alasan=form.cleaned_data["alasan"]
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, "SKP dibuka kembali untuk revisi.")
            return redirect(skp)
    return _skp_page(request, skp, alasan_form=form)


@require_POST
def skp_request_revision(request, pk):
    """The penilai returns an approved SKP whose RHK atasan changed since the approval."""
    skp = get_for_user(
        Skp.objects.with_document(),
        request.user,
        pk,
        edit=permissions.can_request_revision,
    )
    form = AlasanForm(request.POST)
    if form.is_valid():
        try:
            services.request_revision(
                skp, by=request.user, alasan=form.cleaned_data["alasan"]
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, "SKP dikembalikan kepada pegawai untuk revisi.")
            return redirect(skp)
    return _skp_page(request, skp, alasan_form=form)


@require_POST
def skp_delete(request, pk):
    skp = get_for_user(
        Skp.objects.with_related(), request.user, pk, edit=permissions.can_delete_skp
    )
    try:
        services.delete_skp(skp, by=request.user)
    except ValidationError as error:
        flash_errors(request, error)
        return redirect(skp)
    messages.success(
        request,
        "Draft SKP jabatan lama dihapus. Buat SKP baru untuk jabatan Anda sekarang.",
    )
    return redirect("indikator:skp_list")


@require_POST
def skp_copy_forward(request, pk):
    skp = get_for_change(
        Skp.objects.with_related(), request, pk, edit=permissions.can_edit_skp
    )
    source = queries.previous_skp(skp)
    if source is None:
        messages.error(request, "Tidak ada SKP tahun sebelumnya yang sudah disetujui.")
        return redirect(skp)
    try:
        count = services.copy_forward_skp(skp, source=source)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(
            request,
            f"{count} RHK beserta indikatornya disalin dari SKP {source.periode.tahun}. "
            "Pilih kembali RHK atasan yang diintervensi.",
        )
    return redirect(skp)


@require_http_methods(["GET", "POST"])
def ekspektasi_update(request, pk):
    skp = get_for_user(
        Skp.objects.with_related().prefetch_related("ekspektasikhusus_set"),
        request.user,
        pk,
        edit=permissions.can_set_ekspektasi,
    )
    form = EkspektasiForm(
        request.POST or None, perilaku_list=queries.perilaku_with_ekspektasi(skp)
    )
    if form.is_valid():
        services.save_ekspektasi(skp, uraian_by_perilaku=form.uraian_by_perilaku())
        messages.success(request, "Ekspektasi khusus pimpinan disimpan.")
        return redirect(skp)
    return render(request, "indikator/ekspektasi_form.html", {"form": form, "skp": skp})
