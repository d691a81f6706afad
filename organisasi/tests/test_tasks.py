import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from organisasi.models import Pegawai
from organisasi.tasks import refresh_atasan_task

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_refresh_atasan_task_repairs_a_wrong_atasan(org):
    Pegawai.objects.filter(pk=org.staf.pk).update(atasan=org.kepala_b)

    changed = refresh_atasan_task()

    org.staf.refresh_from_db()
    assert (changed, org.staf.atasan) == (1, org.kasi)


@pytest.mark.django_db
def test_refresh_atasan_task_run_twice_is_harmless(org):
    Pegawai.objects.filter(pk=org.staf.pk).update(atasan=None)

    results = [refresh_atasan_task(), refresh_atasan_task()]

    assert results == [1, 0]


def _database_url_for_worker():
    """The URL of the database this test runs on (the test database), for a worker process."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host, port = settings.get("HOST") or "127.0.0.1", settings.get("PORT") or 5432
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgres://{settings['USER']}{password}@{host}:{port}/{settings['NAME']}"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_real_worker_on_redis_runs_the_refresh_task(org, tmp_path):
    if not os.environ.get("REDIS_URL"):
        pytest.skip(
            "REDIS_URL tidak diset: uji worker Celery sungguhan butuh Redis (.ci/run menyetelnya)."
        )
    Pegawai.objects.filter(pk=org.staf.pk).update(atasan=None)
    env = {
        **os.environ,
        "DATABASE_URL": _database_url_for_worker(),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    log = open(tmp_path / "worker.log", "w")
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        refresh_atasan_task.delay(pegawai_ids=[org.staf.pk])
        atasan_id = None
        for _ in range(60):
            atasan_id = (
                Pegawai.objects.filter(pk=org.staf.pk)
                .values_list("atasan_id", flat=True)
                .get()
            )
            if atasan_id is not None:
                break
            time.sleep(0.5)
    finally:
        worker.terminate()
        worker.wait(timeout=20)
        log.close()

    assert atasan_id == org.kasi.pk, (tmp_path / "worker.log").read_text()[-2000:]
