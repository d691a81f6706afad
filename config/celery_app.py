import os

from celery import Celery
from celery.signals import worker_init

from core.checks import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("ekinerja")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def refuse_insecure_secret_key(**kwargs):
    """A worker signs nothing itself, but runs with the web's settings: refuse the same way."""
    require_secret_key()
