from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from organisasi import permissions, queries, services
from organisasi.forms import (
    GantiKataSandiForm,
    JabatanForm,
    PegawaiFilterForm,
    PegawaiForm,
    TerbitkanAkunForm,
    UnitKerjaForm,
)
from organisasi.models import Jabatan, Pegawai, UnitKerja
from organisasi.spreadsheets import accounts_workbook

# --- units --------------------------------------------------------------------


@vary_on_headers("HX-Request")
def unit_list(request):
    """The organisation tree: OPD level first, children loaded on demand (htmx)."""
    induk_id = request.GET.get("induk", "")
    induk_id = induk_id if induk_id.isdigit() else None
    units = UnitKerja.objects.visible_to(request.user).filter(aktif=True).annotate(
        jumlah_anak=Count("anak", filter=Q(anak__aktif=True)),
    )
    if induk_id:
        units = units.filter(induk_id=induk_id)
    else:
        units = units.filter(kedalaman__lte=1)
    unit_list = list(units.order_by("kedalaman", "nama"))
    totals = queries.pegawai_totals(unit_list)
    for unit in unit_list:
        unit.jumlah_pegawai = totals[unit.pk]
    context = {"unit_list": unit_list, "can_manage": permissions.can_manage_organisasi(request.user)}
    if request.htmx and induk_id:
        return render(request, "organisasi/unit_list.html#children", context)
    return render(request, "organisasi/unit_list.html", context)


@require_http_methods(["GET", "POST"])
def unit_create(request):
    permissions.require(permissions.can_manage_organisasi(request.user))
    form = UnitKerjaForm(request.POST or None, initial={"induk": request.GET.get("induk")})
    if form.is_valid():
        unit = services.save_unit(form.save(commit=False))
        messages.success(request, f"Unit kerja {unit} berhasil ditambahkan.")
        return redirect(unit)
    return render(request, "organisasi/unitkerja_form.html", {"form": form})


def unit_detail(request, pk):
    unit = permissions.get_for_user(UnitKerja.objects.select_related("induk"), request.user, pk)
    pegawai_list = Pegawai.objects.visible_to(request.user).active().filter(unit=unit).with_related()
    context = {
        "unit": unit,
        "breadcrumb": UnitKerja.objects.filter(pk__in=unit.ancestor_ids()).order_by("kedalaman"),
        "anak_list": unit.anak.filter(aktif=True).order_by("nama"),
        "jabatan_list": unit.jabatan_set.filter(aktif=True).select_related("atasan"),
        "pegawai_list": pegawai_list.order_by("jabatan__jenis", "nama"),
    }
    return render(request, "organisasi/unitkerja_detail.html", context)


@require_http_methods(["GET", "POST"])
def unit_update(request, pk):
    unit = permissions.get_for_user(UnitKerja.objects.all(), request.user, pk, edit=permissions.can_edit_struktur)
    form = UnitKerjaForm(request.POST or None, instance=unit)
    if form.is_valid():
        services.save_unit(form.save(commit=False))
        messages.success(request, f"Unit kerja {unit} berhasil disimpan.")
        return redirect(unit)
    return render(request, "organisasi/unitkerja_form.html", {"form": form, "unit": unit})


# --- positions ----------------------------------------------------------------


def jabatan_list(request):
    permissions.require(permissions.can_manage_organisasi(request.user))
    q = request.GET.get("q", "").strip()
    jabatan = Jabatan.objects.visible_to(request.user).search(q).select_related("unit", "atasan")
    page = Paginator(jabatan.order_by("unit__path", "nama"), 50).get_page(request.GET.get("page"))
    context = {"page": page, "q": q, "query_string": _query_without_page(request)}
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
    jabatan = permissions.get_for_user(Jabatan.objects.all(), request.user, pk, edit=permissions.can_edit_struktur)
    form = JabatanForm(request.POST or None, instance=jabatan)
    if form.is_valid():
        services.save_jabatan(form.save(commit=False))
        messages.success(request, f"Jabatan {jabatan.nama} berhasil disimpan.")
        return redirect(jabatan.unit)
    return render(request, "organisasi/jabatan_form.html", {"form": form, "jabatan": jabatan})


# --- employees ----------------------------------------------------------------


