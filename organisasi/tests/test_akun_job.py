"""Issuing accounts for a unit as a background job: status, progress, and a workbook offered once."""

import datetime
import io
import stat
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from organisasi import services
from organisasi.models import PenerbitanAkun, Pengguna
from organisasi.tasks import delete_expired_account_workbooks_task, issue_accounts_task
from organisasi.tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db

Status = PenerbitanAkun.Status


def _private_files():
    folder = Path(settings.MEDIA_ROOT) / services.akun.PRIVATE_FOLDER
    return sorted(folder.iterdir()) if folder.exists() else []


def _passwords(content):
    sheet = load_workbook(io.BytesIO(content))["Akun"]
    return {row[0]: row[4] for row in sheet.iter_rows(min_row=2, values_only=True)}


@pytest.fixture
def job(org, django_capture_on_commit_callbacks):
    """A queued job for OPD A with two newcomers (its task not run yet)."""
    PegawaiFactory(jabatan=org.staf.jabatan, akun=None, nama="Baru Satu")
    PegawaiFactory(jabatan=org.staf.jabatan, akun=None, nama="Baru Dua")
    with django_capture_on_commit_callbacks(execute=False):
        return services.start_issue_accounts(org.opd_a, by=org.admin.akun)


def test_starting_the_issue_queues_the_task_after_commit(
    org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = services.start_issue_accounts(org.opd_a, by=org.admin.akun)

    assert len(callbacks) == 1
    assert callbacks[0].func.__self__.name == "organisasi.tasks.issue_accounts_task"
    assert callbacks[0].keywords == {"job_id": str(job.pk)}
    assert (job.status, job.diminta_oleh, job.jumlah_pegawai) == (
        Status.ANTRE,
        org.admin.akun,
        6,
    )


def test_the_task_issues_the_accounts_and_records_the_outcome(org, job):
    issue_accounts_task(job_id=str(job.pk))

    job.refresh_from_db()
    assert (job.status, job.jumlah_diterbitkan, job.jumlah_dilewati, job.persen) == (
        Status.SELESAI,
        2,
        6,
        100,
    )
    newcomers = Pengguna.objects.filter(pegawai__nama__startswith="Baru")
    assert [account.harus_ganti_password for account in newcomers] == [True, True]


def test_the_passwords_live_only_in_a_private_file_never_in_the_database(org, job):
    issue_accounts_task(job_id=str(job.pk))

    job.refresh_from_db()
    [path] = _private_files()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    passwords = _passwords(path.read_bytes())
    assert len(passwords) == 2
    stored = [str(value) for value in PenerbitanAkun.objects.values_list().get()]
    assert not any(
        password in value for password in passwords.values() for value in stored
    )
    for nip, password in passwords.items():
        account = Pengguna.objects.get(username=nip)
        assert account.password != password and account.check_password(password) is True


def test_running_the_task_twice_changes_nothing_the_second_time(org, job):
    issue_accounts_task(job_id=str(job.pk))
    hashes = dict(Pengguna.objects.values_list("username", "password"))

    issue_accounts_task(job_id=str(job.pk))

    assert dict(Pengguna.objects.values_list("username", "password")) == hashes
    assert len(_private_files()) == 1


def test_the_task_of_a_vanished_job_returns_quietly(org):
    assert issue_accounts_task(job_id="00000000-0000-0000-0000-000000000000") is None


def test_the_workbook_is_handed_over_once_and_deleted(org, job):
    issue_accounts_task(job_id=str(job.pk))
    job.refresh_from_db()

    content = services.take_account_workbook(job)

    assert len(_passwords(content)) == 2
    assert _private_files() == []
    job.refresh_from_db()
    with pytest.raises(ValidationError, match="satu kali"):
        services.take_account_workbook(job)


def test_the_workbook_expires_an_hour_after_the_job_finished(org, job):
    issue_accounts_task(job_id=str(job.pk))
    job.refresh_from_db()

    with pytest.raises(ValidationError, match="kedaluwarsa"):
        services.take_account_workbook(
            job, now=job.selesai_pada + datetime.timedelta(minutes=61)
        )

    assert _private_files() == []


def test_the_hourly_cleanup_deletes_expired_workbooks_and_files_left_behind(org, job):
    issue_accounts_task(job_id=str(job.pk))
    folder = Path(settings.MEDIA_ROOT) / services.akun.PRIVATE_FOLDER
    (folder / "sisa-pekerja-mati.xlsx").write_bytes(b"kata sandi")
    PenerbitanAkun.objects.filter(pk=job.pk).update(
        selesai_pada=job.created_at - datetime.timedelta(hours=2)
    )

    deleted = services.delete_expired_account_workbooks(
        now=job.created_at + datetime.timedelta(hours=2)
    )

    assert deleted == 2
    assert _private_files() == []
    assert PenerbitanAkun.objects.get(pk=job.pk).berkas == ""
    assert delete_expired_account_workbooks_task() == 0


def test_a_job_that_issues_nothing_finishes_without_a_file(
    org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        job = services.start_issue_accounts(org.opd_b, by=org.admin.akun)

    issue_accounts_task(job_id=str(job.pk))

    job.refresh_from_db()
    assert (job.status, job.jumlah_diterbitkan, job.berkas) == (Status.SELESAI, 0, "")
    assert _private_files() == []


# --- the pages -------------------------------------------------------------------------------


def test_issuing_from_the_page_starts_a_job_and_shows_its_progress(
    org, client, django_capture_on_commit_callbacks
):
    newcomer = PegawaiFactory(jabatan=org.staf.jabatan, akun=None)
    client.force_login(org.admin.akun)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("organisasi:akun_issue"), {"unit": org.opd_a.pk})

    job = PenerbitanAkun.objects.get()
    newcomer.refresh_from_db()
    assert response.url == job.get_absolute_url()
    assert len(callbacks) == 1
    assert (
        newcomer.akun is None
    )  # no password is hashed in the request: the worker does it
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 2s"' in page and "<progress" in page


def test_the_progress_partial_stops_polling_once_the_job_is_done(org, client, job):
    client.force_login(org.admin.akun)
    running = client.get(
        job.get_absolute_url(), headers={"HX-Request": "true"}
    ).content.decode()
    issue_accounts_task(job_id=str(job.pk))

    done = client.get(
        job.get_absolute_url(), headers={"HX-Request": "true"}
    ).content.decode()

    assert "<html" not in running and 'hx-trigger="every 2s"' in running
    assert 'hx-trigger="every 2s"' not in done and "Unduh berkas kata sandi" in done


def test_the_issuer_downloads_the_workbook_once(org, client, job):
    issue_accounts_task(job_id=str(job.pk))
    client.force_login(org.admin.akun)
    url = reverse("organisasi:akun_download", args=[job.pk])

    first = client.post(url)
    second = client.post(url, follow=True)

    assert first["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "no-store" in first["Cache-Control"]
    assert len(_passwords(first.content)) == 2
    assert "hanya dapat diunduh satu kali" in second.content.decode()
    assert "sudah diunduh pada" in client.get(job.get_absolute_url()).content.decode()


def test_another_bkpsdm_admin_cannot_see_or_download_the_job(org, client, job):
    issue_accounts_task(job_id=str(job.pk))
    other = PegawaiFactory(jabatan=org.admin.jabatan)
    Pengguna.objects.filter(pk=other.akun_id).update(peran=Pengguna.Peran.ADMIN_BKPSDM)
    client.force_login(Pengguna.objects.get(pk=other.akun_id))

    page = client.get(job.get_absolute_url())
    download = client.post(reverse("organisasi:akun_download", args=[job.pk]))

    assert (page.status_code, download.status_code) == (404, 404)
    assert len(_private_files()) == 1


def test_a_reset_job_never_touches_a_special_account(
    org, django_capture_on_commit_callbacks
):
    Pengguna.objects.filter(pk=org.kepala.akun_id).update(is_superuser=True)
    before = dict(Pengguna.objects.values_list("pk", "password"))
    with django_capture_on_commit_callbacks(execute=False):
        job = services.start_issue_accounts(
            org.opd_a, by=org.admin.akun, reset_existing=True
        )

    issue_accounts_task(job_id=str(job.pk))

    after = dict(Pengguna.objects.values_list("pk", "password"))
    changed = {pk for pk in before if before[pk] != after[pk]}
    assert changed == {
        org.kabid.akun_id,
        org.kasi.akun_id,
        org.staf.akun_id,
        org.staf2.akun_id,
    }


def _run(org, unit, django_capture_on_commit_callbacks, **options):
    with django_capture_on_commit_callbacks(execute=False):
        job = services.start_issue_accounts(unit, by=org.admin.akun, **options)
    issue_accounts_task(job_id=str(job.pk))
    job.refresh_from_db()
    return job


def _sheets(job):
    book = load_workbook(io.BytesIO(services.take_account_workbook(job)))
    return {
        sheet.title: [row for row in sheet.iter_rows(min_row=2, values_only=True)]
        for sheet in book.worksheets
    }


def test_only_pegawai_without_an_account_get_a_one_time_password(
    org, client, django_capture_on_commit_callbacks
):
    newcomer = PegawaiFactory(jabatan=org.staf.jabatan, akun=None)

    sheets = _sheets(_run(org, org.seksi_a, django_capture_on_commit_callbacks))

    [(nip, _, _, _, password)] = sheets["Akun"]
    assert nip == newcomer.nip
    assert {(row[0], row[2]) for row in sheets["Dilewati"]} == {
        (org.kasi.nip, "sudah punya akun"),
        (org.staf.nip, "sudah punya akun"),
        (org.staf2.nip, "sudah punya akun"),
    }
    newcomer.refresh_from_db()
    assert (newcomer.akun.username, newcomer.akun.harus_ganti_password) == (
        newcomer.nip,
        True,
    )
    assert client.login(username=newcomer.nip, password=password) is True


def test_inactive_pegawai_get_no_account(org, django_capture_on_commit_callbacks):
    newcomer = PegawaiFactory(jabatan=org.staf.jabatan, akun=None, aktif=False)

    job = _run(org, org.seksi_a, django_capture_on_commit_callbacks)

    newcomer.refresh_from_db()
    assert (newcomer.akun, job.jumlah_diterbitkan) == (None, 0)


def test_an_unlinked_account_with_the_same_username_is_never_adopted(
    org, django_capture_on_commit_callbacks
):
    newcomer = PegawaiFactory(jabatan=org.staf.jabatan, akun=None)
    Pengguna.objects.create_superuser(newcomer.nip, "rahasia-lama-123", is_active=False)

    job = _run(org, org.seksi_a, django_capture_on_commit_callbacks)

    assert job.jumlah_diterbitkan == 0
    assert Pengguna.objects.get(username=newcomer.nip).is_active is False
    assert (
        Pengguna.objects.get(username=newcomer.nip).check_password("rahasia-lama-123")
        is True
    )


def test_a_reset_never_touches_the_requesters_own_account(
    org, django_capture_on_commit_callbacks
):
    Pengguna.objects.filter(pk=org.admin.akun_id).update(peran=Pengguna.Peran.PEGAWAI)
    org.admin.akun.refresh_from_db()
    before = Pengguna.objects.get(pk=org.admin.akun_id).password

    _run(org, org.opd_b, django_capture_on_commit_callbacks, reset_existing=True)

    assert Pengguna.objects.get(pk=org.admin.akun_id).password == before
