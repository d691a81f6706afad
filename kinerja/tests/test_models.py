import datetime
import uuid

import pytest
from django.db import IntegrityError, transaction

from kinerja.models import (
    Aktivitas,
    AturanAktivitas,
    BuktiDukung,
    KewajibanLapor,
    bukti_storage,
)
from kinerja.tests.factories import AktivitasFactory

pytestmark = pytest.mark.django_db


def test_aktivitas_minutes_are_derived_from_its_times_when_saved(kin):
    aktivitas = AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.monday,
        jam_mulai=datetime.time(7, 30),
        jam_selesai=datetime.time(9, 45),
    )

    aktivitas.jam_selesai = datetime.time(10, 0)
    aktivitas.save(update_fields=["jam_selesai"])

    aktivitas.refresh_from_db()
    assert aktivitas.menit == 150


def test_aktivitas_ending_before_it_starts_is_refused_by_the_database(kin):
    with pytest.raises(IntegrityError), transaction.atomic():
        AktivitasFactory(
            pegawai=kin.org.staf,
            rhk=kin.rhk,
            tanggal=kin.monday,
            jam_mulai=datetime.time(10, 0),
            jam_selesai=datetime.time(9, 0),
        )


def test_two_activities_of_one_pegawai_cannot_share_an_idempotency_key(kin):
    kunci = uuid.uuid4()
    AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday, kunci=kunci)

    with pytest.raises(IntegrityError), transaction.atomic():
        AktivitasFactory(
            pegawai=kin.org.staf,
            rhk=kin.rhk,
            tanggal=kin.monday,
            kunci=kunci,
            jam_mulai=datetime.time(13, 0),
            jam_selesai=datetime.time(14, 0),
        )


def test_evidence_must_belong_to_exactly_one_object(kin):
    with pytest.raises(IntegrityError), transaction.atomic():
        BuktiDukung.objects.create(
            pegawai=kin.org.staf, tautan="https://contoh.id/bukti"
        )


def test_rules_are_seeded_by_the_data_migration():
    aturan = AturanAktivitas.objects.get(pk=1)

    assert (
        aturan.hari_tenggang,
        aturan.norma_menit_bulanan,
        aturan.menit_maksimal_per_hari,
    ) == (5, 6750, 720)
    assert (aturan.jam_kerja_mulai, aturan.jam_kerja_selesai) == (
        datetime.time(7, 30),
        datetime.time(16, 0),
    )
    assert list(
        KewajibanLapor.objects.values_list(
            "jenis_jabatan", "jenis_unit", "wajib_harian"
        )
    ) == [("fungsional", "sekolah", False)]


def test_rules_fall_back_to_their_defaults_when_the_row_is_missing():
    AturanAktivitas.objects.all().delete()

    assert AturanAktivitas.current().norma_menit_bulanan == 6750


def test_evidence_storage_has_no_public_url():
    with pytest.raises(ValueError):
        bukti_storage.url("bukti/2026/01/abc.jpg")


def test_aktivitas_history_keeps_every_change(kin):
    aktivitas = AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday)

    aktivitas.status = Aktivitas.Status.DIAJUKAN
    aktivitas.save()

    assert [h.status for h in aktivitas.history.order_by("history_date")] == [
        "draft",
        "diajukan",
    ]
