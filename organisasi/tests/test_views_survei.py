import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import Client
from django.urls import reverse

from organisasi import queries_survei, services_survei, spreadsheets_survei
from organisasi.forms_survei import TIKET_SALT, new_tiket
from organisasi.models import Jawaban, Kebutuhan, Pengguna, Pertanyaan, Responden, Survei
from organisasi.tests.factories_survei import KebutuhanFactory, PertanyaanFactory, SurveiFactory, answer, skm_survei

pytestmark = pytest.mark.django_db

ROLES = ["admin", "pimpinan", "pengelola", "staf", "staf_b", "pengelola_b"]

# view → (url name, kind of object, method, expected status per role in ROLES order)
TABLE = {
    "survei_list": ("survei_list", None, "get", (200, 200, 200, 403, 403, 200)),
    "survei_create": ("survei_create", None, "get", (200, 403, 200, 403, 403, 200)),
    "survei_detail": ("survei_detail", "survei", "get", (200, 200, 200, 404, 404, 404)),
    "survei_update": ("survei_update", "survei", "get", (200, 403, 200, 404, 404, 404)),
    "pertanyaan_create": ("pertanyaan_create", "survei", "post", (200, 403, 200, 404, 404, 404)),
    "pertanyaan_update": ("pertanyaan_update", "pertanyaan", "get", (200, 403, 200, 404, 404, 404)),
    "pertanyaan_delete": ("pertanyaan_delete", "pertanyaan", "post", (302, 403, 302, 404, 404, 404)),
    "survei_hasil": ("survei_hasil", "survei", "get", (200, 200, 200, 404, 404, 404)),
    "survei_laporan": ("survei_laporan", "survei", "get", (200, 200, 200, 404, 404, 404)),
    "survei_export": ("survei_export", "survei", "get", (200, 200, 200, 404, 404, 404)),
    "survei_import": ("survei_import", "survei", "get", (200, 403, 200, 404, 404, 404)),
    "survei_import_template": ("survei_import_template", "survei", "get", (200, 403, 200, 404, 404, 404)),
    "kebutuhan_list": ("kebutuhan_list", None, "get", (200, 200, 200, 200, 200, 200)),
    "kebutuhan_create": ("kebutuhan_create", None, "get", (200, 403, 200, 403, 403, 200)),
    "kebutuhan_detail": ("kebutuhan_detail", "kebutuhan", "get", (200, 200, 200, 200, 404, 404)),
    "kebutuhan_update": ("kebutuhan_update", "kebutuhan", "get", (200, 403, 200, 403, 404, 404)),
    "kebutuhan_status": ("kebutuhan_status", "kebutuhan", "post", (302, 403, 302, 403, 404, 404)),
}
CASES = [
    pytest.param(view, role, expected[index], id=f"{view}-{role}")
    for view, (_, _, _, expected) in TABLE.items()
    for index, role in enumerate(ROLES)
]


def _user(org, role):
    if role == "pengelola_b":  # pengelola of the other OPD
        org.kepala_b.akun.peran = Pengguna.Peran.PENGELOLA_OPD
        org.kepala_b.akun.opd_dikelola = org.opd_b
        org.kepala_b.akun.save()
        return org.kepala_b.akun
    return org.pimpinan if role == "pimpinan" else getattr(org, role).akun


def _url(org, name, kind):
    survei = skm_survei(unit=org.bidang_a)
    objects = {
        "survei": [survei.pk],
        "pertanyaan": [survei.pk, survei.pertanyaan_set.first().pk],
        "kebutuhan": [KebutuhanFactory(unit=org.seksi_a).pk],
        None: [],
    }
    return reverse(f"organisasi:{name}", args=objects[kind])


@pytest.mark.parametrize(("view", "role", "expected"), CASES)
def test_survey_and_need_views_follow_the_permission_table(client, org, view, role, expected):
    name, kind, method, _ = TABLE[view]
    url = _url(org, name, kind)
    client.force_login(_user(org, role))

    response = getattr(client, method)(url, {"status": "ditindaklanjuti"} if name == "kebutuhan_status" else {})

    assert response.status_code == expected


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
        "judul": "SKM Pengangkutan Sampah", "unit": org.bidang_a.pk, "program": "Pengangkutan sampah",
        "periode": "Semester I 2026", "jenis": "skm", "target_responden": 150, "tanggal_buka": "2026-01-01",
        "tanggal_tutup": "2026-06-30", "status": "dibuka", "mode_bobot": "eksak",
    }

    response = client.post(reverse("organisasi:survei_create"), data)

    survei = Survei.objects.get()
    assert response.status_code == 302
    assert survei.pertanyaan_set.count() == 9
    assert survei.dibuat_oleh == org.pengelola.akun
    assert len(survei.token) >= 32


