import datetime

import pytest
import tablib
from django.urls import reverse

from kinerja.models import Aktivitas, HariLibur, Status
from kinerja.resources import CutiResource, HariLiburResource
from kinerja.tests.factories import AktivitasFactory, BuktiDukungFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("pemelihara", "rahasia-uji-123")
    )
    return client


@pytest.mark.parametrize(
    "model",
    [
        "aktivitas",
        "realisasi",
        "buktidukung",
        "harilibur",
        "cuti",
        "aturanaktivitas",
        "kewajibanlapor",
    ],
)
def test_every_kinerja_admin_list_opens(superuser_client, kin, model):
    BuktiDukungFactory(
        aktivitas=AktivitasFactory(
            pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday
        )
    )

    assert (
        superuser_client.get(reverse(f"admin:kinerja_{model}_changelist")).status_code
        == 200
    )


def test_an_activity_is_corrected_in_the_admin_with_a_reason_and_its_state_stays(
    superuser_client, kin
):
    aktivitas = AktivitasFactory(
        pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday, disetujui=True
    )

    superuser_client.post(
        reverse("admin:kinerja_aktivitas_change", args=[aktivitas.pk]),
        {
            "uraian": "Memantau pengangkutan sampah 8 TPS",
            "kuantitas_output": "8",
            "satuan_output": "TPS",
            "alasan": "Salah ketik jumlah TPS",
            "status": Status.DRAFT,
            "buktidukung_set-TOTAL_FORMS": "0",
            "buktidukung_set-INITIAL_FORMS": "0",
        },
    )

    aktivitas.refresh_from_db()
    assert (aktivitas.uraian, aktivitas.status) == (
        "Memantau pengangkutan sampah 8 TPS",
        Status.DISETUJUI,
    )
    assert (
        aktivitas.history.latest().history_change_reason
        == "Koreksi data: Salah ketik jumlah TPS"
    )


def test_activities_are_neither_added_nor_deleted_in_the_admin(superuser_client, kin):
    aktivitas = AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday)

    assert (
        superuser_client.get(reverse("admin:kinerja_aktivitas_add")).status_code == 403
    )
    assert (
        superuser_client.post(
            reverse("admin:kinerja_aktivitas_delete", args=[aktivitas.pk]),
            {"post": "yes"},
        ).status_code
        == 403
    )
    assert Aktivitas.objects.count() == 1


def test_bkpsdm_adds_a_cuti_bersama_in_the_admin(superuser_client):
    superuser_client.post(
        reverse("admin:kinerja_harilibur_add"),
        {
            "tanggal": "2026-12-31",
            "nama": "Cuti bersama akhir tahun",
            "jenis": "cuti_bersama",
        },
    )

    assert list(HariLibur.objects.values_list("tanggal", "jenis")) == [
        (datetime.date(2026, 12, 31), "cuti_bersama")
    ]


def test_importing_the_same_days_off_twice_updates_instead_of_duplicating():
    dataset = tablib.Dataset(
        ("2026-12-31", "Cuti bersama", "cuti_bersama"),
        ("2026-01-21", "Hari Jadi Kota", "libur_daerah"),
        ("2026-12-24", "Masuk kerja", "hari_kerja"),
        headers=["Tanggal", "Nama", "Jenis"],
    )

    HariLiburResource().import_data(dataset, raise_errors=True)
    dataset[0] = ("2026-12-31", "Cuti bersama akhir tahun", "cuti_bersama")
    HariLiburResource().import_data(dataset, raise_errors=True)

    assert list(
        HariLibur.objects.order_by("tanggal").values_list("nama", flat=True)
    ) == ["Hari Jadi Kota", "Masuk kerja", "Cuti bersama akhir tahun"]


def test_leave_is_imported_by_nip(org):
    dataset = tablib.Dataset(
        (org.staf.nip, "tahunan", "2026-08-03", "2026-08-05", ""),
        headers=["NIP", "Jenis", "Mulai", "Selesai", "Keterangan"],
    )

    CutiResource().import_data(dataset, raise_errors=True)
    CutiResource().import_data(dataset, raise_errors=True)

    assert list(org.staf.cuti_set.values_list("mulai", "selesai")) == [
        (datetime.date(2026, 8, 3), datetime.date(2026, 8, 5))
    ]


def test_the_change_page_of_an_activity_with_evidence_opens(superuser_client, kin):
    bukti = BuktiDukungFactory(
        aktivitas=AktivitasFactory(
            pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday
        )
    )

    response = superuser_client.get(
        reverse("admin:kinerja_aktivitas_change", args=[bukti.aktivitas_id])
    )

    assert response.status_code == 200 and b"Alasan koreksi" in response.content
