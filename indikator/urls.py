from django.urls import path

from indikator import views

app_name = "indikator"

urlpatterns = [
    path("skp/", views.skp_list, name="skp_list"),
    path("skp/buat/", views.skp_create, name="skp_create"),
    path("skp/bawahan/", views.skp_bawahan, name="skp_bawahan"),
    path("skp/<int:pk>/", views.skp_detail, name="skp_detail"),
    path("skp/<int:pk>/ubah/", views.skp_update, name="skp_update"),
    path("skp/<int:pk>/rhk/tambah/", views.rhk_create, name="rhk_create"),
    path("rhk/<int:pk>/ubah/", views.rhk_update, name="rhk_update"),
    path("rhk/<int:pk>/hapus/", views.rhk_delete, name="rhk_delete"),
    path("rhk/<int:pk>/iki/tambah/", views.iki_create, name="iki_create"),
    path("iki/<int:pk>/ubah/", views.iki_update, name="iki_update"),
    path("iki/<int:pk>/hapus/", views.iki_delete, name="iki_delete"),
    path("skp/<int:pk>/ajukan/", views.skp_submit, name="skp_submit"),
    path("skp/<int:pk>/setujui/", views.skp_approve, name="skp_approve"),
    path("skp/<int:pk>/kembalikan/", views.skp_return, name="skp_return"),
    path("skp/<int:pk>/buka-kembali/", views.skp_reopen, name="skp_reopen"),
    path(
        "skp/<int:pk>/minta-revisi/",
        views.skp_request_revision,
        name="skp_request_revision",
    ),
    path("skp/<int:pk>/hapus/", views.skp_delete, name="skp_delete"),
    path(
        "skp/<int:pk>/salin-tahun-lalu/",
        views.skp_copy_forward,
        name="skp_copy_forward",
    ),
    path("skp/<int:pk>/ekspektasi/", views.ekspektasi_update, name="ekspektasi_update"),
    path("skp/<int:pk>/matriks/", views.matriks, name="matriks"),
    path("skp/<int:pk>/cetak/", views.skp_pdf, name="skp_pdf"),
    path("skp/<int:pk>/ekspor/", views.skp_export, name="skp_export"),
    path("skp/<int:pk>/impor/", views.skp_import, name="skp_import"),
    path("", views.indikator_list, name="indikator_list"),
    path("tambah/", views.indikator_create, name="indikator_create"),
    path("sasaran/tambah/", views.sasaran_create, name="sasaran_create"),
    path("impor/", views.indikator_import, name="indikator_import"),
    path("ekspor/", views.indikator_export, name="indikator_export"),
    path("<int:pk>/", views.indikator_detail, name="indikator_detail"),
    path("<int:pk>/ubah/", views.indikator_update, name="indikator_update"),
    path("<int:pk>/realisasi/", views.realisasi_save, name="realisasi_save"),
    path("periode/", views.periode_list, name="periode_list"),
    path("periode/tambah/", views.periode_create, name="periode_create"),
    path("periode/<int:pk>/", views.periode_detail, name="periode_detail"),
    path("periode/<int:pk>/ubah/", views.periode_update, name="periode_update"),
    path("periode/<int:pk>/kunci/", views.periode_lock, name="periode_lock"),
]
