import pytest

from organisasi import services
from organisasi.models import Pengguna
from organisasi.tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db


def test_atasan_is_the_holder_of_the_position_above(org):
    assert [org.staf.atasan, org.kasi.atasan, org.kabid.atasan, org.kepala.atasan] == [
        org.kasi, org.kabid, org.kepala, None
    ]


def test_vacant_position_hands_its_subordinates_to_the_holder_above(org):
    services.deactivate_pegawai(org.kasi)

    org.staf.refresh_from_db()
    assert org.staf.atasan == org.kabid


def test_new_holder_of_a_vacant_position_becomes_atasan_again(org):
    services.deactivate_pegawai(org.kasi)

    new_kasi = services.save_pegawai(PegawaiFactory.build(jabatan=org.kasi.jabatan, unit=org.seksi_a, akun=None))

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


def test_issue_accounts_gives_one_time_passwords_only_to_pegawai_without_account(org, client):
    newcomer = PegawaiFactory(jabatan=org.staf.jabatan, akun=None)

    issued = services.issue_accounts([org.staf, newcomer])

    assert [pegawai for pegawai, _ in issued] == [newcomer]
    newcomer.refresh_from_db()
    assert newcomer.akun.username == newcomer.nip
    assert newcomer.akun.harus_ganti_password is True
    assert client.login(username=newcomer.nip, password=issued[0][1]) is True


def test_issue_accounts_skips_inactive_pegawai(org):
    newcomer = PegawaiFactory(jabatan=org.staf.jabatan, akun=None, aktif=False)

    assert services.issue_accounts([newcomer]) == []


def test_one_time_passwords_differ_and_avoid_lookalike_characters():
    passwords = {services.generate_one_time_password() for _ in range(50)}

    assert len(passwords) == 50
    assert not any(set(p) & set("lI1O0o") for p in passwords)
