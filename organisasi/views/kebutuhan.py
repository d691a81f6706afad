"""The needs register: list, record (by hand or from a survey result), follow up."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from core.errors import flash_errors
from organisasi import permissions, queries, services
from organisasi.forms import KebutuhanFilterForm, KebutuhanForm, KebutuhanStatusForm
from organisasi.models import Kebutuhan
from organisasi.views.survei import survei_for


@vary_on_headers("HX-Request")
def kebutuhan_list(request):
    form = KebutuhanFilterForm(request.GET or None)
    kebutuhan = form.filter(
        Kebutuhan.objects.visible_to(request.user).select_related("unit", "pemilik")
    )
    page = Paginator(kebutuhan, 25).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "can_create": permissions.can_create_kebutuhan(request.user),
    }
    template = "organisasi/kebutuhan_list.html" + ("#results" if request.htmx else "")
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def kebutuhan_create(request):
    """A new need; `?survei=&pertanyaan=` pre-fills it from that question's survey result."""
    permissions.require(permissions.can_create_kebutuhan(request.user))
    draft = _draft_from_survey(request) or Kebutuhan()
    form = KebutuhanForm(request.POST or None, instance=draft, user=request.user)
    if form.is_valid():
        kebutuhan = services.create_kebutuhan(form.save(commit=False), by=request.user)
        messages.success(request, f"Kebutuhan “{kebutuhan.judul}” berhasil dicatat.")
        return redirect(kebutuhan)
    return render(
        request, "organisasi/kebutuhan_form.html", {"form": form, "draft": draft}
    )


def _draft_from_survey(request):
    params = request.GET
    if not (
        params.get("survei", "").isdigit() and params.get("pertanyaan", "").isdigit()
    ):
        return None
    survei = survei_for(request, int(params["survei"]), edit=True)
    if not survei.pertanyaan_set.filter(pk=params["pertanyaan"]).exists():
        raise Http404("Pertanyaan tidak ditemukan.")
    hasil = queries.compute_hasil(survei)
    return services.kebutuhan_from_hasil(hasil, pertanyaan_id=int(params["pertanyaan"]))


def _kebutuhan(request, pk, *, edit=False):
    queryset = Kebutuhan.objects.select_related(
        "unit", "pemilik", "survei", "pertanyaan", "dibuat_oleh"
    )
    return permissions.get_for_user(
        queryset,
        request.user,
        pk,
        edit=permissions.can_edit_kebutuhan if edit else None,
    )


def kebutuhan_detail(request, pk):
    kebutuhan = _kebutuhan(request, pk)
    context = {
        "kebutuhan": kebutuhan,
        "can_edit": permissions.can_edit_kebutuhan(request.user, kebutuhan),
        "riwayat": kebutuhan.history.select_related("history_user").order_by(
            "-history_date"
        )[:20],
        "answered_by": kebutuhan.answered_by(request.user),
        "needs_alasan": services.is_unanswered(kebutuhan),
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
    return render(
        request,
        "organisasi/kebutuhan_form.html",
        {"form": form, "kebutuhan": kebutuhan},
    )


@require_POST
def kebutuhan_status(request, pk):
    kebutuhan = _kebutuhan(request, pk, edit=True)
    form = KebutuhanStatusForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_text())
        services.change_kebutuhan_status(kebutuhan, **form.cleaned_data)
        messages.success(
            request, f"Status kebutuhan menjadi {kebutuhan.get_status_display()}."
        )
    except ValidationError as error:
        flash_errors(request, error)
    return redirect(kebutuhan)
