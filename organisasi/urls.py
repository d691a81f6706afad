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
    path("pegawai/<int:pk>/nonaktifkan/", views.pegawai_deactivate, name="pegawai_deactivate"),
    path("akun/terbitkan/", views.akun_issue, name="akun_issue"),
]
