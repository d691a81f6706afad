import logging

from celery import shared_task

from organisasi import services

logger = logging.getLogger(__name__)


@shared_task
def refresh_atasan_task(pegawai_ids=None):
    changed = services.refresh_atasan(pegawai_ids=pegawai_ids)
    logger.info("refresh_atasan: %s pegawai changed atasan", changed)
    return changed
