"""Celery tasks: thin doors into organisasi's services (ids in, one service called)."""

import logging

from celery import shared_task

from organisasi import services
from organisasi.models import PenerbitanAkun

logger = logging.getLogger(__name__)


@shared_task
def refresh_atasan_task(pegawai_ids=None):
    changed = services.refresh_atasan(pegawai_ids=pegawai_ids)
    logger.info("refresh_atasan: %s pegawai changed atasan", changed)
    return changed


# One PBKDF2 hash per account (0,2–0,5 s): the whole city (~15.000) is about two hours, more
# than the project-wide 25-minute soft limit.
ISSUE_ACCOUNTS_LIMIT = 3 * 60 * 60


@shared_task(
    soft_time_limit=ISSUE_ACCOUNTS_LIMIT, time_limit=ISSUE_ACCOUNTS_LIMIT + 300
)
def issue_accounts_task(*, job_id: str) -> None:
    """Issue the accounts of one "Terbitkan akun" job (services.run_issue_accounts)."""
    job = (
        PenerbitanAkun.objects.select_related("unit", "diminta_oleh")
        .filter(pk=job_id)
        .first()
    )
    if job is None:
        logger.info("issue_accounts: job %s is gone", job_id)
        return
    services.run_issue_accounts(job)


@shared_task
def delete_expired_account_workbooks_task() -> int:
    """Hourly: one-time-password workbooks older than an hour are deleted."""
    deleted = services.delete_expired_account_workbooks()
    logger.info("delete_expired_account_workbooks: %s files deleted", deleted)
    return deleted


@shared_task
def reshuffle_participations_task() -> int:
    """Nightly: internal-survey participations lose the row order that followed the answers."""
    count = services.reshuffle_participations()
    logger.info("reshuffle_participations: %s rows rewritten", count)
    return count
