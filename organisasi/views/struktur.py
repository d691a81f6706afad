"""The unit tree and the positions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from organisasi import permissions, queries, services
from organisasi.forms import JabatanForm, UnitKerjaForm
from organisasi.models import Jabatan, Pegawai, UnitKerja


@vary_on_headers("HX-Request")
def unit_list(request):
    """The organisation tree: OPD level first, children loaded on demand (htmx)."""
    induk_id = request.GET.get("induk", "")
    induk_id = induk_id if induk_id.isdigit() else None
    units = (
        UnitKerja.objects.visible_to(request.user)
        .filter(aktif=True)
        .annotate(
            jumlah_anak=Count("anak", filter=Q(anak__aktif=True)),
        )
    )
    if induk_id:
        units = units.filter(induk_id=induk_id)
    else:
        units = units.filter(kedalaman__lte=1)
    unit_list = list(units.order_by("kedalaman", "nama"))
    totals = queries.pegawai_totals(unit_list)
    for unit in unit_list:
        unit.jumlah_pegawai = totals[unit.pk]
    context = {
        "unit_list": unit_list,
        "can_manage": permissions.can_manage_organisasi(request.user),
    }
    if request.htmx and induk_id:
        return render(request, "organisasi/unit_list.html#children", context)
    return render(request, "organisasi/unit_list.html", context)


@require_http_methods(["GET", "POST"])
def unit_create(request):
    permissions.require(permissions.can_manage_organisasi(request.user))
    form = UnitKerjaForm(
        request.POST or None, initial={"induk": request.GET.get("induk")}
    )
    if form.is_valid():
        unit = services.save_unit(form.save(commit=False))
        messages.success(request, f"Unit kerja {unit} berhasil ditambahkan.")
        return redirect(unit)
    return render(request, "organisasi/unitkerja_form.html", {"form": form})


def unit_detail(request, pk):
    unit = permissions.get_for_user(
        UnitKerja.objects.select_related("induk"), request.user, pk
    )
    pegawai_list = (
        Pegawai.objects.visible_to(request.user)
        .active()
        .filter(unit=unit)
        .with_related()
    )
    context = {
        "unit": unit,
        "breadcrumb": UnitKerja.objects.filter(pk__in=unit.ancestor_ids()).order_by(
            "kedalaman"
        ),
        "anak_list": unit.anak.filter(aktif=True).order_by("nama"),
        "jabatan_list": unit.jabatan_set.filter(aktif=True).select_related("atasan"),
        "pegawai_list": pegawai_list.order_by("jabatan__jenis", "nama"),
    }
    return render(request, "organisasi/unitkerja_detail.html", context)


@require_http_methods(["GET", "POST"])
def unit_update(request, pk):
    unit = permissions.get_for_user(
        UnitKerja.objects.all(), request.user, pk, edit=permissions.can_edit_struktur
    )
    form = UnitKerjaForm(request.POST or None, instance=unit)
    if form.is_valid():
        services.save_unit(form.save(commit=False))
        messages.success(request, f"Unit kerja {unit} berhasil disimpan.")
        return redirect(unit)
    return render(
        request, "organisasi/unitkerja_form.html", {"form": form, "unit": unit}
    )


def jabatan_list(request):
    permissions.require(permissions.can_manage_organisasi(request.user))
    q = request.GET.get("q", "").strip()
    jabatan = (
        Jabatan.objects.visible_to(request.user)
        .search(q)
        .select_related("unit", "atasan")
    )
    page = Paginator(jabatan.order_by("unit__path", "nama"), 50).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "q": q}
    return render(request, "organisasi/jabatan_list.html", context)


@require_http_methods(["GET", "POST"])
def jabatan_create(request):
    permissions.require(permissions.can_manage_organisasi(request.user))
    form = JabatanForm(request.POST or None, initial={"unit": request.GET.get("unit")})
    if form.is_valid():
        jabatan = services.save_jabatan(form.save(commit=False))
        messages.success(request, f"Jabatan {jabatan.nama} berhasil ditambahkan.")
        return redirect(jabatan.unit)
    return render(request, "organisasi/jabatan_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def jabatan_update(request, pk):
    jabatan = permissions.get_for_user(
        Jabatan.objects.all(), request.user, pk, edit=permissions.can_edit_struktur
    )
    form = JabatanForm(request.POST or None, instance=jabatan)
    if form.is_valid():
        services.save_jabatan(form.save(commit=False))
        messages.success(request, f"Jabatan {jabatan.nama} berhasil disimpan.")
        return redirect(jabatan.unit)
    return render(
        request, "organisasi/jabatan_form.html", {"form": form, "jabatan": jabatan}
    )
