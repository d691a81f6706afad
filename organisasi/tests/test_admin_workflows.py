"""The admin does not bypass organisasi's workflows: answers, imported files and states stay as the services left them."""

import pytest
from django.urls import reverse

from organisasi.models import (
    ImporResponden,
    Jawaban,
    Kebutuhan,
    Pertanyaan,
    Responden,
    Survei,
)
from organisasi.tests.factories import (
    KebutuhanFactory,
    SurveiFactory,
    answer,
    skm_survei,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("pemelihara", "rahasia-uji-123")
    )
    return client


@pytest.fixture
def answered(org):
    survei = skm_survei(unit=org.opd_a)
    return survei, answer(survei, [4] * 9)


def test_an_answer_cannot_be_changed_in_the_admin(root, answered):
    _, responden = answered
    jawaban = responden.jawaban_set.first()
    url = reverse("admin:organisasi_jawaban_change", args=[jawaban.pk])

    page = root.get(url)
    posted = root.post(
        url,
        {
            "responden": responden.pk,
            "pertanyaan": jawaban.pertanyaan_id,
            "nilai": "1",
            "teks": "",
        },
    )

    jawaban.refresh_from_db()
    assert 'name="nilai"' not in page.content.decode()
    assert (posted.status_code, jawaban.nilai) == (403, 4)


@pytest.mark.parametrize("model", ["jawaban", "responden", "imporresponden"])
def test_answers_and_imported_files_cannot_be_added_in_the_admin(root, model):
    assert root.get(reverse(f"admin:organisasi_{model}_add")).status_code == 403


def test_a_respondent_cannot_be_changed_in_the_admin(root, answered):
    _, responden = answered

    response = root.post(
        reverse("admin:organisasi_responden_change", args=[responden.pk]),
        {"usia": "<20"},
    )

    responden.refresh_from_db()
    assert (response.status_code, responden.usia) == (403, "")


def test_a_respondent_of_an_answered_survey_cannot_be_deleted_in_the_admin(
    root, answered
):
    _, responden = answered

    single = root.post(
        reverse("admin:organisasi_responden_delete", args=[responden.pk]),
        {"post": "yes"},
    )
    root.post(
        reverse("admin:organisasi_responden_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [responden.pk],
            "post": "yes",
        },
    )

    assert single.status_code == 403
    assert Responden.objects.filter(pk=responden.pk).exists() is True
    assert Jawaban.objects.filter(responden=responden).count() == 9


