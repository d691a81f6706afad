from django.urls import path

from organisasi import views

app_name = "organisasi"

urlpatterns = [
    path("unit/", views.unit_list, name="unit_list"),
    path("unit/tambah/", views.unit_create, name="unit_create"),
    path("unit/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("unit/<int:pk>/ubah/", views.unit_update, name="unit_update"),
    path("jabatan/", views.jabatan_list, name="jabatan_list"),
    path("jabatan/tambah/", views.jabatan_create, name="jabatan_create"),
    path("jabatan/<int:pk>/ubah/", views.jabatan_update, name="jabatan_update"),
    path("pegawai/", views.pegawai_list, name="pegawai_list"),
    path("pegawai/tambah/", views.pegawai_create, name="pegawai_create"),
    path("pegawai/<int:pk>/", views.pegawai_detail, name="pegawai_detail"),
    path("pegawai/<int:pk>/ubah/", views.pegawai_update, name="pegawai_update"),
    path("pegawai/<int:pk>/atasan/", views.pegawai_atasan, name="pegawai_atasan"),
    path(
        "pegawai/<int:pk>/nonaktifkan/",
        views.pegawai_deactivate,
        name="pegawai_deactivate",
    ),
    path("akun/terbitkan/", views.akun_issue, name="akun_issue"),
    path("akun/terbitkan/<uuid:pk>/", views.akun_job, name="akun_job"),
    path("akun/terbitkan/<uuid:pk>/unduh/", views.akun_download, name="akun_download"),
    # surveys, their results and answers, the needs register
    path("survei/", views.survei_list, name="survei_list"),
    path("survei/tambah/", views.survei_create, name="survei_create"),
    path("survei/<int:pk>/", views.survei_detail, name="survei_detail"),
    path("survei/<int:pk>/ubah/", views.survei_update, name="survei_update"),
    path(
        "survei/<int:pk>/pertanyaan/tambah/",
        views.pertanyaan_create,
        name="pertanyaan_create",
    ),
    path(
        "survei/<int:pk>/pertanyaan/<int:pertanyaan_pk>/ubah/",
        views.pertanyaan_update,
        name="pertanyaan_update",
    ),
    path(
        "survei/<int:pk>/pertanyaan/<int:pertanyaan_pk>/hapus/",
        views.pertanyaan_delete,
        name="pertanyaan_delete",
    ),
    path("survei/<int:pk>/hasil/", views.survei_hasil, name="survei_hasil"),
    path("survei/<int:pk>/hasil/unduh/", views.survei_export, name="survei_export"),
    path("survei/<int:pk>/hasil/laporan/", views.survei_laporan, name="survei_laporan"),
    path("survei/<int:pk>/impor/", views.survei_import, name="survei_import"),
    path(
        "survei/<int:pk>/impor/templat/",
        views.survei_import_template,
        name="survei_import_template",
    ),
    path("kebutuhan/", views.kebutuhan_list, name="kebutuhan_list"),
    path("kebutuhan/tambah/", views.kebutuhan_create, name="kebutuhan_create"),
    path("kebutuhan/<int:pk>/", views.kebutuhan_detail, name="kebutuhan_detail"),
    path("kebutuhan/<int:pk>/ubah/", views.kebutuhan_update, name="kebutuhan_update"),
    path("kebutuhan/<int:pk>/status/", views.kebutuhan_status, name="kebutuhan_status"),
]
