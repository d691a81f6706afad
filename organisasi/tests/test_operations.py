import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from config.celery_app import app as celery_app
from organisasi.models import Jabatan, Pegawai, Pengguna, UnitKerja

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parents[2]


def test_healthz_answers_200_when_database_and_broker_answer(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


def test_healthz_answers_503_when_the_broker_is_down(client, monkeypatch):
    monkeypatch.setattr(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["broker"].startswith("error")


def test_pages_carry_a_content_security_policy(client):
    response = client.get(reverse("login"))

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("organisasi:pegawai_list"))

    assert response.url.startswith(reverse("login"))


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "false", "SECRET_KEY": "x" * 20 + "-production-secret-" + "y" * 30,
        "ALLOWED_HOSTS": "ekinerja.samarindakota.go.id", "SECURE_SSL_REDIRECT": "true",
        "SECURE_HSTS_SECONDS": "31536000", "SECURE_HSTS_PRELOAD": "true",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    counts = _counts()

    call_command("seed_demo", stdout=open(os.devnull, "w"))

    assert _counts() == counts
    assert counts["pegawai"] >= 150


def test_seed_demo_builds_atasan_chains_four_levels_deep():
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    staff = Pegawai.objects.get(jabatan__kode="DLH-SAMPAH-1-KASI").bawahan.first()

    chain = []
    node = staff
    while node is not None:
        chain.append(node.jabatan.kode)
        node = node.atasan

    assert chain[1:] == ["DLH-SAMPAH-1-KASI", "DLH-SAMPAH-KABID", "DLH-KADIS", "SETDA-SEKDA"]


def test_seed_demo_has_one_account_per_role():
    call_command("seed_demo", stdout=open(os.devnull, "w"))

    peran = set(Pengguna.objects.values_list("peran", flat=True))

    assert peran == {"pegawai", "pengelola_opd", "admin_bkpsdm", "pimpinan"}
    assert UnitKerja.objects.filter(kode__in=["DINKES", "DISDIKBUD", "DLH", "BKPSDM", "BAPPERIDA"]).count() == 5
    assert UnitKerja.objects.filter(jenis="kelurahan", induk__jenis="kecamatan").count() >= 4


def _counts():
    return {
        "pegawai": Pegawai.objects.count(),
        "pegawai_history": Pegawai.history.count(),
        "jabatan_history": Jabatan.history.count(),
        "unit_history": UnitKerja.history.count(),
        "pengguna": Pengguna.objects.count(),
        "last_update": str(Pegawai.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()),
    }


def test_collectstatic_with_the_production_storage_succeeds(tmp_path):
    """Production serves hashed, compressed files: every reference inside vendored assets must resolve."""
    env = {**os.environ, "DEBUG": "false"}
    script = (
        "import django, os; django.setup();"
        "from django.conf import settings; settings.STATIC_ROOT = os.environ['ROOT'];"
        "from django.core.management import call_command; call_command('collectstatic', interactive=False, verbosity=0)"
    )

    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, env={**env, "ROOT": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True, text=True, timeout=180,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "staticfiles.json").exists()