def test_an_answer_cannot_be_deleted_in_the_admin(root, answered):
    _, responden = answered
    jawaban = responden.jawaban_set.first()

    response = root.post(
        reverse("admin:organisasi_jawaban_delete", args=[jawaban.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Jawaban.objects.filter(pk=jawaban.pk).exists() is True


def test_an_answered_survey_cannot_be_deleted_in_the_admin(root, answered):
    survei, _ = answered

    single = root.post(
        reverse("admin:organisasi_survei_delete", args=[survei.pk]), {"post": "yes"}
    )
    root.post(
        reverse("admin:organisasi_survei_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [survei.pk],
            "post": "yes",
        },
    )

    assert single.status_code == 403
    assert Survei.objects.filter(pk=survei.pk).exists() is True


def test_an_unanswered_survey_can_still_be_deleted_in_the_admin(root, org):
    survei = SurveiFactory(unit=org.opd_a)

    root.post(
        reverse("admin:organisasi_survei_delete", args=[survei.pk]), {"post": "yes"}
    )

    assert Survei.objects.filter(pk=survei.pk).exists() is False


def test_an_answered_question_cannot_be_deleted_in_the_admin(root, answered):
    survei, _ = answered
    pertanyaan = survei.pertanyaan_set.first()

    response = root.post(
        reverse("admin:organisasi_pertanyaan_delete", args=[pertanyaan.pk]),
        {"post": "yes"},
    )

    assert response.status_code == 403
    assert Pertanyaan.objects.filter(pk=pertanyaan.pk).exists() is True


def test_the_questions_of_an_answered_survey_cannot_be_deleted_inline(root, answered):
    survei, _ = answered

    page = root.get(
        reverse("admin:organisasi_survei_change", args=[survei.pk])
    ).content.decode()

    assert 'name="pertanyaan_set-0-DELETE"' not in page


def test_an_imported_file_record_is_read_only_and_kept_in_the_admin(root, org):
    survei = SurveiFactory(unit=org.opd_a)
    record = ImporResponden.objects.create(
        survei=survei, sha256="a" * 64, nama_berkas="kertas.xlsx", jumlah_responden=3
    )

    changed = root.post(
        reverse("admin:organisasi_imporresponden_change", args=[record.pk]), {}
    )
    deleted = root.post(
        reverse("admin:organisasi_imporresponden_delete", args=[record.pk]),
        {"post": "yes"},
    )

    assert (changed.status_code, deleted.status_code) == (403, 403)
    assert ImporResponden.objects.filter(pk=record.pk).exists() is True


def _survei_post(survei, **changes):
    data = {
        "unit": survei.unit_id,
        "judul": survei.judul,
        "program": survei.program,
        "periode": survei.periode,
        "jenis": survei.jenis,
        "target_responden": "150",
        "tanggal_buka": str(survei.tanggal_buka),
        "tanggal_tutup": str(survei.tanggal_tutup),
        "mode_bobot": survei.mode_bobot,
        "pertanyaan_set-TOTAL_FORMS": "0",
        "pertanyaan_set-INITIAL_FORMS": "0",
        "pertanyaan_set-MIN_NUM_FORMS": "0",
        "pertanyaan_set-MAX_NUM_FORMS": "1000",
        **changes,
    }
    return data


def test_survey_status_is_read_only_in_the_admin(root, org):
    survei = SurveiFactory(unit=org.opd_a, status=Survei.Status.DRAF)
    url = reverse("admin:organisasi_survei_change", args=[survei.pk])

    page = root.get(url).content.decode()
    root.post(url, _survei_post(survei, status=Survei.Status.DIBUKA))

    survei.refresh_from_db()
    assert 'name="status"' not in page
    assert survei.status == Survei.Status.DRAF


def test_survey_kind_cannot_change_in_the_admin_once_created(root, org):
    survei = SurveiFactory(unit=org.opd_a, jenis=Survei.Jenis.KHUSUS)

    page = root.get(
        reverse("admin:organisasi_survei_change", args=[survei.pk])
    ).content.decode()

    assert 'name="jenis"' not in page


def test_need_status_is_read_only_in_the_admin(root, org):
    kebutuhan = KebutuhanFactory(unit=org.opd_a)
    url = reverse("admin:organisasi_kebutuhan_change", args=[kebutuhan.pk])

    page = root.get(url).content.decode()
    root.post(
        url,
        {
            "judul": kebutuhan.judul,
            "unit": org.opd_a.pk,
            "sumber": kebutuhan.sumber,
            "deskripsi": "x",
            "prioritas": "sedang",
            "status": Kebutuhan.Status.SELESAI,
            "bukti": "",
        },
    )

    kebutuhan.refresh_from_db()
    assert 'name="status"' not in page
    assert kebutuhan.status == Kebutuhan.Status.TERBUKA


def test_a_past_state_cannot_be_restored_from_the_admin_history(root, org):
    from organisasi import services

    kebutuhan = KebutuhanFactory(unit=org.opd_a)
    services.change_kebutuhan_status(kebutuhan, status=Kebutuhan.Status.DITINDAKLANJUTI)
    first = kebutuhan.history.order_by("history_date").first()
    url = reverse(
        "admin:organisasi_kebutuhan_simple_history",
        args=[kebutuhan.pk, first.history_id],
    )

    response = root.post(
        url,
        {
            "judul": kebutuhan.judul,
            "unit": org.opd_a.pk,
            "sumber": kebutuhan.sumber,
            "deskripsi": "x",
            "prioritas": "sedang",
            "bukti": "",
        },
    )

    kebutuhan.refresh_from_db()
    assert response.status_code == 403
    assert kebutuhan.status == Kebutuhan.Status.DITINDAKLANJUTI
