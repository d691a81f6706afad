import datetime

from django.urls import path, register_converter

from kinerja import views


class IsoDateConverter:
    """yyyy-mm-dd in the path, a date in the view; an impossible date does not match (404)."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(value) from None

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


register_converter(IsoDateConverter, "tanggal")

app_name = "kinerja"

urlpatterns = [
    path("", views.day, name="day"),
    path("hari/<tanggal:tanggal>/", views.day, name="day_of"),
    path("hari/<tanggal:tanggal>/salin/", views.day_copy, name="day_copy"),
    path("hari/<tanggal:tanggal>/ajukan/", views.day_submit, name="day_submit"),
    path("aktivitas/tambah/", views.aktivitas_create, name="aktivitas_create"),
    path("aktivitas/ajukan/", views.aktivitas_submit, name="aktivitas_submit"),
    path("aktivitas/<int:pk>/", views.aktivitas_detail, name="aktivitas_detail"),
    path("aktivitas/<int:pk>/ubah/", views.aktivitas_update, name="aktivitas_update"),
    path("aktivitas/<int:pk>/hapus/", views.aktivitas_delete, name="aktivitas_delete"),
    path("aktivitas/<int:pk>/salin/", views.aktivitas_copy, name="aktivitas_copy"),
    path(
        "aktivitas/<int:pk>/bukti/",
        views.aktivitas_bukti_add,
        name="aktivitas_bukti_add",
    ),
    path("minggu/", views.week, name="week"),
    path("minggu/<tanggal:tanggal>/", views.week, name="week_of"),
    path("minggu/<tanggal:tanggal>/salin/", views.week_copy, name="week_copy"),
    path("minggu/<tanggal:tanggal>/ajukan/", views.week_submit, name="week_submit"),
    path("bulan/", views.month, name="month"),
    path("bulan/<int:tahun>/<int:bulan>/", views.month, name="month_of"),
    path("bukti/<int:pk>/", views.bukti_download, name="bukti_download"),
    path("bukti/<int:pk>/hapus/", views.bukti_delete, name="bukti_delete"),
    path("tim/", views.team, name="team"),
    path("tim/putuskan/", views.team_decide, name="team_decide"),
    path("tim/<int:pk>/", views.team_review, name="team_review"),
    path("realisasi/", views.realisasi_list, name="realisasi_list"),
    path("realisasi/<int:pk>/", views.realisasi_period, name="realisasi_period"),
    path("realisasi/<int:pk>/ajukan/", views.realisasi_submit, name="realisasi_submit"),
    path(
        "realisasi/<int:pk>/iki/<int:iki>/", views.realisasi_save, name="realisasi_save"
    ),
    path(
        "realisasi/<int:pk>/pegawai/<int:pegawai>/",
        views.realisasi_period_of,
        name="realisasi_period_of",
    ),
    path(
        "realisasi/isian/<int:pk>/putuskan/",
        views.realisasi_decide,
        name="realisasi_decide",
    ),
    path("ekspor/", views.export, name="export"),
    path("ekspor/unit/", views.unit_export, name="unit_export"),
]
