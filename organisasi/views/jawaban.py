"""Answers: the public (or internal) answer form behind a survey's link, and importing paper responses."""

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from core.angka import format_angka
from core.imports import ImportResult
from core.responses import xlsx_response
from organisasi import permissions, queries, services, spreadsheets
from organisasi.forms import ImportRespondenForm, JawabanForm
from organisasi.models import Survei
from organisasi.services import jawaban as jawaban_services
from organisasi.views.survei import survei_for


@require_http_methods(["GET", "POST"])
def survei_import(request, pk):
    """Import paper responses: every row stored, or none with the reasons per row."""
    survei = survei_for(request, pk, edit=True)
    form = ImportRespondenForm(request.POST or None, request.FILES or None)
    result = None
    if form.is_valid():
        result = services.import_responden(
            survei, upload=form.cleaned_data["berkas"], by=request.user
        )
        if result.ok:
            messages.success(
                request, f"{format_angka(result.rows)} responden berhasil diimpor."
            )
            return redirect("organisasi:survei_hasil", survei.pk)
        result = _file_refusals_on_the_field(form, result)
    context = {
        "survei": survei,
        "form": form,
        "result": result,
        "columns": spreadsheets.import_columns(survei),
    }
    return render(request, "organisasi/survei_import.html", context)


def _file_refusals_on_the_field(form, result: ImportResult) -> ImportResult:
    """A file refused as a whole is an error of the file field; the rows' errors stay for the table."""
    for error in result.errors:
        if error.row is None:
            form.add_error("berkas", error.message)
    return ImportResult(0, [error for error in result.errors if error.row is not None])


@require_GET
def survei_import_template(request, pk):
    survei = survei_for(request, pk, edit=True)
    return xlsx_response(
        spreadsheets.import_template_workbook(survei),
        f"templat-jawaban-survei-{survei.pk}.xlsx",
    )


def _answered_key(survei):
    # Only read on GET: a cookieless visit never creates a session row.
    return f"survei-dijawab-{survei.pk}"


def _already_answered(request, survei) -> bool:
    """An internal survey asks its participation record; a public one the browser's session."""
    if survei.internal:
        return queries.has_answered(survei, request.user)
    return bool(request.session.get(_answered_key(survei)))


@login_not_required
@require_http_methods(["GET", "POST"])
def jawab(request, token):
    """The answer form behind the survey's unguessable link; internal surveys need a login."""
    survei = Survei.objects.select_related("unit").filter(token=token).first()
    if survei is None:
        return render(
            request,
            "organisasi/survei_pesan.html",
            {"pesan": "Tautan survei tidak dikenal."},
            status=404,
        )
    if survei.internal and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.can_answer_survei(request.user, survei):
        raise PermissionDenied("Survei ini hanya untuk ASN unit penyelenggara.")
    if not survei.is_open():
        return _message(request, survei, jawaban_services.PESAN_DITUTUP)
    if _already_answered(request, survei):
        return _message(request, survei, jawaban_services.PESAN_DUPLIKAT)
    form = JawabanForm(
        request.POST or None,
        survei=survei,
        pertanyaan_list=survei.pertanyaan_set.order_by("urutan"),
    )
    if request.method == "POST" and form.is_bot:
        return redirect(
            "publik:terima_kasih", token
        )  # say nothing to a bot, store nothing
    if form.is_valid():
        response = _submit(request, survei, form)
        if response is not None:
            return response
    return render(
        request, "organisasi/survei_jawab.html", {"survei": survei, "form": form}
    )


def _message(request, survei, pesan):
    return render(
        request, "organisasi/survei_pesan.html", {"survei": survei, "pesan": pesan}
    )


def _submit(request, survei, form):
    """Store the answers; a response to send back, or None to show the form with its errors."""
    pengguna = request.user if survei.internal else None
    try:
        services.submit_responden(
            survei,
            raw_answers=form.raw_answers(),
            profil=form.profil(),
            tiket=form.cleaned_data["tiket"],
            ip_address=get_client_ip_address(request) or "",
            pengguna=pengguna,
        )
    except ValidationError as error:
        if hasattr(
            error, "error_dict"
        ):  # invalid answers: show them next to their questions
            form.add_answer_errors(
                {pk: messages[0] for pk, messages in error.message_dict.items()}
            )
            return None
        return _message(request, survei, error.messages[0])
    if not survei.internal:
        # The session (and its cookie) starts only now, to say "already answered" next time. Not
        # for an ASN: the session row's expiry would date their answer.
        request.session[_answered_key(survei)] = True
    return redirect("publik:terima_kasih", survei.token)


@login_not_required
def terima_kasih(request, token):
    survei = Survei.objects.filter(token=token).first()
    if survei is None:
        raise Http404("Tautan survei tidak dikenal.")
    return render(request, "organisasi/survei_terima_kasih.html", {"survei": survei})
