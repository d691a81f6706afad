"""The survey builder and a survey's results (page, xlsx, PDF report)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from core.errors import add_form_errors, flash_errors
from core.responses import pdf_response, xlsx_response
from organisasi import documents, permissions, queries, services, skm, spreadsheets
from organisasi.forms import PertanyaanForm, SurveiForm
from organisasi.models import Pertanyaan, Survei


def survei_list(request):
    permissions.require(permissions.can_open_survei_list(request.user))
    survei = Survei.objects.visible_to(request.user).select_related("unit")
    survei = survei.annotate(jumlah_responden=Count("responden")).order_by(
        "-tanggal_buka", "judul"
    )
    page = Paginator(survei, 25).get_page(request.GET.get("page"))
    context = {"page": page, "can_create": permissions.can_create_survei(request.user)}
    return render(request, "organisasi/survei_list.html", context)


@require_http_methods(["GET", "POST"])
def survei_create(request):
    permissions.require(permissions.can_create_survei(request.user))
    form = SurveiForm(request.POST or None, user=request.user)
    if form.is_valid():
        survei = services.create_survei(form.save(commit=False), by=request.user)
        messages.success(request, f"Survei “{survei.judul}” berhasil dibuat.")
        return redirect(survei)
    return render(request, "organisasi/survei_form.html", {"form": form})


def survei_for(request, pk, *, edit=False):
    edit_rule = permissions.can_edit_survei if edit else None
    return permissions.get_for_user(
        Survei.objects.select_related("unit"), request.user, pk, edit=edit_rule
    )


def survei_detail(request, pk):
    survei = survei_for(request, pk)
    return render(
        request,
        "organisasi/survei_detail.html",
        _detail_context(request, survei, PertanyaanForm()),
    )


def _detail_context(request, survei, pertanyaan_form):
    return {
        "survei": survei,
        "pertanyaan_list": survei.pertanyaan_set.annotate(
            jumlah_jawaban=Count("jawaban")
        ),
        "jumlah_responden": survei.responden_set.count(),
        "tautan_publik": request.build_absolute_uri(
            reverse("publik:jawab", args=[survei.token])
        ),
        "can_edit": permissions.can_edit_survei(request.user, survei),
        "pertanyaan_form": pertanyaan_form,
    }


@require_http_methods(["GET", "POST"])
def survei_update(request, pk):
    survei = survei_for(request, pk, edit=True)
    form = SurveiForm(request.POST or None, instance=survei, user=request.user)
    if form.is_valid():
        try:
            services.update_survei(form.save(commit=False), bobot=form.bobot())
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, f"Survei “{survei.judul}” berhasil disimpan.")
            return redirect(survei)
    return render(
        request, "organisasi/survei_form.html", {"form": form, "survei": survei}
    )


@require_POST
def pertanyaan_create(request, pk):
    """Add a question from the builder; htmx gets the question list back, others a redirect."""
    survei = survei_for(request, pk, edit=True)
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
    survei = survei_for(request, pk, edit=True)
    pertanyaan = get_object_or_404(survei.pertanyaan_set, pk=pertanyaan_pk)
    form = PertanyaanForm(request.POST or None, instance=pertanyaan)
    if _save_pertanyaan(form):
        messages.success(request, "Pertanyaan disimpan.")
        return redirect(survei)
    return render(
        request, "organisasi/pertanyaan_form.html", {"form": form, "survei": survei}
    )


def _save_pertanyaan(form) -> bool:
    """Save a valid question form through the service; refusals go onto the form (input kept)."""
    if not form.is_valid():
        return False
    try:
        services.save_pertanyaan(form.save(commit=False))
    except ValidationError as error:
        add_form_errors(form, error)
        return False
    return True


@require_POST
def pertanyaan_delete(request, pk, pertanyaan_pk):
    survei = survei_for(request, pk, edit=True)
    pertanyaan = get_object_or_404(survei.pertanyaan_set, pk=pertanyaan_pk)
    try:
        services.delete_pertanyaan(pertanyaan)
        messages.success(request, "Pertanyaan dihapus.")
    except ValidationError as error:
        flash_errors(request, error)
    return redirect(survei)


def _hasil(request, survei):
    """The survey's results, compared with its previous period only if the reader may see that survey."""
    sebelumnya = None
    if survei.survei_sebelumnya_id:
        sebelumnya = (
            Survei.objects.visible_to(request.user)
            .filter(pk=survei.survei_sebelumnya_id)
            .first()
        )
    return queries.compute_hasil(survei, sebelumnya=sebelumnya)


@vary_on_headers("HX-Request")
def survei_hasil(request, pk):
    """Results with charts; the #results partial (element #hasil) refreshes through htmx."""
    survei = survei_for(request, pk)
    context = {
        "survei": survei,
        "hasil": _hasil(request, survei),
        "pembulatan": skm.PEMBULATAN,
        "can_edit": permissions.can_edit_survei(request.user, survei),
        "kebutuhan_list": survei.kebutuhan_set.order_by("-created_at"),
    }
    template = "organisasi/survei_hasil.html" + ("#results" if request.htmx else "")
    return render(request, template, context)


@require_GET
def survei_export(request, pk):
    survei = survei_for(request, pk)
    return xlsx_response(
        spreadsheets.hasil_workbook(_hasil(request, survei)),
        f"hasil-survei-{survei.pk}.xlsx",
    )


@require_GET
def survei_laporan(request, pk):
    survei = survei_for(request, pk)
    hasil = _hasil(request, survei)
    pdf = documents.hasil_pdf(hasil, base_url=request.build_absolute_uri("/"))
    return pdf_response(pdf, f"laporan-survei-{survei.pk}.pdf")
