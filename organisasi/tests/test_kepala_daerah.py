import datetime
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from organisasi import demo
from organisasi.models import KepalaDaerah
from organisasi.permissions import kepala_daerah_of
from organisasi.tests.factories import KepalaDaerahFactory, PenggunaFactory

pytestmark = pytest.mark.django_db


def test_kepala_daerah_of_returns_the_official_behind_an_account():
    akun = PenggunaFactory()
    wali_kota = KepalaDaerahFactory(akun=akun)

    assert kepala_daerah_of(akun) == wali_kota


def test_kepala_daerah_of_is_none_for_an_ordinary_account(org):
    assert kepala_daerah_of(org.staf.akun) is None


def test_kepala_daerah_of_is_none_once_the_term_is_closed():
    akun = PenggunaFactory()
    KepalaDaerahFactory(akun=akun, aktif=False)

    assert kepala_daerah_of(akun) is None


def test_kepala_daerah_of_is_none_for_an_anonymous_user():
    assert kepala_daerah_of(AnonymousUser()) is None


def test_kepala_daerah_needs_no_nip_and_no_account():
    official = KepalaDaerahFactory(nip="", akun=None)

    official.full_clean()

    assert str(official) == f"Wali Kota {official.nama}"


def test_only_one_active_wali_kota_at_a_time():
    KepalaDaerahFactory()

    with pytest.raises(IntegrityError):
        KepalaDaerahFactory()


def test_kepala_daerah_term_cannot_end_before_it_starts():
    official = KepalaDaerahFactory.build(
        masa_jabatan_mulai=datetime.date(2025, 2, 20),
        masa_jabatan_selesai=datetime.date(2024, 1, 1),
    )

    with pytest.raises(ValidationError) as error:
        official.full_clean()

    assert "masa_jabatan_selesai" in error.value.message_dict


def test_demo_seeds_the_wali_kota_with_a_login_and_the_wakil_without():
    demo.seed(stdout=io.StringIO())
    demo.seed(stdout=io.StringIO())

    officials = {k.jabatan: k for k in KepalaDaerah.objects.select_related("akun")}

    assert set(officials) == {
        KepalaDaerah.Jabatan.WALI_KOTA,
        KepalaDaerah.Jabatan.WAKIL_WALI_KOTA,
    }
    assert officials[KepalaDaerah.Jabatan.WALI_KOTA].nama == "Andi Harun"
    assert (
        kepala_daerah_of(officials[KepalaDaerah.Jabatan.WALI_KOTA].akun)
        == (officials[KepalaDaerah.Jabatan.WALI_KOTA])
    )
    assert officials[KepalaDaerah.Jabatan.WAKIL_WALI_KOTA].akun is None


def test_kepala_daerah_admin_lists_the_officials(admin_client):
    KepalaDaerahFactory(nama="Andi Harun")

    response = admin_client.get("/admin/organisasi/kepaladaerah/")

    assert response.status_code == 200
    assert "Andi Harun" in response.content.decode()
