"""Logins: one-time passwords for pegawai, password changes, closing logins of inactive pegawai."""

import secrets
import string

from django.db import transaction

from organisasi.models import Pengguna


def close_inactive_accounts() -> int:
    """Logins of inactive pegawai are closed (after deactivation, imports, admin edits)."""
    return Pengguna.objects.filter(pegawai__aktif=False, is_active=True).update(
        is_active=False
    )


_PASSWORD_ALPHABET = "".join(
    c for c in string.ascii_letters + string.digits if c not in "lI1O0o"
)


def generate_one_time_password(length: int = 10) -> str:
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))


def _account_problem(pegawai, *, reset_existing, by):
    """Why issuing a one-time password for this pegawai would be wrong, or "" when it is fine."""
    if not pegawai.aktif:
        return "pegawai nonaktif"
    if pegawai.akun_id is None:
        if Pengguna.objects.filter(username=pegawai.nip).exists():
            return "sudah ada akun dengan NIP ini yang tidak terhubung ke pegawai; periksa di admin"
        return ""
    if not reset_existing:
        return "sudah punya akun"
    account = pegawai.akun
    if (
        account.pk == by.pk
        or account.is_staff
        or account.is_superuser
        or account.peran != Pengguna.Peran.PEGAWAI
    ):
        return "akun berperan khusus; ganti kata sandinya lewat admin"
    return ""


@transaction.atomic
def issue_accounts(pegawai_list, *, by, reset_existing=False):
    """Give each active pegawai a login (username = NIP) with a one-time password.

    The first login forces a new password. Existing accounts are reset only on request, and
    never those with a special role (staff, superuser, pengelola, BKPSDM, pimpinan) nor the
    requester's own. Returns (issued, skipped): (pegawai, password) pairs to hand over once
    (not stored in clear anywhere), and (pegawai, reason) pairs.
    """
    issued, skipped = [], []
    for pegawai in pegawai_list:
        problem = _account_problem(pegawai, reset_existing=reset_existing, by=by)
        if problem:
            skipped.append((pegawai, problem))
            continue
        password = generate_one_time_password()
        account = pegawai.akun or Pengguna(username=pegawai.nip)
        account.nama = pegawai.nama_lengkap
        account.email = account.email or pegawai.email
        account.harus_ganti_password = True
        account.is_active = True
        account.set_password(password)
        account.save()
        if pegawai.akun_id != account.pk:
            pegawai.akun = account
            pegawai.save(update_fields=["akun", "updated_at"])
        issued.append((pegawai, password))
    return issued, skipped


def change_password(form) -> Pengguna:
    """Save a valid PasswordChangeForm and lift the one-time-password obligation."""
    user = form.save(commit=False)
    user.harus_ganti_password = False
    user.save()
    return user
