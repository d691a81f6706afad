"""Logins: one-time passwords for pegawai (as a background job for a whole unit), password
changes, closing logins of inactive pegawai."""

import logging
import secrets
import string
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils import timezone

from organisasi import tasks
from organisasi.models import Pegawai, PenerbitanAkun, Pengguna, UnitKerja
from organisasi.spreadsheets import accounts_workbook

logger = logging.getLogger(__name__)

Status = PenerbitanAkun.Status

PROGRESS_EVERY = 25  # pegawai between two progress updates of a job (one UPDATE each)
PRIVATE_FOLDER = "akun-sekali-pakai"


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


def _account_problem(pegawai, *, reset_existing, by, usernames):
    """Why issuing a one-time password for this pegawai would be wrong, or "" when it is fine.

    `usernames` holds every login name in use (read once for a whole unit).
    """
    if not pegawai.aktif:
        return "pegawai nonaktif"
    if pegawai.akun_id is None:
        if pegawai.nip in usernames:
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


def _usernames() -> set[str]:
    return set(Pengguna.objects.values_list("username", flat=True))


@dataclass
class _Prepared:
    pegawai: Pegawai
    password: str
    encoded: str


def _prepare_accounts(pegawai_list, *, by, reset_existing, progress=None):
    """The slow half, writing nothing: a one-time password and its hash (PBKDF2, ~0,2 s each)
    for every pegawai that may get one, and the others with the reason."""
    usernames, waiting, skipped = _usernames(), [], []
    for pegawai in pegawai_list:
        problem = _account_problem(
            pegawai, reset_existing=reset_existing, by=by, usernames=usernames
        )
        if problem:
            skipped.append((pegawai, problem))
        else:
            waiting.append(pegawai)
    prepared = []
    for done, pegawai in enumerate(waiting, start=1):
        password = generate_one_time_password()
        prepared.append(_Prepared(pegawai, password, make_password(password)))
        if progress is not None and (
            done % PROGRESS_EVERY == 0 or done == len(waiting)
        ):
            progress(done, len(waiting))
    return prepared, skipped


def _write_accounts(prepared, *, by, reset_existing):
    """The quick half, in the caller's transaction: re-check each pegawai as it is now, then
    store the prepared hashes. Returns (issued, skipped): (pegawai, one-time password) pairs to
    hand over once, and (pegawai, reason) pairs."""
    fresh = Pegawai.objects.select_related("akun", "jabatan", "unit").in_bulk(
        [item.pegawai.pk for item in prepared]
    )
    usernames, issued, skipped = _usernames(), [], []
    for item in prepared:
        pegawai = fresh.get(item.pegawai.pk)
        problem = (
            "pegawai tidak ditemukan lagi"
            if pegawai is None
            else _account_problem(
                pegawai, reset_existing=reset_existing, by=by, usernames=usernames
            )
        )
        if problem:
            skipped.append((pegawai or item.pegawai, problem))
            continue
        account = pegawai.akun or Pengguna(username=pegawai.nip)
        account.nama = pegawai.nama_lengkap
        account.email = account.email or pegawai.email
        account.harus_ganti_password = True
        account.is_active = True
        account.password = item.encoded
        account.save()
        if pegawai.akun_id != account.pk:
            pegawai.akun = account
            pegawai.save(update_fields=["akun", "updated_at"])
        issued.append((pegawai, item.password))
    return issued, skipped


@transaction.atomic
def start_issue_accounts(
    unit: UnitKerja, *, by, reset_existing: bool = False
) -> PenerbitanAkun:
    """Queue the issuing of accounts for the unit and every unit below it; returns the job.

    The work (one PBKDF2 hash per account) runs in a Celery worker after this transaction
    commits; the job row carries its status and progress.
    """
    job = PenerbitanAkun.objects.create(
        unit=unit,
        reset_existing=reset_existing,
        diminta_oleh=by,
        jumlah_pegawai=Pegawai.objects.active().in_unit_tree(unit).count(),
    )
    tasks.issue_accounts_task.delay_on_commit(job_id=str(job.pk))
    return job


