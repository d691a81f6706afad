"""The employee directory and the pegawai record."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from organisasi import permissions, services
from organisasi.forms import AtasanForm, PegawaiFilterForm, PegawaiForm
from organisasi.models import Pegawai, UnitKerja


@vary_on_headers("HX-Request")
def pegawai_list(request):
    """The employee directory: live search and filters, 25 a page."""
    form = PegawaiFilterForm(request.GET or None, user=request.user)
    pegawai = form.filter(
        Pegawai.objects.visible_to(request.user).active().with_related()
    )
    page = Paginator(pegawai.order_by("nama", "nip"), 25).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "can_manage": permissions.can_manage_organisasi(request.user),
    }
    if request.htmx:
        return render(request, "organisasi/pegawai_list.html#results", context)
    return render(request, "organisasi/pegawai_list.html", context)


@require_http_methods(["GET", "POST"])
def pegawai_create(request):
    permissions.require(permissions.can_manage_organisasi(request.user))
    form = PegawaiForm(request.POST or None, initial={"unit": request.GET.get("unit")})
    if form.is_valid():
        pegawai = services.save_pegawai(form.save(commit=False))
        messages.success(
            request, f"Pegawai {pegawai.nama_lengkap} berhasil ditambahkan."
        )
        return redirect(pegawai)
    return render(request, "organisasi/pegawai_form.html", {"form": form})


def pegawai_detail(request, pk):
    queryset = Pegawai.objects.with_related().select_related(
        "akun", "jabatan__unit", "atasan__jabatan"
    )
    pegawai = permissions.get_for_user(queryset, request.user, pk)
    context = {
        "pegawai": pegawai,
        "show_private": permissions.can_view_pegawai_private(request.user, pegawai),
        "can_edit": permissions.can_edit_struktur(request.user, pegawai),
        "can_correct_atasan": permissions.can_correct_atasan(request.user, pegawai),
        "bawahan_list": Pegawai.objects.visible_to(request.user)
        .active()
        .filter(atasan=pegawai)
        .select_related("jabatan"),
        "unit_path": UnitKerja.objects.filter(
            pk__in=pegawai.unit.ancestor_ids()
        ).order_by("kedalaman"),
    }
    return render(request, "organisasi/pegawai_detail.html", context)


@require_http_methods(["GET", "POST"])
def pegawai_update(request, pk):
    pegawai = permissions.get_for_user(
        Pegawai.objects.all(), request.user, pk, edit=permissions.can_edit_struktur
    )
    form = PegawaiForm(
        request.POST or None,
        instance=pegawai,
        initial={"unit": request.GET.get("unit", pegawai.unit_id)},
    )
    if form.is_valid():
        services.save_pegawai(form.save(commit=False))
        messages.success(request, f"Data {pegawai.nama_lengkap} berhasil disimpan.")
        return redirect(pegawai)
    return render(
        request, "organisasi/pegawai_form.html", {"form": form, "pegawai": pegawai}
    )


@require_http_methods(["GET", "POST"])
def pegawai_atasan(request, pk):
    """The pengelola OPD (or BKPSDM) corrects one pegawai's atasan, with a reason."""
    pegawai = permissions.get_for_user(
        Pegawai.objects.select_related("unit", "atasan"),
        request.user,
        pk,
        edit=permissions.can_correct_atasan,
    )
    form = AtasanForm(request.POST or None, instance=pegawai, user=request.user)
    if form.is_valid():
        services.correct_atasan(
            form.save(commit=False), alasan=form.cleaned_data["alasan"]
        )
        messages.success(request, f"Atasan {pegawai.nama_lengkap} berhasil dikoreksi.")
        return redirect(pegawai)
    context = {"form": form, "pegawai": pegawai}
    return render(request, "organisasi/pegawai_atasan_form.html", context)


@require_POST
def pegawai_deactivate(request, pk):
    pegawai = permissions.get_for_user(
        Pegawai.objects.all(), request.user, pk, edit=permissions.can_edit_struktur
    )
    services.deactivate_pegawai(pegawai)
    messages.success(
        request,
        f"{pegawai.nama_lengkap} dinonaktifkan; akunnya tidak dapat dipakai masuk lagi.",
    )
    return redirect(pegawai)
