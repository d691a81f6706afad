"""Test-only URLconf until config/urls.py mounts kinerja (the lead adds the same line there)."""

from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [*project_urlpatterns, path("kinerja/", include("kinerja.urls"))]