def run_issue_accounts(job: PenerbitanAkun) -> PenerbitanAkun:
    """Do the job: give each active pegawai of the unit tree a login (username = NIP) with a
    one-time password, and keep the passwords only in the private workbook.

    The first login forces a new password. Existing accounts are reset only on request, and
    never those with a special role (staff, superuser, pengelola, BKPSDM, pimpinan) nor the
    requester's own; an unlinked account that carries the NIP is never adopted. The passwords
    are prepared first (the slow part, with progress), then the accounts, the workbook and the
    finished job are stored in one transaction.

    Safe to run twice (the worker acknowledges late): a finished or failed job is left alone,
    and a job cut off mid-way starts again from the beginning, since nothing is written before
    the last step; of two runs at once, the first to finish wins and the other writes nothing.
    """
    claimed = PenerbitanAkun.objects.filter(
        pk=job.pk, status__in=[Status.ANTRE, Status.BERJALAN]
    ).update(status=Status.BERJALAN, jumlah_diproses=0)
    if not claimed:
        return job
    pegawai_list = list(
        Pegawai.objects.active()
        .in_unit_tree(job.unit)
        .select_related("akun", "jabatan", "unit")
        .order_by("nip")
    )

    def progress(done, total):
        PenerbitanAkun.objects.filter(pk=job.pk).update(
            jumlah_diproses=done, jumlah_pegawai=total
        )

    try:
        prepared, skipped = _prepare_accounts(
            pegawai_list,
            by=job.diminta_oleh,
            reset_existing=job.reset_existing,
            progress=progress,
        )
        _finish(job, prepared, skipped)
    except Exception:
        logger.exception("Penerbitan akun %s gagal", job.pk)
        PenerbitanAkun.objects.filter(pk=job.pk, status=Status.BERJALAN).update(
            status=Status.GAGAL,
            pesan="Terjadi kesalahan; tidak ada akun yang diterbitkan. Coba lagi.",
        )
    job.refresh_from_db()
    return job


def _finish(job, prepared, skipped):
    storage, saved = _storage(), ""
    try:
        with transaction.atomic():
            locked = PenerbitanAkun.objects.select_for_update().get(pk=job.pk)
            if locked.status != Status.BERJALAN:
                return  # another run finished first
            issued, skipped_now = _write_accounts(
                prepared, by=job.diminta_oleh, reset_existing=job.reset_existing
            )
            skipped = skipped + skipped_now
            if issued:
                saved = storage.save(
                    f"{job.pk}-{secrets.token_hex(4)}.xlsx",
                    ContentFile(accounts_workbook(issued, skipped)),
                )
            locked.status = Status.SELESAI
            locked.berkas = saved
            locked.jumlah_diterbitkan, locked.jumlah_dilewati = (
                len(issued),
                len(skipped),
            )
            locked.jumlah_diproses = locked.jumlah_pegawai = len(prepared)
            locked.selesai_pada = timezone.now()
            locked.save()
    except Exception:
        if saved:
            storage.delete(saved)  # passwords that were never set
        raise


def take_account_workbook(job: PenerbitanAkun, *, now=None) -> bytes:
    """The job's one-time-password workbook, handed over once: the file is deleted as it is read.

    Raises ValidationError when it was downloaded already, has expired (then it is deleted
    now), or the job has none.
    """
    now = now or timezone.now()
    if job.berkas and not job.berkas_tersedia(now) and job.diunduh_pada is None:
        _delete_workbook(job)
        raise ValidationError(
            "Berkas kata sandi sudah kedaluwarsa dan dihapus. Terbitkan ulang kata sandinya."
        )
    claimed = (
        PenerbitanAkun.objects.filter(pk=job.pk, diunduh_pada__isnull=True)
        .exclude(berkas="")
        .update(diunduh_pada=now, berkas="")
    )
    if not claimed:
        raise ValidationError(
            "Berkas kata sandi hanya dapat diunduh satu kali dan sudah diunduh."
        )
    storage = _storage()
    try:
        with storage.open(job.berkas, "rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        raise ValidationError(
            "Berkas kata sandi tidak ditemukan lagi. Terbitkan ulang kata sandinya."
        ) from None
    finally:
        storage.delete(job.berkas)
    return content


def delete_expired_account_workbooks(*, now=None) -> int:
    """Delete every one-time-password workbook older than its hour, and any file left behind
    by a worker that stopped mid-way. Returns how many files went."""
    now = now or timezone.now()
    deleted = 0
    for job in PenerbitanAkun.objects.exclude(berkas="").filter(
        selesai_pada__lt=now - PenerbitanAkun.BERKAS_BERLAKU
    ):
        _delete_workbook(job)
        deleted += 1
    storage = _storage()
    referenced = set(
        PenerbitanAkun.objects.exclude(berkas="").values_list("berkas", flat=True)
    )
    if Path(storage.location).is_dir():
        for name in storage.listdir("")[1]:
            if (
                name not in referenced
                and storage.get_modified_time(name)
                < now - PenerbitanAkun.BERKAS_BERLAKU
            ):
                storage.delete(name)
                deleted += 1
    return deleted


def _delete_workbook(job):
    _storage().delete(job.berkas)
    PenerbitanAkun.objects.filter(pk=job.pk).update(berkas="")
    job.berkas = ""


def _storage() -> FileSystemStorage:
    """A private folder under MEDIA_ROOT that no URL serves; files readable by the app's user only."""
    return FileSystemStorage(
        location=Path(settings.MEDIA_ROOT) / PRIVATE_FOLDER,
        file_permissions_mode=0o600,
        directory_permissions_mode=0o700,
    )


def change_password(form) -> Pengguna:
    """Save a valid PasswordChangeForm and lift the one-time-password obligation."""
    user = form.save(commit=False)
    user.harus_ganti_password = False
    user.save()
    return user
