from django.apps import AppConfig
from django.core import checks

from core.checks import check_secret_key


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Inti"

    def ready(self):
        checks.register(check_secret_key, checks.Tags.security, deploy=True)