@vary_on_headers("HX-Request")
def pegawai_list(request):
    """The employee directory: live search and filters, 25 a page."""
    form = PegawaiFilterForm(request.GET or None, user=request.user)
    pegawai = form.filter(Pegawai.objects.visible_to(request.user).active().with_related())
    page = Paginator(pegawai.order_by("nama", "nip"), 25).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "query_string": _query_without_page(request),
        "can_manage": permissions.can_manage_organisasi(request.user),
    }
    if request.htmx:
        return render(request, "organisasi/pegawai_list.html#results", context)
    return render(request, "organisasi/pegawai_list.html", context)


def _query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_http_methods(["GET", "POST"])
def pegawai_create(request):
    permissions.require(permissions.can_manage_organisasi(request.user))
    form = PegawaiForm(request.POST or None, initial={"unit": request.GET.get("unit")})
    if form.is_valid():
        pegawai = services.save_pegawai(form.save(commit=False))
        messages.success(request, f"Pegawai {pegawai.nama_lengkap} berhasil ditambahkan.")
        return redirect(pegawai)
    return render(request, "organisasi/pegawai_form.html", {"form": form})


def pegawai_detail(request, pk):
    queryset = Pegawai.objects.with_related().select_related("akun", "jabatan__unit", "atasan__jabatan")
    pegawai = permissions.get_for_user(queryset, request.user, pk)
    context = {
        "pegawai": pegawai,
        "show_private": permissions.can_view_pegawai_private(request.user, pegawai),
        "can_edit": permissions.can_edit_struktur(request.user, pegawai),
        "bawahan_list": pegawai.bawahan.active().select_related("jabatan"),
        "unit_path": UnitKerja.objects.filter(pk__in=pegawai.unit.ancestor_ids()).order_by("kedalaman"),
    }
    return render(request, "organisasi/pegawai_detail.html", context)


@require_http_methods(["GET", "POST"])
def pegawai_update(request, pk):
    pegawai = permissions.get_for_user(Pegawai.objects.all(), request.user, pk, edit=permissions.can_edit_struktur)
    form = PegawaiForm(request.POST or None, instance=pegawai, initial={"unit": request.GET.get("unit", pegawai.unit_id)})
    if form.is_valid():
        services.save_pegawai(form.save(commit=False))
        messages.success(request, f"Data {pegawai.nama_lengkap} berhasil disimpan.")
        return redirect(pegawai)
    return render(request, "organisasi/pegawai_form.html", {"form": form, "pegawai": pegawai})


@require_POST
def pegawai_deactivate(request, pk):
    pegawai = permissions.get_for_user(Pegawai.objects.all(), request.user, pk, edit=permissions.can_edit_struktur)
    services.deactivate_pegawai(pegawai)
    messages.success(request, f"{pegawai.nama_lengkap} dinonaktifkan; akunnya tidak dapat dipakai masuk lagi.")
    return redirect(pegawai)


@never_cache
@require_http_methods(["GET", "POST"])
def akun_issue(request):
    """BKPSDM issues one-time passwords for a unit's employees, handed over as a spreadsheet."""
    permissions.require(permissions.can_manage_organisasi(request.user))
    form = TerbitkanAkunForm(request.POST or None, initial={"unit": request.GET.get("unit")})
    if form.is_valid():
        unit = form.cleaned_data["unit"]
        pegawai = Pegawai.objects.active().in_unit_tree(unit).select_related("akun", "jabatan", "unit")
        issued, skipped = services.issue_accounts(
            pegawai, by=request.user, reset_existing=form.cleaned_data["reset_existing"]
        )
        if not issued:
            messages.info(request, f"Tidak ada akun yang diterbitkan ({len(skipped)} pegawai dilewati: sudah punya akun "
                                   "atau berperan khusus).")
            return redirect("organisasi:akun_issue")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(
            accounts_workbook(issued, skipped),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="akun-{unit.kode}-{stamp}.xlsx"'
        return response
    return render(request, "organisasi/akun_form.html", {"form": form})


# --- account ------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def password_change(request):
    """Change one's password; also the forced step after logging in with a one-time password."""
    form = GantiKataSandiForm(request.user, request.POST or None)
    if form.is_valid():
        user = services.change_password(form)
        update_session_auth_hash(request, user)
        messages.success(request, "Kata sandi berhasil diganti.")
        return redirect("beranda")
    return render(request, "registration/password_change_form.html", {"form": form})
