"""Surveys (builder, public answering, results, import/export) and the needs register."""

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from organisasi import documents_survei, permissions, queries_survei, services_survei, spreadsheets_survei
from organisasi.forms_survei import (
    ImportRespondenForm,
    JawabanForm,
    KebutuhanFilterForm,
    KebutuhanForm,
    PertanyaanForm,
    SurveiForm,
)
from organisasi.models import Kebutuhan, Pertanyaan, Survei

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# --- survey builder -------------------------------------------------------------


def survei_list(request):
    permissions.require(permissions.can_open_survei_list(request.user))
    survei = Survei.objects.visible_to(request.user).select_related("unit")
    survei = survei.annotate(jumlah_responden=Count("responden")).order_by("-tanggal_buka", "judul")
    page = Paginator(survei, 25).get_page(request.GET.get("page"))
    context = {"page": page, "can_create": permissions.can_create_survei(request.user)}
    return render(request, "organisasi/survei_list.html", context)


@require_http_methods(["GET", "POST"])
def survei_create(request):
    permissions.require(permissions.can_create_survei(request.user))
    form = SurveiForm(request.POST or None, user=request.user)
    if form.is_valid():
        survei = services_survei.create_survei(form.save(commit=False), by=request.user)
        messages.success(request, f"Survei “{survei.judul}” berhasil dibuat.")
        return redirect(survei)
    return render(request, "organisasi/survei_form.html", {"form": form})


def _survei(request, pk, *, edit=False):
    edit_rule = permissions.can_edit_survei if edit else None
    return permissions.get_for_user(Survei.objects.select_related("unit"), request.user, pk, edit=edit_rule)


def survei_detail(request, pk):
    survei = _survei(request, pk)
    return render(request, "organisasi/survei_detail.html", _detail_context(request, survei, PertanyaanForm()))


def _detail_context(request, survei, pertanyaan_form):
    return {
        "survei": survei,
        "pertanyaan_list": survei.pertanyaan_set.annotate(jumlah_jawaban=Count("jawaban")),
        "jumlah_responden": survei.responden_set.count(),
        "tautan_publik": request.build_absolute_uri(reverse("publik:jawab", args=[survei.token])),
        "can_edit": permissions.can_edit_survei(request.user, survei),
        "pertanyaan_form": pertanyaan_form,
    }


@require_http_methods(["GET", "POST"])
def survei_update(request, pk):
    survei = _survei(request, pk, edit=True)
    form = SurveiForm(request.POST or None, instance=survei, user=request.user)
    if form.is_valid():
        try:
            services_survei.update_survei(form.save(commit=False), bobot=form.bobot())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Survei “{survei.judul}” berhasil disimpan.")
            return redirect(survei)
    return render(request, "organisasi/survei_form.html", {"form": form, "survei": survei})


@require_POST
def pertanyaan_create(request, pk):
    """Add a question from the builder; htmx gets the question list back, others a redirect."""
    survei = _survei(request, pk, edit=True)
    form = PertanyaanForm(request.POST, instance=Pertanyaan(survei=survei))
    if _save_pertanyaan(form):
        form = PertanyaanForm()
        if not request.htmx:
            messages.success(request, "Pertanyaan ditambahkan.")
            return redirect(survei)
    template = "organisasi/survei_detail.html" + ("#questions" if request.htmx else "")
    return render(request, template, _detail_context(request, survei, form))


@require_http_methods(["GET", "POST"])
def pertanyaan_update(request, pk, pertanyaan_pk):
    survei = _survei(request, pk, edit=True)
    pertanyaan = get_object_or_404(survei.pertanyaan_set, pk=pertanyaan_pk)
    form = PertanyaanForm(request.POST or None, instance=pertanyaan)
    if _save_pertanyaan(form):
        messages.success(request, "Pertanyaan disimpan.")
        return redirect(survei)
    return render(request, "organisasi/pertanyaan_form.html", {"form": form, "survei": survei})


def _save_pertanyaan(form) -> bool:
    """Save a valid question form through the service; refusals go onto the form (input kept)."""
    if not form.is_valid():
        return False
    try:
        services_survei.save_pertanyaan(form.save(commit=False))
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@require_POST
def pertanyaan_delete(request, pk, pertanyaan_pk):
    survei = _survei(request, pk, edit=True)
    pertanyaan = get_object_or_404(survei.pertanyaan_set, pk=pertanyaan_pk)
    try:
        services_survei.delete_pertanyaan(pertanyaan)
        messages.success(request, "Pertanyaan dihapus.")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(survei)


