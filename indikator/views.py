import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from indikator import documents, permissions, queries, services, spreadsheets
from indikator.forms import (
    AlasanForm,
    IndikatorFilterForm,
    IndikatorKinerjaForm,
    IndikatorKinerjaIndividuForm,
    KunciForm,
    PeriodeCreateForm,
    PeriodePenilaianFormSet,
    PeriodeUpdateForm,
    RealisasiIndikatorForm,
    RencanaHasilKerjaForm,
    SasaranStrategisForm,
    SkpCreateForm,
    SkpForm,
)
from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    MatriksPeranHasil,
    PerilakuKerja,
    Periode,
    PeriodePenilaian,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)
from organisasi.models import Kebutuhan, UnitKerja
from organisasi.permissions import get_for_user, managed_by, pegawai_of, require

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _error_messages(error: ValidationError) -> list[str]:
    return [message for messages_ in error.message_dict.values() for message in messages_] if hasattr(
        error, "error_dict") else error.messages


def _flash_errors(request, error: ValidationError) -> None:
    for message in _error_messages(error):
        messages.error(request, message)


# --- periods ----------------------------------------------------------------------


def periode_list(request):
    periode_list = Periode.objects.all()
    context = {"periode_list": periode_list, "can_manage": permissions.can_manage_periode(request.user)}
    return render(request, "indikator/periode_list.html", context)


@require_http_methods(["GET", "POST"])
def periode_create(request):
    require(permissions.can_manage_periode(request.user))
    form = PeriodeCreateForm(request.POST or None, initial={"tahun": datetime.date.today().year})
    if form.is_valid():
        periode = services.create_periode(**form.cleaned_data)
        messages.success(request, f"Periode {periode.tahun} berhasil dibuat.")
        return redirect(periode)
    return render(request, "indikator/periode_form.html", {"form": form})


def periode_detail(request, pk):
    periode = get_object_or_404(Periode, pk=pk)
    context = {
        "periode": periode,
        "periode_penilaian_list": periode.periodepenilaian_set.all(),
        "history": periode.history.all()[:10],
        "can_manage": permissions.can_manage_periode(request.user),
        "lock_form": KunciForm(),
    }
    return render(request, "indikator/periode_detail.html", context)


