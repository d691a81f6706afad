"""Public survey links (`/s/<token>/`): no login, only the answer form."""

from django.urls import path

from organisasi import views_survei

app_name = "publik"

urlpatterns = [
    path("<str:token>/", views_survei.jawab, name="jawab"),
    path("<str:token>/terima-kasih/", views_survei.terima_kasih, name="terima_kasih"),
]
