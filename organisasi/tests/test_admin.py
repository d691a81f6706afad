import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from organisasi.models import Pegawai, Responden
from organisasi.tests.factories import (
    KebutuhanFactory,
    SurveiFactory,
    answer,
    skm_survei,
)

pytestmark = pytest.mark.django_db

CSV_FORMAT = "1"  # IMPORT_EXPORT_FORMATS = [XLSX, CSV]


def upload(client, content):
    return client.post(
        reverse("admin:organisasi_pegawai_import"),
        {
            "import_file": SimpleUploadedFile(
                "pegawai.csv", content.encode(), content_type="text/csv"
            ),
            "format": CSV_FORMAT,
        },
    )


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("pemelihara", "rahasia-uji-123")
    )
    return client


def test_admin_import_with_bad_rows_lists_each_one_and_imports_nothing(
    org, superuser_client
):
    before = Pegawai.objects.count()
    content = (
        "NIP,Nama,Status,Golongan,Kode Jabatan,Kode Unit\n"
        "196608011988031001,Amir,PNS,IV/a,A-STAF,\n"
        "1.97E+17,Bunga,PNS,III/a,A-STAF,\n"
        "196608011988031002,Citra,PNS,III/a,TIDAK-ADA,\n"
    )

    response = upload(superuser_client, content)

    body = response.content.decode()
    assert Pegawai.objects.count() == before
    assert "tersimpan sebagai angka" in body
    assert "Kode jabatan &quot;TIDAK-ADA&quot; tidak dikenal." in body
    assert 'name="import_file_name"' not in body  # no confirm step offered


def test_admin_import_of_a_good_file_offers_confirmation_then_imports(
    org, superuser_client
):
    content = "NIP,Nama,Status,Golongan,Kode Jabatan,Kode Unit\n196608011988031001,Amir,PNS,IV/a,A-STAF,\n"
    preview = upload(superuser_client, content)
    confirm_form = preview.context["confirm_form"]

    superuser_client.post(
        reverse("admin:organisasi_pegawai_process_import"),
        {
            **confirm_form.initial,
            "resource": confirm_form.initial.get("resource", "0"),
        },
    )

    amir = Pegawai.objects.get(nip="196608011988031001")
    assert amir.atasan == org.kasi


def test_admin_changelists_open_for_every_organisasi_model(org, superuser_client):
    for model in ["unitkerja", "jabatan", "pegawai", "pengguna"]:
        assert (
            superuser_client.get(
                reverse(f"admin:organisasi_{model}_changelist")
            ).status_code
            == 200
        )


def test_admin_cannot_change_how_an_answered_question_is_scored(org, superuser_client):
    survei = skm_survei(unit=org.opd_a)
    answer(survei, [4] * 9)
    pertanyaan = survei.pertanyaan_set.first()

    body = superuser_client.get(
        reverse("admin:organisasi_pertanyaan_change", args=[pertanyaan.pk])
    ).content.decode()

    assert 'name="tipe"' not in body and 'name="bobot"' not in body
    assert 'name="teks"' in body


def test_admin_survey_page_shows_answered_questions_scoring_read_only(
    org, superuser_client
):
    survei = skm_survei(unit=org.opd_a)
    answer(survei, [4] * 9)

    response = superuser_client.get(
        reverse("admin:organisasi_survei_change", args=[survei.pk])
    )

    assert response.status_code == 200
    assert 'name="pertanyaan_set-0-tipe"' not in response.content.decode()


def test_bkpsdm_staff_cannot_make_themselves_superuser_in_the_admin(org, client):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Admin BKPSDM uji")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="organisasi")
    )
    account = org.admin.akun
    account.is_staff = True
    account.save()
    account.groups.add(group)
    client.force_login(account)

    body = client.get(
        reverse("admin:organisasi_pengguna_change", args=[account.pk])
    ).content.decode()

    assert 'name="is_superuser"' not in body and 'name="groups"' not in body


def test_pegawai_cannot_be_deleted_in_the_admin(org, superuser_client):
    response = superuser_client.get(
        reverse("admin:organisasi_pegawai_delete", args=[org.staf.pk])
    )

    assert response.status_code == 403


def test_responden_admin_does_not_show_the_asn_account(admin_client, org):
    survei = SurveiFactory(unit=org.opd_a, internal=True)
    responden = Responden.objects.create(survei=survei)

    page = admin_client.get(
        reverse("admin:organisasi_responden_change", args=[responden.pk])
    ).content.decode()

    assert 'name="pengguna"' not in page and "akun ASN" not in page


@pytest.mark.parametrize(
    "model",
    [
        "survei",
        "pertanyaan",
        "responden",
        "jawaban",
        "kebutuhan",
        "mutupelayanan",
        "unsurskm",
    ],
)
def test_admin_lists_survey_and_need_models(client, org, model):
    survei = skm_survei(unit=org.bidang_a)
    answer(survei, [3] * 9)
    KebutuhanFactory(unit=org.opd_a)
    client.force_login(
        org.admin.akun.__class__.objects.create_superuser("root", "rahasia-uji-123")
    )

    response = client.get(reverse(f"admin:organisasi_{model}_changelist"))

    assert response.status_code == 200