@require_http_methods(["GET", "POST"])
def periode_update(request, pk):
    require(permissions.can_manage_periode(request.user))
    periode = get_object_or_404(Periode, pk=pk)
    form = PeriodeUpdateForm(request.POST or None, instance=periode)
    formset = PeriodePenilaianFormSet(request.POST or None, queryset=periode.periodepenilaian_set.all())
    if form.is_valid() and formset.is_valid():
        try:
            services.update_periode(form.save(commit=False), periode_penilaian_list=formset.save(commit=False),
                                    by=request.user, alasan=form.cleaned_data["alasan"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Periode {periode.tahun} berhasil disimpan.")
            return redirect(periode)
    return render(request, "indikator/periode_form.html", {"form": form, "formset": formset, "periode": periode})


@require_POST
def periode_lock(request, pk):
    require(permissions.can_manage_periode(request.user))
    periode = get_object_or_404(Periode, pk=pk)
    terkunci = request.POST.get("terkunci") == "1"
    try:
        services.set_periode_lock(periode, terkunci=terkunci, by=request.user, alasan=request.POST.get("alasan", ""))
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(request, f"Periode {periode.tahun} {'dikunci' if terkunci else 'dibuka'}.")
    return redirect(periode)


# --- unit indicators -----------------------------------------------------------------


@vary_on_headers("HX-Request")
def indikator_list(request):
    """Unit indicators the user may see, searchable; 25 a page."""
    form = IndikatorFilterForm(request.GET or None, user=request.user)
    indikator_list = form.filter(IndikatorKinerja.objects.visible_to(request.user).with_related())
    page = Paginator(indikator_list, 25).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {"form": form, "page": page, "query_string": params.urlencode(),
               "can_add": permissions.can_add_indikator(request.user)}
    template = "indikator/indikatorkinerja_list.html" + ("#table" if request.htmx else "")
    return render(request, template, context)


def _manageable_sasaran(user):
    return managed_by(SasaranStrategis.objects.all(), user)


@require_http_methods(["GET", "POST"])
def sasaran_create(request):
    require(permissions.can_add_indikator(request.user))
    units = managed_by(UnitKerja.objects.filter(aktif=True), request.user, unit_field="")
    form = SasaranStrategisForm(request.POST or None, units=units.order_by("path"))
    if form.is_valid():
        sasaran = form.save()
        messages.success(request, f"Sasaran strategis {sasaran.kode} berhasil ditambahkan.")
        return redirect("indikator:indikator_create")
    return render(request, "indikator/sasaranstrategis_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def indikator_create(request):
    require(permissions.can_add_indikator(request.user))
    form = IndikatorKinerjaForm(request.POST or None, sasaran_list=_manageable_sasaran(request.user),
                                kebutuhan_list=_linkable_kebutuhan(request.user),
                                initial={"tahun": datetime.date.today().year, "kebutuhan": request.GET.getlist("kebutuhan")})
    if form.is_valid() and _save_indikator(request, form):
        messages.success(request, f"Indikator {form.instance.kode} berhasil ditambahkan.")
        return redirect(form.instance)
    return render(request, "indikator/indikatorkinerja_form.html", {"form": form})


def _linkable_kebutuhan(user):
    """Needs an indicator may answer: those of the units whose data the user manages."""
    return managed_by(Kebutuhan.objects.all(), user)


def _save_indikator(request, form) -> bool:
    """Save the indicator form through the service; a refusal becomes a form error."""
    data = form.cleaned_data
    try:
        services.save_indikator(form.save(commit=False), kebutuhan=data["kebutuhan"], by=request.user,
                                alasan=data["alasan"])
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def indikator_detail(request, pk):
    indikator = get_for_user(IndikatorKinerja.objects.with_related(), request.user, pk)
    realisasi = {r.periode_penilaian_id: r for r in indikator.realisasiindikator_set.all()}
    periode_penilaian = list(PeriodePenilaian.objects.filter(periode__tahun=indikator.tahun)
                             .select_related("periode"))
    can_edit = permissions.can_edit_indikator(request.user, indikator)
    context = {
        "indikator": indikator,
        "baris_list": [(p, realisasi.get(p.pk)) for p in periode_penilaian],
        "can_edit": can_edit,
        "realisasi_form": RealisasiIndikatorForm(indikator=indikator) if can_edit else None,
        "kebutuhan_list": indikator.kebutuhan.visible_to(request.user).select_related("unit"),
    }
    return render(request, "indikator/indikatorkinerja_detail.html", context)


@require_http_methods(["GET", "POST"])
def indikator_update(request, pk):
    indikator = get_for_user(IndikatorKinerja.objects.with_related(), request.user, pk, edit=permissions.can_edit_indikator)
    form = IndikatorKinerjaForm(request.POST or None, instance=indikator,
                                sasaran_list=_manageable_sasaran(request.user),
                                kebutuhan_list=_linkable_kebutuhan(request.user))
    if form.is_valid() and _save_indikator(request, form):
        messages.success(request, f"Indikator {indikator.kode} berhasil disimpan.")
        return redirect(indikator)
    return render(request, "indikator/indikatorkinerja_form.html", {"form": form, "indikator": indikator})


@require_http_methods(["GET", "POST"])
def realisasi_save(request, pk):
    indikator = get_for_user(IndikatorKinerja.objects.with_related(), request.user, pk, edit=permissions.can_edit_indikator)
    form = RealisasiIndikatorForm(request.POST or None, indikator=indikator)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.save_realisasi_indikator(indikator, data["periode_penilaian"], nilai=data["nilai"],
                                              keterangan=data["keterangan"], by=request.user, alasan=data["alasan"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Realisasi berhasil disimpan.")
            return redirect(indikator)
    return render(request, "indikator/realisasi_form.html", {"form": form, "indikator": indikator})


@require_http_methods(["GET", "POST"])
def indikator_import(request):
    require(permissions.can_add_indikator(request.user))
    context = {}
    if request.method == "POST" and request.FILES.get("berkas"):
        try:
            result = spreadsheets.import_indikator(request.FILES["berkas"], by=request.user)
        except ValidationError as error:
            context["errors"] = [(0, message) for message in error.messages]
        else:
            if result["errors"]:
                context["errors"] = result["errors"]
            else:
                messages.success(request, f"Impor selesai: {result['rows']} baris indikator.")
                return redirect("indikator:indikator_list")
    elif request.method == "POST":
        context["errors"] = [(0, "Pilih berkas xlsx terlebih dahulu.")]
    return render(request, "indikator/indikator_import.html", context)


def indikator_export(request):
    indikator_list = IndikatorKinerja.objects.visible_to(request.user).with_related()
    tahun = request.GET.get("tahun")
    if tahun and tahun.isdigit():
        indikator_list = indikator_list.for_tahun(int(tahun))
    response = HttpResponse(spreadsheets.export_indikator(indikator_list), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="indikator-kinerja.xlsx"'
    return response


# --- SKP ------------------------------------------------------------------------------


def skp_list(request):
    """The user's own SKP, newest first, with the form to start one."""
    pegawai = pegawai_of(request.user)
    require(pegawai is not None)
    skp_list = Skp.objects.filter(pegawai=pegawai).with_related()
    form = SkpCreateForm(initial={"periode": Periode.objects.filter(tahun=datetime.date.today().year).first()})
    return render(request, "indikator/skp_list.html", {"skp_list": skp_list, "form": form, "pegawai": pegawai})


@require_POST
def skp_create(request):
    pegawai = pegawai_of(request.user)
    require(pegawai is not None)
    form = SkpCreateForm(request.POST)
    if form.is_valid():
        try:
            skp = services.create_skp(pegawai, form.cleaned_data["periode"],
                                      pendekatan=form.cleaned_data["pendekatan"])
        except ValidationError as error:
            _flash_errors(request, error)
        else:
            messages.success(request, f"SKP {skp.periode.tahun} dibuat sebagai draft.")
            return redirect(skp)
    return redirect("indikator:skp_list")


def _skp_queryset():
    iki = IndikatorKinerjaIndividu.objects.order_by("pk")
    rhk = RencanaHasilKerja.objects.select_related("rhk_atasan", "indikator_unit").prefetch_related(
        Prefetch("indikatorkinerjaindividu_set", queryset=iki))
    return Skp.objects.with_related().select_related("penilai").prefetch_related(
        Prefetch("rencanahasilkerja_set", queryset=rhk), "ekspektasikhusus_set")


def _skp_context(skp):
    rhk_list = list(skp.rencanahasilkerja_set.all())
    ekspektasi = {e.perilaku_id: e.uraian for e in skp.ekspektasikhusus_set.all()}
    perilaku_list = [(p, ekspektasi.get(p.pk, "")) for p in PerilakuKerja.objects.prefetch_related("panduan")]
    return {
        "skp": skp,
        "rhk_utama": [r for r in rhk_list if r.jenis == RencanaHasilKerja.Jenis.UTAMA],
        "rhk_tambahan": [r for r in rhk_list if r.jenis == RencanaHasilKerja.Jenis.TAMBAHAN],
        "perilaku_list": perilaku_list,
        "sections": [("A. UTAMA", [r for r in rhk_list if r.jenis == RencanaHasilKerja.Jenis.UTAMA]),
                     ("B. TAMBAHAN", [r for r in rhk_list if r.jenis == RencanaHasilKerja.Jenis.TAMBAHAN])],
    }


def skp_detail(request, pk):
    skp = get_for_user(_skp_queryset(), request.user, pk)
    context = _skp_context(skp)
    can_edit = permissions.can_edit_skp(request.user, skp)
    context.update({
        "can_edit": can_edit,
        "can_delete": permissions.can_delete_skp(request.user, skp),
        "problems": services.submission_problems(skp) if can_edit else [],
        "alasan_form": AlasanForm(),
        "history": skp.history.select_related("history_user")[:10],
        "previous": queries.previous_skp(skp) if can_edit and not context["rhk_utama"] else None,
    })
    return render(request, "indikator/skp_detail.html", context)


def _editable_skp(request, pk):
    """Fetch an SKP for a change; a refused change says why (submitted, approved or locked)."""
    skp = get_for_user(Skp.objects.with_related(), request.user, pk)
    refusal = permissions.why_skp_not_editable(request.user, skp)
    if refusal:
        raise PermissionDenied(refusal)
    return skp


@require_http_methods(["GET", "POST"])
def skp_update(request, pk):
    skp = _editable_skp(request, pk)
    form = SkpForm(request.POST or None, instance=skp)
    if form.is_valid():
        services.update_skp(skp, **form.cleaned_data)
        messages.success(request, "SKP berhasil disimpan.")
        return redirect(skp)
    return render(request, "indikator/skp_form.html", {"form": form, "skp": skp})


@require_http_methods(["GET", "POST"])
def rhk_create(request, pk):
    skp = _editable_skp(request, pk)
    form = RencanaHasilKerjaForm(request.POST or None, skp=skp, initial={"jenis": request.GET.get("jenis")})
    if form.is_valid():
        rhk = services.add_rhk(skp, **form.cleaned_data)
        messages.success(request, "RHK berhasil ditambahkan. Tambahkan indikatornya.")
        return redirect("indikator:iki_create", pk=rhk.pk)
    return render(request, "indikator/rhk_form.html", {"form": form, "skp": skp})


@require_http_methods(["GET", "POST"])
def rhk_update(request, pk):
    rhk = get_for_user(RencanaHasilKerja.objects.select_related("skp"), request.user, pk)
    skp = _editable_skp(request, rhk.skp_id)
    form = RencanaHasilKerjaForm(request.POST or None, instance=rhk, skp=skp)
    if form.is_valid():
        form.save()
        messages.success(request, "RHK berhasil disimpan.")
        return redirect(skp)
    return render(request, "indikator/rhk_form.html", {"form": form, "skp": skp, "rhk": rhk})


@require_POST
def rhk_delete(request, pk):
    rhk = get_for_user(RencanaHasilKerja.objects.select_related("skp"), request.user, pk)
    skp = _editable_skp(request, rhk.skp_id)
    try:
        services.delete_rhk(rhk)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(request, "RHK dihapus.")
    return redirect(skp)


@require_http_methods(["GET", "POST"])
def iki_create(request, pk):
    rhk = get_for_user(RencanaHasilKerja.objects.select_related("skp"), request.user, pk)
    skp = _editable_skp(request, rhk.skp_id)
    form = IndikatorKinerjaIndividuForm(request.POST or None, rhk=rhk)
    if form.is_valid():
        form.save()
        messages.success(request, "Indikator kinerja individu berhasil ditambahkan.")
        return redirect(skp)
    return render(request, "indikator/iki_form.html", {"form": form, "skp": skp, "rhk": rhk})


def _iki_for_edit(request, pk):
    iki = get_object_or_404(IndikatorKinerjaIndividu.objects.select_related("rhk"), pk=pk)
    get_for_user(RencanaHasilKerja.objects.all(), request.user, iki.rhk_id)
    return iki, _editable_skp(request, iki.rhk.skp_id)


@require_http_methods(["GET", "POST"])
def iki_update(request, pk):
    iki, skp = _iki_for_edit(request, pk)
    form = IndikatorKinerjaIndividuForm(request.POST or None, instance=iki, rhk=iki.rhk)
    if form.is_valid():
        form.save()
        messages.success(request, "Indikator kinerja individu berhasil disimpan.")
        return redirect(skp)
    return render(request, "indikator/iki_form.html", {"form": form, "skp": skp, "rhk": iki.rhk, "iki": iki})


@require_POST
def iki_delete(request, pk):
    iki, skp = _iki_for_edit(request, pk)
    iki.delete()
    messages.success(request, "Indikator dihapus.")
    return redirect(skp)


def _workflow_action(request, pk, action, success):
    skp = get_for_user(Skp.objects.with_related(), request.user, pk)
    try:
        action(skp)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(request, success)
    return redirect(skp)


@require_POST
def skp_submit(request, pk):
    return _workflow_action(request, pk, lambda skp: services.submit_skp(skp, by=request.user),
                            "SKP diajukan kepada pejabat penilai.")


@require_POST
def skp_approve(request, pk):
    return _workflow_action(request, pk, lambda skp: services.approve_skp(skp, by=request.user), "SKP disetujui.")


@require_POST
def skp_return(request, pk):
    alasan = request.POST.get("alasan", "")
    return _workflow_action(request, pk, lambda skp: services.return_skp(skp, by=request.user, alasan=alasan),
                            "SKP dikembalikan kepada pegawai.")


@require_POST
def skp_reopen(request, pk):
    alasan = request.POST.get("alasan", "")
    return _workflow_action(request, pk, lambda skp: services.reopen_skp(skp, by=request.user, alasan=alasan),
                            "SKP dibuka kembali untuk revisi.")


@require_POST
def skp_delete(request, pk):
    skp = get_for_user(Skp.objects.with_related(), request.user, pk)
    try:
        services.delete_skp(skp, by=request.user)
    except ValidationError as error:
        _flash_errors(request, error)
        return redirect(skp)
    messages.success(request, "Draft SKP jabatan lama dihapus. Buat SKP baru untuk jabatan Anda sekarang.")
    return redirect("indikator:skp_list")


@require_POST
def skp_copy_forward(request, pk):
    skp = _editable_skp(request, pk)
    source = queries.previous_skp(skp)
    if source is None:
        messages.error(request, "Tidak ada SKP tahun sebelumnya yang sudah disetujui.")
        return redirect(skp)
    try:
        count = services.copy_forward_skp(skp, source=source)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(request, f"{count} RHK beserta indikatornya disalin dari SKP {source.periode.tahun}. "
                                  "Pilih kembali RHK atasan yang diintervensi.")
    return redirect(skp)


@require_http_methods(["GET", "POST"])
def ekspektasi_update(request, pk):
    skp = get_for_user(Skp.objects.with_related(), request.user, pk)
    require(permissions.can_set_ekspektasi(request.user, skp))
    context = _skp_context(Skp.objects.prefetch_related("ekspektasikhusus_set").get(pk=skp.pk))
    if request.method == "POST":
        values = {p.pk: request.POST.get(f"perilaku-{p.pk}", "") for p, _ in context["perilaku_list"]}
        services.save_ekspektasi(skp, uraian_by_perilaku=values)
        messages.success(request, "Ekspektasi khusus pimpinan disimpan.")
        return redirect(skp)
    return render(request, "indikator/ekspektasi_form.html", context)


def skp_bawahan(request):
    """The atasan's view of every direct subordinate's SKP state for a year."""
    pegawai = pegawai_of(request.user)
    require(pegawai is not None)
    periode = _periode_from(request)
    rows = queries.skp_state_of_bawahan(pegawai, periode) if periode else []
    own_skp = Skp.objects.filter(pegawai=pegawai, periode=periode).order_by("-created_at").first() if periode else None
    context = {"rows": rows, "periode": periode, "periode_list": Periode.objects.all(), "own_skp": own_skp}
    return render(request, "indikator/skp_bawahan.html", context)


def _periode_from(request):
    tahun = request.GET.get("tahun", "")
    periode_list = Periode.objects.all()
    if tahun.isdigit():
        return periode_list.filter(tahun=int(tahun)).first()
    return periode_list.filter(tahun=datetime.date.today().year).first() or periode_list.first()


# --- matriks peran hasil -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def matriks(request, pk):
    skp = get_for_user(Skp.objects.with_related(), request.user, pk)
    require(permissions.can_fill_matriks(request.user, skp))
    iki_list = list(IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp).select_related("rhk")
                    .order_by("rhk__jenis", "rhk__urutan", "rhk_id", "pk"))
    bawahan_list = list(queries.bawahan_of(skp))
    cells = {(c.iki_atasan_id, c.pegawai_id): c for c in MatriksPeranHasil.objects.filter(
        iki_atasan__in=iki_list).select_related("rhk__skp")}
    if request.method == "POST":
        posted = {(iki.pk, b.pk): request.POST.get(f"sel-{iki.pk}-{b.pk}", "") for iki in iki_list
                  for b in bawahan_list}
        try:
            counts = services.save_and_push_matriks(skp, cells=posted, push=bool(request.POST.get("dorong")))
        except ValidationError as error:
            _flash_errors(request, error)
            # Keep what the user typed on the page (nothing was saved).
            cells = {key: MatriksPeranHasil(peran_hasil=text) for key, text in posted.items()}
        else:
            _matriks_message(request, counts)
            return redirect("indikator:matriks", pk=skp.pk)
    rows = [(b, [(iki, cells.get((iki.pk, b.pk))) for iki in iki_list]) for b in bawahan_list]
    return render(request, "indikator/matriks.html", {"skp": skp, "iki_list": iki_list, "rows": rows})


def _matriks_message(request, counts):
    if counts is None:
        messages.success(request, "Matriks peran hasil disimpan.")
    else:
        messages.success(request, "Matriks disimpan dan didorong ke SKP bawahan: {dibuat} RHK dibuat, "
                         "{diperbarui} diperbarui, {tetap} tetap, {dilewati} dilewati.".format(**counts))


# --- documents ----------------------------------------------------------------------------


def skp_pdf(request, pk):
    skp = get_for_user(_skp_queryset(), request.user, pk)
    response = HttpResponse(documents.skp_pdf(skp, _skp_context(skp)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="skp-{skp.periode.tahun}-{skp.pegawai.nip}.pdf"'
    return response


def skp_export(request, pk):
    skp = get_for_user(Skp.objects.with_related(), request.user, pk)
    response = HttpResponse(spreadsheets.export_skp_rhk(skp), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="rhk-skp-{skp.periode.tahun}-{skp.pegawai.nip}.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
def skp_import(request, pk):
    skp = _editable_skp(request, pk)
    context = {"skp": skp}
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        errors = spreadsheets.import_skp_rhk(skp, berkas) if berkas else [(0, "Pilih berkas xlsx terlebih dahulu.")]
        if not errors:
            messages.success(request, "RHK dan IKI berhasil diimpor.")
            return redirect(skp)
        context["errors"] = errors
    return render(request, "indikator/skp_import.html", context)
