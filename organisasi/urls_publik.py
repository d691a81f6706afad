"""Public survey links (`/s/<token>/`): no login, only the answer form."""

from django.urls import path

from organisasi import views

app_name = "publik"

urlpatterns = [
    path("<str:token>/", views.jawab, name="jawab"),
    path("<str:token>/terima-kasih/", views.terima_kasih, name="terima_kasih"),
]
