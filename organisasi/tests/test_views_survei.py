"""The survey builder and results pages."""

from decimal import Decimal

import pytest
from django.urls import reverse

from organisasi import queries
from organisasi.models import Pertanyaan, Survei
from organisasi.tests.factories import (
    PertanyaanFactory,
    SurveiFactory,
    answer,
    skm_survei,
)

pytestmark = pytest.mark.django_db


def test_survey_list_sends_anonymous_visitors_to_login(client):
    response = client.get(reverse("organisasi:survei_list"))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_survei_laporan_is_a_pdf(client, org):
    survei = skm_survei(unit=org.bidang_a)
    answer(survei, [3] * 9)
    client.force_login(org.pengelola.akun)

    response = client.get(reverse("organisasi:survei_laporan", args=[survei.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_create_skm_survey_adds_nine_unsur(client, org):
    client.force_login(org.pengelola.akun)
    data = {
        "judul": "SKM Pengangkutan Sampah",
        "unit": org.bidang_a.pk,
        "program": "Pengangkutan sampah",
        "periode": "Semester I 2026",
        "jenis": "skm",
        "target_responden": 150,
        "tanggal_buka": "2026-01-01",
        "tanggal_tutup": "2026-06-30",
        "status": "dibuka",
        "mode_bobot": "eksak",
    }

    response = client.post(reverse("organisasi:survei_create"), data)

    survei = Survei.objects.get()
    assert response.status_code == 302
    assert survei.pertanyaan_set.count() == 9
    assert survei.dibuat_oleh == org.pengelola.akun
    assert len(survei.token) >= 32


def test_pengelola_cannot_create_a_survey_for_another_opd(client, org):
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("organisasi:survei_create"), {"unit": org.opd_b.pk, "judul": "X"}
    )

    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert Survei.objects.count() == 0


def test_pertanyaan_create_over_htmx_returns_the_question_list(client, org):
    survei = SurveiFactory(unit=org.bidang_a, status=Survei.Status.DRAF)
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("organisasi:pertanyaan_create", args=[survei.pk]),
        {
            "teks": "Apakah sampah diangkut tepat waktu?",
            "tipe": "ya_tidak",
            "wajib": "on",
        },
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert b'id="pertanyaan"' in response.content
    assert b"<html" not in response.content
    assert survei.pertanyaan_set.get().urutan == 1


def test_survei_hasil_htmx_request_gets_only_the_results_fragment(client, org):
    survei = skm_survei(unit=org.bidang_a)
    answer(survei, [4] * 9)
    client.force_login(org.pengelola.akun)

    response = client.get(
        reverse("organisasi:survei_hasil", args=[survei.pk]),
        headers={"HX-Request": "true"},
    )

    assert response.content.lstrip().startswith(b'<div id="hasil"')
    assert b"100,00" in response.content


def test_survei_hasil_page_query_count_does_not_grow_with_responses(
    client, org, django_assert_num_queries
):
    few, many = skm_survei(unit=org.bidang_a), skm_survei(unit=org.bidang_a)
    answer(few, [3] * 9)
    for index in range(30):
        answer(many, [1 + index % 4] * 9)
    client.force_login(org.pengelola.akun)
    client.get(
        reverse("organisasi:survei_hasil", args=[few.pk])
    )  # warm the session and user caches

    with django_assert_num_queries(12) as few_queries:
        client.get(reverse("organisasi:survei_hasil", args=[few.pk]))
    with django_assert_num_queries(len(few_queries)):
        client.get(reverse("organisasi:survei_hasil", args=[many.pk]))


def test_pertanyaan_update_refuses_inconsistent_weights_on_the_form_keeping_the_input(
    client, org
):
    survei = skm_survei(unit=org.bidang_a)
    pertanyaan = survei.pertanyaan_set.order_by("urutan").first()
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("organisasi:pertanyaan_update", args=[survei.pk, pertanyaan.pk]),
        {
            "teks": pertanyaan.teks,
            "unsur": pertanyaan.unsur,
            "tipe": pertanyaan.tipe,
            "wajib": "on",
            "bobot": "0.5",
        },
    )

    assert response.status_code == 200
    assert "bobot" in response.context["form"].errors
    assert response.context["form"]["bobot"].value() == "0.5"
    pertanyaan.refresh_from_db()
    assert pertanyaan.bobot is None


def test_results_page_states_custom_weights_and_rounding(client, org):
    survei = skm_survei(unit=org.bidang_a)
    survei.pertanyaan_set.update(bobot=Decimal("0.1111"))
    survei.pertanyaan_set.filter(urutan=9).update(bobot=Decimal("0.1112"))
    answer(survei, [4] * 9)
    client.force_login(org.pengelola.akun)

    page = client.get(
        reverse("organisasi:survei_hasil", args=[survei.pk])
    ).content.decode()

    assert "Bobot khusus per unsur" in page and "Eksak" not in page
    assert "IKM dibulatkan setengah ke atas ke 2 desimal" in page


def test_results_page_says_why_there_is_no_ikm(client, org):
    survei = skm_survei(unit=org.bidang_a)
    survei.pertanyaan_set.update(bobot=Decimal("0.5"))
    answer(survei, [4] * 9)
    client.force_login(org.pengelola.akun)

    page = client.get(
        reverse("organisasi:survei_hasil", args=[survei.pk])
    ).content.decode()

    assert "IKM tidak dihitung" in page


def test_editing_an_answered_question_keeps_its_type_and_results(client, org):
    survei = SurveiFactory(unit=org.bidang_a)
    pertanyaan = PertanyaanFactory(survei=survei, tipe=Pertanyaan.Tipe.LIKERT)
    answer(survei, [5])
    answer(survei, [3])
    client.force_login(org.pengelola.akun)
    url = reverse("organisasi:pertanyaan_update", args=[survei.pk, pertanyaan.pk])

    form = client.get(url).context["form"]
    client.post(
        url,
        {
            "teks": "Baru?",
            "unsur": "",
            "tipe": "ya_tidak",
            "pilihan": "",
            "wajib": "on",
        },
    )

    assert (
        form.fields["tipe"].disabled
        and form.fields["pilihan"].disabled
        and form.fields["bobot"].disabled
    )
    pertanyaan.refresh_from_db()
    assert pertanyaan.tipe == Pertanyaan.Tipe.LIKERT and pertanyaan.teks == "Baru?"
    assert queries.compute_hasil(survei).pertanyaan[0].rata == 4


def test_results_leave_out_a_previous_survey_of_another_opd_the_reader_cannot_see(
    client, org
):
    other = skm_survei(unit=org.opd_b, periode="2025")
    answer(other, [1] * 9)
    mine = skm_survei(unit=org.bidang_a, survei_sebelumnya=other)  # linked by an admin
    answer(mine, [4] * 9)
    client.force_login(org.pengelola.akun)

    response = client.get(reverse("organisasi:survei_hasil", args=[mine.pk]))

    assert response.context["hasil"].sebelumnya is None
    assert "25,00" not in response.content.decode()


def test_results_compare_with_a_visible_previous_survey(client, org):
    lalu = skm_survei(unit=org.bidang_a, periode="2025")
    answer(lalu, [2] * 9)
    kini = skm_survei(unit=org.bidang_a, survei_sebelumnya=lalu)
    answer(kini, [3] * 9)
    client.force_login(org.pengelola.akun)

    response = client.get(reverse("organisasi:survei_hasil", args=[kini.pk]))

    assert response.context["hasil"].selisih_ikm == Decimal("25.00")


def test_survey_form_offers_only_managed_surveys_as_previous_period(client, org):
    other = skm_survei(unit=org.opd_b, periode="2025")
    own = skm_survei(unit=org.bidang_a, periode="2025")
    mine = skm_survei(unit=org.bidang_a)
    client.force_login(org.pengelola.akun)

    choices = client.get(reverse("organisasi:survei_update", args=[mine.pk])).context[
        "form"
    ]
    offered = set(choices.fields["survei_sebelumnya"].queryset)

    assert own in offered and other not in offered and mine not in offered


def test_survey_form_refuses_a_previous_survey_of_another_unit(client, org):
    seksi = skm_survei(unit=org.seksi_a, periode="2025")
    client.force_login(org.pengelola.akun)
    data = {
        "judul": "SKM",
        "unit": org.bidang_a.pk,
        "program": "P",
        "periode": "2026",
        "jenis": "skm",
        "target_responden": 150,
        "tanggal_buka": "2026-01-01",
        "tanggal_tutup": "2026-06-30",
        "status": "draf",
        "mode_bobot": "eksak",
        "survei_sebelumnya": seksi.pk,
    }

    response = client.post(reverse("organisasi:survei_create"), data)

    assert "unit kerja yang sama" in str(
        response.context["form"].errors["survei_sebelumnya"]
    )
    assert Survei.objects.count() == 1


def test_survey_list_query_count_does_not_grow_with_rows(
    client, org, django_assert_num_queries
):
    client.force_login(org.admin.akun)
    answer(skm_survei(unit=org.bidang_a), [4] * 9)
    client.get(reverse("organisasi:survei_list"))
    with django_assert_num_queries(6) as one:
        client.get(reverse("organisasi:survei_list"))
    for unit in (org.seksi_a, org.opd_b, org.opd_a):
        answer(skm_survei(unit=unit), [3] * 9)

    with django_assert_num_queries(len(one)):
        client.get(reverse("organisasi:survei_list"))


def _survei_data(survei, **extra):
    data = {
        "judul": survei.judul,
        "unit": survei.unit_id,
        "program": survei.program,
        "periode": survei.periode,
        "target_responden": 150,
        "tanggal_buka": str(survei.tanggal_buka),
        "tanggal_tutup": str(survei.tanggal_tutup),
        "status": survei.status,
        "mode_bobot": survei.mode_bobot,
    }
    return {**data, **extra}


def test_survey_form_sets_every_unsur_weight_at_once(client, org):
    survei = skm_survei(unit=org.bidang_a)
    unsur = list(survei.pertanyaan_set.order_by("urutan"))
    weights = {f"bobot_{p.pk}": ("0,2" if p.urutan == 1 else "0,1") for p in unsur}
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("organisasi:survei_update", args=[survei.pk]),
        _survei_data(survei, **weights),
    )

    assert response.status_code == 302
    assert [p.bobot for p in survei.pertanyaan_set.order_by("urutan")] == [
        Decimal("0.2")
    ] + [Decimal("0.1")] * 8


def test_survey_form_refuses_weights_not_summing_to_one_and_keeps_the_input(
    client, org
):
    survei = skm_survei(unit=org.bidang_a)
    weights = {f"bobot_{p.pk}": "0,5" for p in survei.pertanyaan_set.all()}
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("organisasi:survei_update", args=[survei.pk]),
        _survei_data(survei, **weights),
    )

    form = response.context["form"]
    assert "Jumlah bobot semua unsur SKM harus 1" in str(form.non_field_errors())
    assert form[next(iter(weights))].value() == "0,5"
    assert not survei.pertanyaan_set.filter(bobot__isnull=False).exists()


def test_survey_form_locks_the_weights_of_answered_unsur(client, org):
    survei = skm_survei(unit=org.bidang_a)
    answer(survei, [4] * 9)
    client.force_login(org.pengelola.akun)

    form = client.get(reverse("organisasi:survei_update", args=[survei.pk])).context[
        "form"
    ]

    assert all(
        form.fields[f"bobot_{p.pk}"].disabled for p in survei.pertanyaan_set.all()
    )
