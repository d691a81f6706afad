import pytest

from core.imports import RowError
from organisasi import services
from organisasi.models import Pegawai, Pengguna
from organisasi.models.pegawai import atasan_path_of
from organisasi.tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db


def test_atasan_is_the_holder_of_the_position_above(org):
    assert [org.staf.atasan, org.kasi.atasan, org.kabid.atasan, org.kepala.atasan] == [
        org.kasi,
        org.kabid,
        org.kepala,
        None,
    ]


def test_vacant_position_hands_its_subordinates_to_the_holder_above(org):
    services.deactivate_pegawai(org.kasi)

    org.staf.refresh_from_db()
    assert org.staf.atasan == org.kabid


def test_new_holder_of_a_vacant_position_becomes_atasan_again(org):
    services.deactivate_pegawai(org.kasi)

    new_kasi = services.save_pegawai(
        PegawaiFactory.build(jabatan=org.kasi.jabatan, unit=org.seksi_a, akun=None)
    )

    org.staf.refresh_from_db()
    assert org.staf.atasan == new_kasi


def test_manual_atasan_survives_rederivation(org):
    org.staf.atasan, org.staf.atasan_manual = org.kepala, True
    org.staf.save()

    changed = services.refresh_atasan()

    org.staf.refresh_from_db()
    assert (org.staf.atasan, changed) == (org.kepala, 0)


def test_refresh_atasan_twice_changes_nothing_the_second_time(org):
    org.staf.atasan = None
    org.staf.save()

    assert services.refresh_atasan() == 1
    assert services.refresh_atasan() == 0


def test_deactivated_pegawai_cannot_log_in(org, client):
    services.deactivate_pegawai(org.staf)

    logged_in = client.login(username=org.staf.nip, password="rahasia-uji-123")

    assert logged_in is False
    assert Pengguna.objects.get(pk=org.staf.akun_id).is_active is False


def test_one_time_passwords_differ_and_avoid_lookalike_characters():
    passwords = {services.generate_one_time_password() for _ in range(50)}

    assert len(passwords) == 50
    assert not any(set(p) & set("lI1O0o") for p in passwords)


def test_pegawai_marked_inactive_by_an_import_cannot_log_in(org, client):
    import tablib

    from organisasi.resources import PegawaiResource

    dataset = tablib.Dataset(
        (org.staf.nip, org.staf.nama, "PNS", "III/a", "A-STAF", "", "0"),
        headers=[
            "NIP",
            "Nama",
            "Status",
            "Golongan",
            "Kode Jabatan",
            "Kode Unit",
            "Aktif",
        ],
    )

    services.import_dataset(PegawaiResource(), dataset)

    assert client.login(username=org.staf.nip, password="rahasia-uji-123") is False


def test_inactive_pegawai_with_a_reopened_account_still_cannot_log_in(org, client):
    from organisasi.models import Pegawai, Pengguna

    Pegawai.objects.filter(pk=org.staf.pk).update(aktif=False)
    Pengguna.objects.filter(pk=org.staf.akun_id).update(is_active=True)

    assert client.login(username=org.staf.nip, password="rahasia-uji-123") is False


def test_changing_a_nip_renames_the_login(org, client):
    org.staf.nip = "199005052015032004"

    services.save_pegawai(org.staf)

    assert (
        client.login(username="199005052015032004", password="rahasia-uji-123") is True
    )


def test_turning_a_bidang_into_an_opd_moves_its_subtree_to_that_opd(org):
    org.bidang_a.jenis = "opd"

    services.save_unit(org.bidang_a)

    org.seksi_a.refresh_from_db()
    assert org.seksi_a.opd_id == org.bidang_a.pk


def test_unit_import_refuses_a_two_row_cycle(org):
    import tablib

    from organisasi.resources import UnitKerjaResource
    from organisasi.tests.factories import UnitKerjaFactory

    UnitKerjaFactory(kode="X", induk=org.opd_a)
    UnitKerjaFactory(kode="Y", induk=org.opd_a)
    dataset = tablib.Dataset(
        ("X", "X", "bidang", "Y"),
        ("Y", "Y", "bidang", "X"),
        headers=["Kode", "Nama", "Jenis", "Kode Induk"],
    )

    result = services.import_dataset(UnitKerjaResource(), dataset)

    assert result.errors == [
        RowError(
            3,
            "Kode Induk",
            "Unit induk tidak boleh unit ini sendiri atau unit di bawahnya.",
        )
    ]
    assert services.rebuild_unit_paths() == 0


def test_a_vacant_position_moves_the_paths_of_its_subordinates_up_with_their_atasan(
    org,
):
    services.deactivate_pegawai(org.kasi)

    org.staf.refresh_from_db()
    assert org.staf.atasan_path == atasan_path_of(
        [org.kepala.pk, org.kabid.pk, org.staf.pk]
    )


def test_a_manual_atasan_moves_the_whole_subtree_below_the_new_atasan(org):
    org.kabid.atasan, org.kabid.atasan_manual = org.kepala_b, True

    services.save_pegawai(org.kabid)

    assert set(Pegawai.objects.below(Pegawai.objects.get(pk=org.kepala_b.pk))) == {
        org.staf_b,
        org.admin,
        org.kabid,
        org.kasi,
        org.staf,
        org.staf2,
    }
    assert (
        not Pegawai.objects.below(Pegawai.objects.get(pk=org.kepala.pk))
        .filter(pk=org.staf.pk)
        .exists()
    )


def test_refresh_atasan_repairs_paths_written_around_the_service(org):
    Pegawai.objects.filter(pk__in=[org.kasi.pk, org.staf.pk]).update(atasan_path="")

    services.refresh_atasan()

    assert set(Pegawai.objects.below(Pegawai.objects.get(pk=org.kabid.pk))) == {
        org.kasi,
        org.staf,
        org.staf2,
    }
    assert services.rebuild_atasan_paths() == 0


def test_rebuilding_paths_cuts_a_cycle_instead_of_looping(org):
    Pegawai.objects.filter(pk=org.kepala.pk).update(atasan=org.staf, atasan_manual=True)

    services.rebuild_atasan_paths()

    assert Pegawai.objects.filter(atasan_path="").exists() is False
    assert services.rebuild_atasan_paths() == 0
