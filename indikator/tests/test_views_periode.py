import pytest
from django.urls import reverse

from indikator.models import Periode
from indikator.tests.factories import periode

pytestmark = pytest.mark.django_db


def test_periode_create_is_for_bkpsdm_only(client, org):
    client.force_login(org.pengelola.akun)

    assert (
        client.post(
            reverse("indikator:periode_create"), {"tahun": 2030, "skema": "bulanan"}
        ).status_code
        == 403
    )


def test_periode_create_by_bkpsdm_makes_the_months(client, org):
    client.force_login(org.admin.akun)

    client.post(
        reverse("indikator:periode_create"), {"tahun": 2030, "skema": "bulanan"}
    )

    assert periode(2030).periodepenilaian_set.count() == 12


def test_periode_update_changes_a_quarter_deadline(client, org):
    year = periode()
    quarters = list(year.periodepenilaian_set.all())
    data = {
        "skema": "triwulanan",
        "batas_penetapan_skp": "2026-01-31",
        "alasan": "",
        "form-TOTAL_FORMS": "4",
        "form-INITIAL_FORMS": "4",
    }
    for i, q in enumerate(quarters):
        data.update(
            {
                f"form-{i}-id": q.pk,
                f"form-{i}-batas_realisasi": q.batas_realisasi.isoformat(),
                f"form-{i}-batas_evaluasi": q.batas_evaluasi.isoformat(),
            }
        )
    data["form-0-batas_evaluasi"] = "2026-04-20"
    client.force_login(org.admin.akun)

    response = client.post(reverse("indikator:periode_update", args=[year.pk]), data)

    assert response.status_code == 302
    assert str(year.periodepenilaian_set.get(nomor=1).batas_evaluasi) == "2026-04-20"


def test_periode_update_of_a_locked_year_without_reason_is_refused(client, org):
    year = periode()
    year.terkunci = True
    year.save()
    client.force_login(org.admin.akun)

    response = client.post(
        reverse("indikator:periode_update", args=[year.pk]),
        {
            "skema": "bulanan",
            "batas_penetapan_skp": "2026-01-31",
            "alasan": "",
            "form-TOTAL_FORMS": "0",
            "form-INITIAL_FORMS": "0",
        },
    )

    assert "Periode terkunci: tuliskan alasan perubahan." in response.content.decode()
    assert year.periodepenilaian_set.count() == 4


def test_unlocking_a_periode_without_a_reason_shows_the_error_at_the_field(client, org):
    year = periode()
    Periode.objects.filter(pk=year.pk).update(terkunci=True)
    client.force_login(org.admin.akun)

    response = client.post(
        reverse("indikator:periode_lock", args=[year.pk]),
        {"terkunci": "0", "alasan": ""},
    )

    assert response.status_code == 200
    assert response.context["lock_form"].errors["alasan"] == [
        "Tuliskan alasan membuka kunci periode."
    ]
    assert Periode.objects.get(pk=year.pk).terkunci is True