# --- results, export, import -----------------------------------------------------


def _hasil(request, survei):
    """The survey's results, compared with its previous period only if the reader may see that survey."""
    sebelumnya = None
    if survei.survei_sebelumnya_id:
        sebelumnya = Survei.objects.visible_to(request.user).filter(pk=survei.survei_sebelumnya_id).first()
    return queries_survei.compute_hasil(survei, sebelumnya=sebelumnya)


@vary_on_headers("HX-Request")
def survei_hasil(request, pk):
    """Results with charts; the #results partial (element #hasil) refreshes through htmx."""
    survei = _survei(request, pk)
    context = {
        "survei": survei,
        "hasil": _hasil(request, survei),
        "pembulatan": queries_survei.PEMBULATAN,
        "can_edit": permissions.can_edit_survei(request.user, survei),
        "kebutuhan_list": survei.kebutuhan_set.order_by("-created_at"),
    }
    template = "organisasi/survei_hasil.html" + ("#results" if request.htmx else "")
    return render(request, template, context)


@require_GET
def survei_export(request, pk):
    survei = _survei(request, pk)
    response = HttpResponse(spreadsheets_survei.hasil_workbook(_hasil(request, survei)), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="hasil-survei-{survei.pk}.xlsx"'
    return response


@require_GET
def survei_laporan(request, pk):
    survei = _survei(request, pk)
    hasil = _hasil(request, survei)
    pdf = documents_survei.hasil_pdf(hasil, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="laporan-survei-{survei.pk}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
def survei_import(request, pk):
    """Import paper responses: every row stored, or none with the reasons per row."""
    survei = _survei(request, pk, edit=True)
    form = ImportRespondenForm(request.POST or None, request.FILES or None)
    errors = []
    if form.is_valid():
        try:
            stored, errors = services_survei.import_responden(
                survei, upload=form.cleaned_data["berkas"], by=request.user
            )
        except ValidationError as error:
            form.add_error("berkas", error.messages[0])
        else:
            if not errors:
                messages.success(request, f"{stored} responden berhasil diimpor.")
                return redirect("organisasi:survei_hasil", survei.pk)
    context = {"survei": survei, "form": form, "errors": errors, "columns": spreadsheets_survei.import_columns(survei)}
    return render(request, "organisasi/survei_import.html", context)


@require_GET
def survei_import_template(request, pk):
    survei = _survei(request, pk, edit=True)
    response = HttpResponse(spreadsheets_survei.import_template_workbook(survei), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="templat-jawaban-survei-{survei.pk}.xlsx"'
    return response


# --- answering (public) -----------------------------------------------------------


def _answered_key(survei):
    # Only read on GET: a cookieless visit never creates a session row.
    return f"survei-dijawab-{survei.pk}"


@login_not_required
@require_http_methods(["GET", "POST"])
def jawab(request, token):
    """The answer form behind the survey's unguessable link; internal surveys need a login."""
    survei = Survei.objects.select_related("unit").filter(token=token).first()
    if survei is None:
        return render(request, "organisasi/survei_pesan.html", {"pesan": "Tautan survei tidak dikenal."}, status=404)
    if survei.internal and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.can_answer_survei(request.user, survei):
        raise PermissionDenied("Survei ini hanya untuk ASN unit penyelenggara.")
    if not survei.is_open():
        return _message(request, survei, services_survei.PESAN_DITUTUP)
    if request.session.get(_answered_key(survei)):
        return _message(request, survei, services_survei.PESAN_DUPLIKAT)
    form = JawabanForm(request.POST or None, survei=survei, pertanyaan_list=survei.pertanyaan_set.order_by("urutan"))
    if request.method == "POST" and form.is_bot:
        return redirect("publik:terima_kasih", token)  # say nothing to a bot, store nothing
    if form.is_valid():
        response = _submit(request, survei, form)
        if response is not None:
            return response
    return render(request, "organisasi/survei_jawab.html", {"survei": survei, "form": form})


def _message(request, survei, pesan):
    return render(request, "organisasi/survei_pesan.html", {"survei": survei, "pesan": pesan})


def _submit(request, survei, form):
    """Store the answers; a response to send back, or None to show the form with its errors."""
    pengguna = request.user if survei.internal else None
    try:
        services_survei.submit_responden(
            survei, raw_answers=form.raw_answers(), profil=form.profil(), tiket=form.cleaned_data["tiket"],
            ip_address=get_client_ip_address(request) or "", pengguna=pengguna,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):  # invalid answers: show them next to their questions
            form.add_answer_errors({pk: messages[0] for pk, messages in error.message_dict.items()})
            return None
        return _message(request, survei, error.messages[0])
    # The session (and its cookie) starts only now, to say "already answered" next time.
    request.session[_answered_key(survei)] = True
    return redirect("publik:terima_kasih", survei.token)


@login_not_required
def terima_kasih(request, token):
    survei = Survei.objects.filter(token=token).first()
    if survei is None:
        raise Http404("Tautan survei tidak dikenal.")
    return render(request, "organisasi/survei_terima_kasih.html", {"survei": survei})


# --- needs register ---------------------------------------------------------------


@vary_on_headers("HX-Request")
def kebutuhan_list(request):
    form = KebutuhanFilterForm(request.GET or None)
    kebutuhan = form.filter(Kebutuhan.objects.visible_to(request.user).select_related("unit", "pemilik"))
    page = Paginator(kebutuhan, 25).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "query_string": _query_without_page(request),
        "can_create": permissions.can_create_kebutuhan(request.user),
    }
    template = "organisasi/kebutuhan_list.html" + ("#results" if request.htmx else "")
    return render(request, template, context)


def _query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_http_methods(["GET", "POST"])
def kebutuhan_create(request):
    """A new need; `?survei=&pertanyaan=` pre-fills it from that question's survey result."""
    permissions.require(permissions.can_create_kebutuhan(request.user))
    draft = _draft_from_survey(request) or Kebutuhan()
    form = KebutuhanForm(request.POST or None, instance=draft, user=request.user)
    if form.is_valid():
        kebutuhan = services_survei.create_kebutuhan(form.save(commit=False), by=request.user)
        messages.success(request, f"Kebutuhan “{kebutuhan.judul}” berhasil dicatat.")
        return redirect(kebutuhan)
    return render(request, "organisasi/kebutuhan_form.html", {"form": form, "draft": draft})


def _draft_from_survey(request):
    params = request.GET
    if not (params.get("survei", "").isdigit() and params.get("pertanyaan", "").isdigit()):
        return None
    survei = _survei(request, int(params["survei"]), edit=True)
    if not survei.pertanyaan_set.filter(pk=params["pertanyaan"]).exists():
        raise Http404("Pertanyaan tidak ditemukan.")
    hasil = queries_survei.compute_hasil(survei)
    return services_survei.kebutuhan_from_hasil(hasil, pertanyaan_id=int(params["pertanyaan"]))


def _kebutuhan(request, pk, *, edit=False):
    queryset = Kebutuhan.objects.select_related("unit", "pemilik", "survei", "pertanyaan", "dibuat_oleh")
    return permissions.get_for_user(queryset, request.user, pk, edit=permissions.can_edit_kebutuhan if edit else None)


def kebutuhan_detail(request, pk):
    kebutuhan = _kebutuhan(request, pk)
    context = {
        "kebutuhan": kebutuhan,
        "can_edit": permissions.can_edit_kebutuhan(request.user, kebutuhan),
        "riwayat": kebutuhan.history.select_related("history_user").order_by("-history_date")[:20],
        "answered_by": kebutuhan.answered_by(request.user),
    }
    return render(request, "organisasi/kebutuhan_detail.html", context)


@require_http_methods(["GET", "POST"])
def kebutuhan_update(request, pk):
    kebutuhan = _kebutuhan(request, pk, edit=True)
    form = KebutuhanForm(request.POST or None, instance=kebutuhan, user=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, "Kebutuhan berhasil disimpan.")
        return redirect(kebutuhan)
    return render(request, "organisasi/kebutuhan_form.html", {"form": form, "kebutuhan": kebutuhan})


@require_POST
def kebutuhan_status(request, pk):
    kebutuhan = _kebutuhan(request, pk, edit=True)
    try:
        services_survei.change_kebutuhan_status(kebutuhan, status=request.POST.get("status", ""))
        messages.success(request, f"Status kebutuhan menjadi {kebutuhan.get_status_display()}.")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(kebutuhan)