def test_pengelola_cannot_create_a_survey_for_another_opd(client, org):
    client.force_login(org.pengelola.akun)

    response = client.post(reverse("organisasi:survei_create"), {"unit": org.opd_b.pk, "judul": "X"})

    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert Survei.objects.count() == 0


def test_pertanyaan_create_over_htmx_returns_the_question_list(client, org):
    survei = SurveiFactory(unit=org.bidang_a, status=Survei.Status.DRAF)
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("organisasi:pertanyaan_create", args=[survei.pk]),
        {"teks": "Apakah sampah diangkut tepat waktu?", "tipe": "ya_tidak", "wajib": "on"},
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

    response = client.get(reverse("organisasi:survei_hasil", args=[survei.pk]), headers={"HX-Request": "true"})

    assert response.content.lstrip().startswith(b'<div id="hasil"')
    assert b"100,00" in response.content


def test_survei_hasil_page_query_count_does_not_grow_with_responses(client, org, django_assert_num_queries):
    few, many = skm_survei(unit=org.bidang_a), skm_survei(unit=org.bidang_a)
    answer(few, [3] * 9)
    for index in range(30):
        answer(many, [1 + index % 4] * 9)
    client.force_login(org.pengelola.akun)
    client.get(reverse("organisasi:survei_hasil", args=[few.pk]))  # warm the session and user caches

    with django_assert_num_queries(12) as few_queries:
        client.get(reverse("organisasi:survei_hasil", args=[few.pk]))
    with django_assert_num_queries(len(few_queries)):
        client.get(reverse("organisasi:survei_hasil", args=[many.pk]))


# --- answering -----------------------------------------------------------------


def _form_data(survei, values, **extra):
    data = {f"p{p.pk}": v for p, v in zip(survei.pertanyaan_set.order_by("urutan"), values, strict=True)}
    data["tiket"] = new_tiket(survei)
    return {**data, **extra}


def _jawab_url(survei):
    return reverse("publik:jawab", args=[survei.token])


