"""Accounts: issuing one-time passwords for a unit, and changing one's own password."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.responses import xlsx_response
from organisasi import permissions, services
from organisasi.forms import GantiKataSandiForm, TerbitkanAkunForm
from organisasi.models import Pegawai
from organisasi.spreadsheets import accounts_workbook


@never_cache
@require_http_methods(["GET", "POST"])
def akun_issue(request):
    """BKPSDM issues one-time passwords for a unit's employees, handed over as a spreadsheet."""
    permissions.require(permissions.can_manage_organisasi(request.user))
    form = TerbitkanAkunForm(
        request.POST or None, initial={"unit": request.GET.get("unit")}
    )
    if form.is_valid():
        unit = form.cleaned_data["unit"]
        pegawai = (
            Pegawai.objects.active()
            .in_unit_tree(unit)
            .select_related("akun", "jabatan", "unit")
        )
        issued, skipped = services.issue_accounts(
            pegawai, by=request.user, reset_existing=form.cleaned_data["reset_existing"]
        )
        if not issued:
            messages.info(
                request,
                f"Tidak ada akun yang diterbitkan ({len(skipped)} pegawai dilewati: sudah punya akun "
                "atau berperan khusus).",
            )
            return redirect("organisasi:akun_issue")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return xlsx_response(
            accounts_workbook(issued, skipped), f"akun-{unit.kode}-{stamp}.xlsx"
        )
    return render(request, "organisasi/akun_form.html", {"form": form})


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
