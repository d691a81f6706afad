from django.apps import AppConfig


class IndikatorConfig(AppConfig):
    name = "indikator"
    verbose_name = "Indikator dan SKP"
