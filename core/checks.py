"""Start-up checks: production never runs on the development secret key."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MIN_SECRET_KEY_LENGTH = 50
SECRET_KEY_MESSAGE = (
    "SECRET_KEY wajib diisi dengan nilai acak minimal 50 karakter bila DEBUG=false "
    "(buat dengan: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
)


def insecure_secret_key() -> bool:
    """DEBUG is off and the key is the development default or too short to sign sessions safely."""
    key = settings.SECRET_KEY
    return not settings.DEBUG and (
        key == settings.DEV_SECRET_KEY or len(key) < MIN_SECRET_KEY_LENGTH
    )


def require_secret_key() -> None:
    """Called where a server process starts (wsgi, asgi, the Celery app): refuse to start."""
    if insecure_secret_key():
        raise ImproperlyConfigured(SECRET_KEY_MESSAGE)


def check_secret_key(app_configs, **kwargs):
    """`manage.py check --deploy` fails on the same condition (other commands still run, e.g. makemigrations)."""
    return (
        [checks.Error(SECRET_KEY_MESSAGE, id="core.E001")]
        if insecure_secret_key()
        else []
    )
