import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db


def _start(env):
    code = "import config.wsgi"
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=60,
    )


def test_production_refuses_to_start_with_the_development_key():
    result = _start({"DEBUG": "false"})

    assert result.returncode != 0
    assert "SECRET_KEY wajib diisi" in result.stderr


def test_production_refuses_a_short_key():
    assert _start({"DEBUG": "false", "SECRET_KEY": "pendek"}).returncode != 0


def test_manage_check_fails_on_the_development_key_in_production():
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    with (
        override_settings(DEBUG=False),
        pytest.raises(SystemCheckError, match="core.E001"),
    ):
        call_command("check", deploy=True)


def test_production_starts_with_a_long_random_key():
    assert (
        _start({"DEBUG": "false", "SECRET_KEY": "k" * 30 + "Zx9_" * 10}).returncode == 0
    )


def test_signed_in_pages_are_never_cached(client, org):
    client.force_login(org.staf.akun)

    response = client.get("/")

    assert "no-store" in response["Cache-Control"]


def test_bad_request_and_server_error_pages_speak_indonesian(client):
    from django.template.loader import render_to_string

    assert "Permintaan tidak dapat diproses" in render_to_string("400.html")
    assert "Terjadi kesalahan pada sistem" in render_to_string("500.html")
    assert "Formulir tidak dapat dikirim" in render_to_string("403_csrf.html")


def test_csrf_failure_answers_in_indonesian(org):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(org.staf.akun)

    response = client.post("/accounts/kata-sandi/", {})

    assert (
        response.status_code,
        "Formulir tidak dapat dikirim" in response.content.decode(),
    ) == (403, True)
