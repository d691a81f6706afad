"""Accounts: issuing one-time passwords for a unit (a background job), and changing one's own password."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from core.errors import flash_errors
from core.responses import xlsx_response
from organisasi import permissions, services
from organisasi.forms import GantiKataSandiForm, TerbitkanAkunForm
from organisasi.models import PenerbitanAkun


@require_http_methods(["GET", "POST"])
def akun_issue(request):
    """BKPSDM starts issuing one-time passwords for a unit's employees; the job page follows it."""
    permissions.require(permissions.can_manage_organisasi(request.user))
    form = TerbitkanAkunForm(
        request.POST or None, initial={"unit": request.GET.get("unit")}
    )
    if form.is_valid():
        job = services.start_issue_accounts(
            form.cleaned_data["unit"],
            by=request.user,
            reset_existing=form.cleaned_data["reset_existing"],
        )
        return redirect(job)
    return render(request, "organisasi/akun_form.html", {"form": form})


def _job(request, pk):
    permissions.require(permissions.can_manage_organisasi(request.user))
    return permissions.get_for_user(
        PenerbitanAkun.objects.select_related("unit"), request.user, pk
    )


@never_cache
@vary_on_headers("HX-Request")
def akun_job(request, pk):
    """The job's progress (the #progress partial polls every 2 s while it runs) and, once done, the download."""
    job = _job(request, pk)
    context = {"job": job, "berkas_tersedia": job.berkas_tersedia()}
    template = "organisasi/akun_job.html" + ("#progress" if request.htmx else "")
    return render(request, template, context)


@require_POST
def akun_download(request, pk):
    """The one-time-password workbook, once: it is deleted as it is handed over."""
    job = _job(request, pk)
    try:
        content = services.take_account_workbook(job)
    except ValidationError as error:
        flash_errors(request, error)
        return redirect(job)
    stamp = timezone.localtime(job.selesai_pada).strftime("%Y%m%d-%H%M")
    return xlsx_response(content, f"akun-{job.unit.kode}-{stamp}.xlsx")


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