def test_citizen_answers_public_survey_without_login(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.get(_jawab_url(survei))

    response = client.post(_jawab_url(survei), _form_data(survei, ["4"] * 9, usia="20-29"))

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

    responses = [Client().post(_jawab_url(survei), _form_data(survei, ["4"] * 9, tiket=tiket)) for _ in range(3)]

    assert Responden.objects.count() == 1
    assert "Formulir ini sudah pernah dikirim" in responses[1].content.decode()
    assert "Formulir ini sudah pernah dikirim" in responses[2].content.decode()


def test_a_signed_ticket_without_a_nonce_is_refused(client, org):
    survei = skm_survei(unit=org.bidang_a)

    data = _form_data(survei, ["4"] * 9, tiket=signing.dumps(survei.pk, salt=TIKET_SALT))
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

    response = client.post(_jawab_url(survei), _form_data(survei, ["4"] * 9, tiket="palsu"))

    assert "Formulir kedaluwarsa atau tidak sah" in response.content.decode()
    assert Responden.objects.count() == 0


def test_unknown_survey_token_answers_404_politely(client):
    response = client.get(reverse("publik:jawab", args=["token-tebakan"]))

    assert response.status_code == 404
    assert "Tautan survei tidak dikenal" in response.content.decode()


def test_honeypot_submission_is_thanked_but_not_stored(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.get(_jawab_url(survei))

    response = client.post(_jawab_url(survei), _form_data(survei, ["4"] * 9, situs_web="http://spam.example"))

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

    assert Responden.objects.get().akun_hash == services_survei.account_fingerprint(org.staf.akun)
    assert "Anda sudah mengisi survei ini" in response.content.decode()


def test_internal_survey_form_says_truthfully_what_is_recorded(client, org):
    survei = SurveiFactory(unit=org.opd_a, internal=True)
    PertanyaanFactory(survei=survei, tipe=Pertanyaan.Tipe.TEKS)
    client.force_login(org.staf.akun)

    page = client.get(_jawab_url(survei)).content.decode()

    assert "Identitas Anda tidak dicatat" not in page
    assert "hanya sidik akun tersandi yang dicatat" in page


def test_responden_admin_does_not_show_the_asn_account(admin_client, org):
    survei = SurveiFactory(unit=org.opd_a, internal=True)
    responden = Responden.objects.create(survei=survei, akun_hash="x" * 64)

    page = admin_client.get(reverse("admin:organisasi_responden_change", args=[responden.pk])).content.decode()

    assert 'name="pengguna"' not in page and "akun ASN" not in page


def test_internal_survey_is_closed_to_asn_of_other_opd(client, org):
    survei = SurveiFactory(unit=org.opd_a, internal=True)
    client.force_login(org.staf_b.akun)

    response = client.get(_jawab_url(survei))

    assert response.status_code == 403


# --- import ------------------------------------------------------------------------


def _csv(text, name="jawaban.csv"):
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


def test_import_of_good_rows_stores_every_respondent(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.force_login(org.pengelola.akun)
    header = "usia,jenis_kelamin,pendidikan,pekerjaan,layanan," + ",".join(f"P{n}" for n in range(1, 10))
    rows = ["20-29,P,sma,swasta,Angkut sampah," + ",".join(["3"] * 9), ",,,,," + ",".join(["4"] * 9)]

    response = client.post(
        reverse("organisasi:survei_import", args=[survei.pk]), {"berkas": _csv("\n".join([header, *rows]))}
    )

    assert response.status_code == 302
    assert Responden.objects.filter(sumber=Responden.Sumber.IMPOR).count() == 2
    assert Jawaban.objects.count() == 18


def test_import_with_a_bad_row_stores_nothing_and_names_the_row(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.force_login(org.pengelola.akun)
    header = "usia,jenis_kelamin,pendidikan,pekerjaan,layanan," + ",".join(f"P{n}" for n in range(1, 10))
    rows = [",,,,," + ",".join(["3"] * 9), "99,X,,,," + ",".join(["5"] + ["3"] * 8)]

    response = client.post(
        reverse("organisasi:survei_import", args=[survei.pk]), {"berkas": _csv("\n".join([header, *rows]))}
    )

    assert response.context["errors"] == [
        (3, "usia: nilai “99” tidak dikenal (pilih salah satu: <20, 20-29, 30-39, 40-49, 50+)."),
        (3, "jenis_kelamin: nilai “X” tidak dikenal (pilih salah satu: L, P)."),
        (3, "P1: Jawaban harus berupa angka bulat 1 sampai 4."),
    ]
    assert Responden.objects.count() == 0


def test_import_without_question_columns_is_refused(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.force_login(org.pengelola.akun)

    response = client.post(reverse("organisasi:survei_import", args=[survei.pk]), {"berkas": _csv("usia\n20-29")})

    assert response.context["errors"][0][1].startswith("Kolom tidak ditemukan: P1, P2")
    assert Responden.objects.count() == 0


def test_import_template_round_trips_through_the_importer(client, org):
    survei = skm_survei(unit=org.bidang_a)
    client.force_login(org.pengelola.akun)
    template = client.get(reverse("organisasi:survei_import_template", args=[survei.pk])).content
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(template))
    book["Jawaban"].append(["30-39", "L", "", "", ""] + [2] * 9)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "isi.xlsx"

    client.post(reverse("organisasi:survei_import", args=[survei.pk]), {"berkas": buffer})

    assert Responden.objects.get().jenis_kelamin == "L"


# --- needs -----------------------------------------------------------------------


def test_weakest_unsur_becomes_a_prefilled_need(client, org):
    survei = skm_survei(unit=org.bidang_a)
    answer(survei, [3, 3, 1, 3, 3, 3, 3, 3, 3])
    weakest = survei.pertanyaan_set.get(urutan=3)
    client.force_login(org.pengelola.akun)
    url = reverse("organisasi:kebutuhan_create") + f"?survei={survei.pk}&pertanyaan={weakest.pk}"
    form = client.get(url).context["form"]
    data = {key: value for key, value in form.initial.items() if value is not None}
    data["unit"] = org.bidang_a.pk

    response = client.post(url, data)

    kebutuhan = Kebutuhan.objects.get()
    assert response.status_code == 302
    assert kebutuhan.pertanyaan == weakest
    assert kebutuhan.survei == survei
    assert kebutuhan.sumber == Kebutuhan.Sumber.TEMUAN_SURVEI
    assert "Waktu Penyelesaian: NRR 1,00" in kebutuhan.bukti


def test_need_from_a_survey_of_another_opd_is_hidden(client, org):
    survei = skm_survei(unit=org.opd_b)
    client.force_login(org.pengelola.akun)
    url = reverse("organisasi:kebutuhan_create") + f"?survei={survei.pk}&pertanyaan={survei.pertanyaan_set.first().pk}"

    assert client.get(url).status_code == 404


def test_asn_sees_only_needs_of_their_unit_and_above(client, org):
    own = KebutuhanFactory(unit=org.seksi_a, judul="Seksi")
    above = KebutuhanFactory(unit=org.opd_a, judul="Dinas")
    KebutuhanFactory(unit=org.opd_b, judul="Lain")
    client.force_login(org.staf.akun)

    response = client.get(reverse("organisasi:kebutuhan_list"))

    assert sorted(k.judul for k in response.context["page"]) == sorted([own.judul, above.judul])


def test_need_list_htmx_request_gets_only_the_results(client, org):
    KebutuhanFactory(unit=org.opd_a, judul="Armada kurang")
    client.force_login(org.admin.akun)

    response = client.get(reverse("organisasi:kebutuhan_list"), {"q": "armada"}, headers={"HX-Request": "true"})

    assert b"Armada kurang" in response.content
    assert b"<html" not in response.content


def test_need_status_change_is_recorded_in_history(client, org):
    kebutuhan = KebutuhanFactory(unit=org.opd_a)
    client.force_login(org.pengelola.akun)

    client.post(reverse("organisasi:kebutuhan_status", args=[kebutuhan.pk]), {"status": "ditindaklanjuti"})

    record = kebutuhan.history.latest()
    assert record.status == "ditindaklanjuti"
    assert record.history_user == org.pengelola.akun


def test_need_list_query_count_does_not_grow_with_rows(client, org, django_assert_num_queries):
    client.force_login(org.admin.akun)
    KebutuhanFactory(unit=org.opd_a, pemilik=org.staf)
    client.get(reverse("organisasi:kebutuhan_list"))
    with django_assert_num_queries(6) as one:
        client.get(reverse("organisasi:kebutuhan_list"))
    KebutuhanFactory(unit=org.opd_a, pemilik=org.kasi)
    KebutuhanFactory(unit=org.opd_b, pemilik=org.staf_b)

    with django_assert_num_queries(len(one)):
        client.get(reverse("organisasi:kebutuhan_list"))


def test_need_without_links_lists_empty_answers_per_linking_model(org):
    kebutuhan = KebutuhanFactory(unit=org.opd_a)

    assert all(objects == [] for _, objects in kebutuhan.answered_by(org.pengelola.akun))


@pytest.mark.parametrize(
    "model", ["survei", "pertanyaan", "responden", "jawaban", "kebutuhan", "mutupelayanan", "unsurskm"]
)
def test_admin_lists_survey_and_need_models(client, org, model):
    survei = skm_survei(unit=org.bidang_a)
    answer(survei, [3] * 9)
    KebutuhanFactory(unit=org.opd_a)
    client.force_login(org.admin.akun.__class__.objects.create_superuser("root", "rahasia-uji-123"))

    response = client.get(reverse(f"admin:organisasi_{model}_changelist"))

    assert response.status_code == 200


def test_pertanyaan_update_refuses_inconsistent_weights_on_the_form_keeping_the_input(client, org):
    survei = skm_survei(unit=org.bidang_a)
    pertanyaan = survei.pertanyaan_set.order_by("urutan").first()
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("organisasi:pertanyaan_update", args=[survei.pk, pertanyaan.pk]),
        {"teks": pertanyaan.teks, "unsur": pertanyaan.unsur, "tipe": pertanyaan.tipe, "wajib": "on", "bobot": "0.5"},
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

    page = client.get(reverse("organisasi:survei_hasil", args=[survei.pk])).content.decode()

    assert "Bobot khusus per unsur" in page and "Eksak" not in page
    assert "IKM dibulatkan setengah ke atas ke 2 desimal" in page


def test_results_page_says_why_there_is_no_ikm(client, org):
    survei = skm_survei(unit=org.bidang_a)
    survei.pertanyaan_set.update(bobot=Decimal("0.5"))
    answer(survei, [4] * 9)
    client.force_login(org.pengelola.akun)

    page = client.get(reverse("organisasi:survei_hasil", args=[survei.pk])).content.decode()

    assert "IKM tidak dihitung" in page


def test_results_workbook_carries_the_weight_label_and_rounding_rule(org):
    from openpyxl import load_workbook

    survei = skm_survei(unit=org.bidang_a, mode_bobot=Survei.ModeBobot.LITERAL)
    answer(survei, [4] * 9)
    hasil = queries_survei.compute_hasil(survei)

    sheet = load_workbook(io.BytesIO(spreadsheets_survei.hasil_workbook(hasil)))["Ringkasan"]

    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert values["Bobot unsur"] == hasil.bobot_label
    assert values["Pembulatan"] == queries_survei.PEMBULATAN


@pytest.mark.parametrize(("jenis", "shows_dasar"), [(Survei.Jenis.SKM, True), (Survei.Jenis.KHUSUS, False)])
def test_report_names_the_skm_regulation_only_for_skm_surveys(org, jenis, shows_dasar):
    from django.template.loader import render_to_string

    survei = skm_survei(unit=org.bidang_a) if jenis == Survei.Jenis.SKM else SurveiFactory(unit=org.bidang_a)
    answer(survei, [4] * 9)
    hasil = queries_survei.compute_hasil(survei)

    html = render_to_string("organisasi/survei_laporan.html", {"hasil": hasil, "survei": survei,
                                                               "pembulatan": queries_survei.PEMBULATAN})

    assert ("PANRB Nomor 14 Tahun 2017" in html) is shows_dasar
    assert (queries_survei.PEMBULATAN in html) is shows_dasar  # stated wherever an IKM is reported


def test_editing_an_answered_question_keeps_its_type_and_results(client, org):
    survei = SurveiFactory(unit=org.bidang_a)
    pertanyaan = PertanyaanFactory(survei=survei, tipe=Pertanyaan.Tipe.LIKERT)
    answer(survei, [5])
    answer(survei, [3])
    client.force_login(org.pengelola.akun)
    url = reverse("organisasi:pertanyaan_update", args=[survei.pk, pertanyaan.pk])

    form = client.get(url).context["form"]
    client.post(url, {"teks": "Baru?", "unsur": "", "tipe": "ya_tidak", "pilihan": "", "wajib": "on"})

    assert form.fields["tipe"].disabled and form.fields["pilihan"].disabled and form.fields["bobot"].disabled
    pertanyaan.refresh_from_db()
    assert pertanyaan.tipe == Pertanyaan.Tipe.LIKERT and pertanyaan.teks == "Baru?"
    assert queries_survei.compute_hasil(survei).pertanyaan[0].rata == 4


def _import(client, survei, upload):
    return client.post(reverse("organisasi:survei_import", args=[survei.pk]), {"berkas": upload})


def test_importing_the_same_file_twice_is_refused_and_adds_nobody(client, org):
    survei = SurveiFactory(unit=org.bidang_a)
    PertanyaanFactory(survei=survei, urutan=1)
    client.force_login(org.pengelola.akun)

    _import(client, survei, _csv("usia,P1\n20-29,4\n30-39,5\n"))
    response = _import(client, survei, _csv("usia,P1\n20-29,4\n30-39,5\n", name="salinan.csv"))

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


# --- previous period -----------------------------------------------------------------


def test_results_leave_out_a_previous_survey_of_another_opd_the_reader_cannot_see(client, org):
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

    choices = client.get(reverse("organisasi:survei_update", args=[mine.pk])).context["form"]
    offered = set(choices.fields["survei_sebelumnya"].queryset)

    assert own in offered and other not in offered and mine not in offered


def test_survey_form_refuses_a_previous_survey_of_another_unit(client, org):
    seksi = skm_survei(unit=org.seksi_a, periode="2025")
    client.force_login(org.pengelola.akun)
    data = {
        "judul": "SKM", "unit": org.bidang_a.pk, "program": "P", "periode": "2026", "jenis": "skm",
        "target_responden": 150, "tanggal_buka": "2026-01-01", "tanggal_tutup": "2026-06-30", "status": "draf",
        "mode_bobot": "eksak", "survei_sebelumnya": seksi.pk,
    }

    response = client.post(reverse("organisasi:survei_create"), data)

    assert "unit kerja yang sama" in str(response.context["form"].errors["survei_sebelumnya"])
    assert Survei.objects.count() == 1


# --- needs: penanggung jawab and list queries ------------------------------------------


def _kebutuhan_data(org, **extra):
    data = {"judul": "Armada", "unit": org.bidang_a.pk, "sumber": "evaluasi_program", "deskripsi": "Kurang.",
            "prioritas": "sedang", "pemilik_nip": "", "bukti": ""}
    return {**data, **extra}


def test_need_form_takes_the_penanggung_jawab_by_nip_instead_of_listing_every_pegawai(client, org):
    client.force_login(org.admin.akun)

    form = client.get(reverse("organisasi:kebutuhan_create")).context["form"]
    client.post(reverse("organisasi:kebutuhan_create"), _kebutuhan_data(org, pemilik_nip=org.kasi.nip))

    assert "pemilik" not in form.fields and "pemilik_nip" in form.fields
    assert Kebutuhan.objects.get().pemilik == org.kasi


def test_need_form_refuses_a_penanggung_jawab_of_another_opd(client, org):
    client.force_login(org.admin.akun)

    response = client.post(reverse("organisasi:kebutuhan_create"), _kebutuhan_data(org, pemilik_nip=org.staf_b.nip))

    assert "perangkat daerah unit kerja ini" in str(response.context["form"].errors["pemilik_nip"])
    assert not Kebutuhan.objects.exists()


def test_survey_list_query_count_does_not_grow_with_rows(client, org, django_assert_num_queries):
    client.force_login(org.admin.akun)
    answer(skm_survei(unit=org.bidang_a), [4] * 9)
    client.get(reverse("organisasi:survei_list"))
    with django_assert_num_queries(6) as one:
        client.get(reverse("organisasi:survei_list"))
    for unit in (org.seksi_a, org.opd_b, org.opd_a):
        answer(skm_survei(unit=unit), [3] * 9)

    with django_assert_num_queries(len(one)):
        client.get(reverse("organisasi:survei_list"))


# --- unsur weights set together on the survey form -------------------------------------


def _survei_data(survei, **extra):
    data = {
        "judul": survei.judul, "unit": survei.unit_id, "program": survei.program, "periode": survei.periode,
        "target_responden": 150, "tanggal_buka": str(survei.tanggal_buka), "tanggal_tutup": str(survei.tanggal_tutup),
        "status": survei.status, "mode_bobot": survei.mode_bobot,
    }
    return {**data, **extra}


def test_survey_form_sets_every_unsur_weight_at_once(client, org):
    survei = skm_survei(unit=org.bidang_a)
    unsur = list(survei.pertanyaan_set.order_by("urutan"))
    weights = {f"bobot_{p.pk}": ("0,2" if p.urutan == 1 else "0,1") for p in unsur}
    client.force_login(org.pengelola.akun)

    response = client.post(reverse("organisasi:survei_update", args=[survei.pk]), _survei_data(survei, **weights))

    assert response.status_code == 302
    assert [p.bobot for p in survei.pertanyaan_set.order_by("urutan")] == [Decimal("0.2")] + [Decimal("0.1")] * 8


def test_survey_form_refuses_weights_not_summing_to_one_and_keeps_the_input(client, org):
    survei = skm_survei(unit=org.bidang_a)
    weights = {f"bobot_{p.pk}": "0,5" for p in survei.pertanyaan_set.all()}
    client.force_login(org.pengelola.akun)

    response = client.post(reverse("organisasi:survei_update", args=[survei.pk]), _survei_data(survei, **weights))

    form = response.context["form"]
    assert "Jumlah bobot semua unsur SKM harus 1" in str(form.non_field_errors())
    assert form[next(iter(weights))].value() == "0,5"
    assert not survei.pertanyaan_set.filter(bobot__isnull=False).exists()


def test_survey_form_locks_the_weights_of_answered_unsur(client, org):
    survei = skm_survei(unit=org.bidang_a)
    answer(survei, [4] * 9)
    client.force_login(org.pengelola.akun)

    form = client.get(reverse("organisasi:survei_update", args=[survei.pk])).context["form"]

    assert all(form.fields[f"bobot_{p.pk}"].disabled for p in survei.pertanyaan_set.all())
