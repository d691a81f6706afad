from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from beranda import views as beranda_views
from core import views as core_views
from organisasi import views as organisasi_views
from organisasi.forms import LoginForm

admin.site.site_header = "e-Kinerja Samarinda – Administrasi Data"
admin.site.site_title = "e-Kinerja Samarinda"
admin.site.index_title = "Pemeliharaan data"

urlpatterns = [
    path("", beranda_views.beranda, name="beranda"),
    path("healthz", core_views.healthz, name="healthz"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/kata-sandi/", organisasi_views.password_change, name="password_change"
    ),
    path("organisasi/", include("organisasi.urls")),
    path("indikator/", include("indikator.urls")),
    path("kinerja/", include("kinerja.urls")),
    path("s/", include("organisasi.urls_publik")),
    path("admin/", admin.site.urls),
]
