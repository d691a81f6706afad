"""Answering a survey through its link, and importing paper responses."""

import io

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import Client
from django.urls import reverse

from core.imports import RowError
from organisasi.forms import TIKET_SALT, new_tiket
from organisasi.models import Jawaban, Responden, Survei
from organisasi.tests.factories import PertanyaanFactory, SurveiFactory, skm_survei

pytestmark = pytest.mark.django_db


def _form_data(survei, values, **extra):
    data = {
        f"p{p.pk}": v
        for p, v in zip(survei.pertanyaan_set.order_by("urutan"), values, strict=True)
    }
    data["tiket"] = new_tiket(survei)
    return {**data, **extra}


def _jawab_url(survei):
    return reverse("publik:jawab", args=[survei.token])


def test_citizen_answers_public_survey_without_login(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.get(_jawab_url(survei))

    response = client.post(
        _jawab_url(survei), _form_data(survei, ["4"] * 9, usia="20-29")
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("publik:terima_kasih", args=[survei.token])
    assert Responden.objects.get().usia == "20-29"
    assert Jawaban.objects.count() == 9


def test_second_submission_from_the_same_browser_is_refused_politely(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.get(_jawab_url(survei))
    client.post(_jawab_url(survei), _form_data(survei, ["4"] * 9))

    response = client.post(_jawab_url(survei), _form_data(survei, ["1"] * 9))

    assert "Anda sudah mengisi survei ini" in response.content.decode()
    assert Responden.objects.count() == 1


def test_visiting_the_answer_form_without_a_cookie_creates_no_session(org):
    survei = skm_survei(unit=org.bidang_a)

    for _ in range(5):
        response = Client().get(_jawab_url(survei))

    assert response.status_code == 200
    assert Session.objects.count() == 0
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_a_form_ticket_is_accepted_once_whatever_the_browser(org):
    survei = skm_survei(unit=org.bidang_a)
    tiket = Client().get(_jawab_url(survei)).context["form"].initial["tiket"]

    responses = [
        Client().post(_jawab_url(survei), _form_data(survei, ["4"] * 9, tiket=tiket))
        for _ in range(3)
    ]

    assert Responden.objects.count() == 1
    assert "Formulir ini sudah pernah dikirim" in responses[1].content.decode()
    assert "Formulir ini sudah pernah dikirim" in responses[2].content.decode()


def test_a_signed_ticket_without_a_nonce_is_refused(client, org):
    survei = skm_survei(unit=org.bidang_a)

    data = _form_data(
        survei, ["4"] * 9, tiket=signing.dumps(survei.pk, salt=TIKET_SALT)
    )
    response = client.post(_jawab_url(survei), data)

    assert "Formulir kedaluwarsa atau tidak sah" in response.content.decode()
    assert Responden.objects.count() == 0


def test_answer_outside_the_scale_is_refused_and_nothing_is_stored(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.get(_jawab_url(survei))

    response = client.post(_jawab_url(survei), _form_data(survei, ["7"] + ["4"] * 8))

    assert response.status_code == 200
    assert "Periksa kembali jawaban" in response.content.decode()
    assert Responden.objects.count() == 0


def test_missing_required_answer_is_refused_with_an_indonesian_message(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.get(_jawab_url(survei))

    response = client.post(_jawab_url(survei), _form_data(survei, [""] + ["4"] * 8))

    assert "Bidang ini tidak boleh kosong" in response.content.decode()
    assert Responden.objects.count() == 0


def test_form_ticket_of_another_survey_is_refused(client, org):
    survei, other = skm_survei(unit=org.bidang_a), skm_survei(unit=org.bidang_a)
    client.get(_jawab_url(survei))
    data = _form_data(survei, ["4"] * 9, tiket=new_tiket(other))

    response = client.post(_jawab_url(survei), data)

    assert "Formulir ini bukan milik survei ini" in response.content.decode()
    assert Responden.objects.count() == 0


def test_forged_ticket_is_refused(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.get(_jawab_url(survei))

    response = client.post(
        _jawab_url(survei), _form_data(survei, ["4"] * 9, tiket="palsu")
    )

    assert "Formulir kedaluwarsa atau tidak sah" in response.content.decode()
    assert Responden.objects.count() == 0


def test_unknown_survey_token_answers_404_politely(client):
    response = client.get(reverse("publik:jawab", args=["token-tebakan"]))

    assert response.status_code == 404
    assert "Tautan survei tidak dikenal" in response.content.decode()


def test_honeypot_submission_is_thanked_but_not_stored(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.get(_jawab_url(survei))

    response = client.post(
        _jawab_url(survei),
        _form_data(survei, ["4"] * 9, situs_web="http://spam.example"),
    )

    assert response.status_code == 302
    assert Responden.objects.count() == 0


def test_closed_survey_says_so_politely(client, org):
    survei = skm_survei(unit=org.bidang_a, status=Survei.Status.DITUTUP)

    response = client.get(_jawab_url(survei))

    assert response.status_code == 200
    assert "sedang tidak menerima jawaban" in response.content.decode()


def test_internal_survey_sends_anonymous_visitors_to_login(client, org):
    survei = SurveiFactory(unit=org.opd_a, internal=True)

    response = client.get(_jawab_url(survei))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_internal_survey_is_answered_once_per_asn_account(client, org):
    survei = skm_survei(unit=org.opd_a, internal=True)
    client.force_login(org.staf.akun)
    client.get(_jawab_url(survei))

    client.post(_jawab_url(survei), _form_data(survei, ["3"] * 9))
    response = client.post(_jawab_url(survei), _form_data(survei, ["1"] * 9))

    assert Responden.objects.count() == 1
    assert "Anda sudah mengisi survei ini" in response.content.decode()


def test_internal_survey_is_closed_to_asn_of_other_opd(client, org):
    survei = SurveiFactory(unit=org.opd_a, internal=True)
    client.force_login(org.staf_b.akun)

    response = client.get(_jawab_url(survei))

    assert response.status_code == 403


def _csv(text, name="jawaban.csv"):
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


def test_import_of_good_rows_stores_every_respondent(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.force_login(org.pengelola.akun)
    header = "usia,jenis_kelamin,pendidikan,pekerjaan,layanan," + ",".join(
        f"P{n}" for n in range(1, 10)
    )
    rows = [
        "20-29,P,sma,swasta,Angkut sampah," + ",".join(["3"] * 9),
        ",,,,," + ",".join(["4"] * 9),
    ]

    response = client.post(
        reverse("organisasi:survei_import", args=[survei.pk]),
        {"berkas": _csv("\n".join([header, *rows]))},
    )

    assert response.status_code == 302
    assert Responden.objects.filter(sumber=Responden.Sumber.IMPOR).count() == 2
    assert Jawaban.objects.count() == 18


def test_import_with_a_bad_row_stores_nothing_and_names_the_row(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.force_login(org.pengelola.akun)
    header = "usia,jenis_kelamin,pendidikan,pekerjaan,layanan," + ",".join(
        f"P{n}" for n in range(1, 10)
    )
    rows = [",,,,," + ",".join(["3"] * 9), "99,X,,,," + ",".join(["5"] + ["3"] * 8)]

    response = client.post(
        reverse("organisasi:survei_import", args=[survei.pk]),
        {"berkas": _csv("\n".join([header, *rows]))},
    )

    assert response.context["result"].errors == [
        RowError(3, "P1", "Jawaban harus berupa angka bulat 1 sampai 4."),
        RowError(
            3, "jenis_kelamin", "nilai “X” tidak dikenal (pilih salah satu: L, P)."
        ),
        RowError(
            3,
            "usia",
            "nilai “99” tidak dikenal (pilih salah satu: <20, 20-29, 30-39, 40-49, 50+).",
        ),
    ]
    assert Responden.objects.count() == 0


def test_import_without_question_columns_is_refused(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("organisasi:survei_import", args=[survei.pk]),
        {"berkas": _csv("usia\n20-29")},
    )

    assert response.context["result"].errors[0].message.startswith("Kolom P1, P2")
    assert Responden.objects.count() == 0


def test_import_template_round_trips_through_the_importer(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.force_login(org.pengelola.akun)
    template = client.get(
        reverse("organisasi:survei_import_template", args=[survei.pk])
    ).content
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(template))
    book["Jawaban"].append(["30-39", "L", "", "", ""] + [2] * 9)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "isi.xlsx"

    client.post(
        reverse("organisasi:survei_import", args=[survei.pk]), {"berkas": buffer}
    )

    assert Responden.objects.get().jenis_kelamin == "L"


def _import(client, survei, upload):
    return client.post(
        reverse("organisasi:survei_import", args=[survei.pk]), {"berkas": upload}
    )


def test_importing_the_same_file_twice_is_refused_and_adds_nobody(client, org):
    survei = SurveiFactory(unit=org.bidang_a)
    PertanyaanFactory(survei=survei, urutan=1)
    client.force_login(org.pengelola.akun)

    _import(client, survei, _csv("usia,P1\n20-29,4\n30-39,5\n"))
    response = _import(
        client, survei, _csv("usia,P1\n20-29,4\n30-39,5\n", name="salinan.csv")
    )

    assert Responden.objects.filter(survei=survei).count() == 2
    assert "sudah pernah diimpor" in response.content.decode()
    assert survei.imporresponden_set.get().jumlah_responden == 2


def test_the_same_file_may_be_imported_into_another_survey(client, org):
    first, second = SurveiFactory(unit=org.bidang_a), SurveiFactory(unit=org.bidang_a)
    PertanyaanFactory(survei=first, urutan=1)
    PertanyaanFactory(survei=second, urutan=1)
    client.force_login(org.pengelola.akun)

    _import(client, first, _csv("P1\n4\n"))
    _import(client, second, _csv("P1\n4\n"))

    assert Responden.objects.count() == 2


def test_import_refuses_a_file_over_5_mb_before_reading_it(client, org):
    survei = SurveiFactory(unit=org.bidang_a)
    PertanyaanFactory(survei=survei, urutan=1)
    client.force_login(org.pengelola.akun)

    response = _import(client, survei, _csv("P1\n" + "4\n" * 3_000_000))

    assert "Berkas terlalu besar (maksimal 5 MB)." in response.content.decode()
    assert Responden.objects.count() == 0


def test_import_refuses_more_than_5000_rows(client, org):
    survei = SurveiFactory(unit=org.bidang_a)
    PertanyaanFactory(survei=survei, urutan=1)
    client.force_login(org.pengelola.akun)

    response = _import(client, survei, _csv("P1\n" + "4\n" * 5001))

    assert "paling banyak 5.000 baris per berkas" in response.content.decode()
    assert Responden.objects.count() == 0


def test_import_refuses_a_file_named_xlsx_that_is_not_excel(client, org):
    survei = SurveiFactory(unit=org.bidang_a)
    PertanyaanFactory(survei=survei, urutan=1)
    client.force_login(org.pengelola.akun)

    response = _import(client, survei, _csv("P1\n4\n", name="jawaban.xlsx"))

    assert "Berkas harus berformat Excel .xlsx atau .csv." in response.content.decode()
