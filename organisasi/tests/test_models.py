import pytest
from django.core.exceptions import ValidationError

from organisasi import services
from organisasi.models import Pegawai, UnitKerja
from organisasi.tests.factories import JabatanFactory, KebutuhanFactory, PegawaiFactory, UnitKerjaFactory, valid_pppk_nip

pytestmark = pytest.mark.django_db


def test_unit_path_depth_and_opd_follow_the_parent(org):
    assert org.seksi_a.path == f"/{org.pemkot.pk}/{org.opd_a.pk}/{org.bidang_a.pk}/{org.seksi_a.pk}/"
    assert org.seksi_a.kedalaman == 3
    assert org.seksi_a.opd_id == org.opd_a.pk
    assert org.opd_a.opd_id == org.opd_a.pk
    assert org.pemkot.opd_id is None


def test_subtree_is_the_unit_and_everything_below_it(org):
    result = UnitKerja.objects.subtree(org.opd_a).order_by("path")

    assert list(result) == [org.opd_a, org.bidang_a, org.seksi_a]


def test_subtree_query_is_one_query_whatever_the_depth(org, django_assert_num_queries):
    with django_assert_num_queries(1):
        list(UnitKerja.objects.subtree(org.pemkot))


def test_kelurahan_belongs_to_the_opd_of_its_kecamatan(org):
    kecamatan = UnitKerjaFactory(jenis=UnitKerja.Jenis.KECAMATAN, induk=org.pemkot)
    kelurahan = UnitKerjaFactory(jenis=UnitKerja.Jenis.KELURAHAN, induk=kecamatan)

    assert kelurahan.opd_id == kecamatan.pk


def test_moving_a_unit_rewrites_the_paths_of_its_subtree(org):
    org.bidang_a.induk = org.opd_b

    services.save_unit(org.bidang_a)

    org.seksi_a.refresh_from_db()
    assert org.seksi_a.path == f"/{org.pemkot.pk}/{org.opd_b.pk}/{org.bidang_a.pk}/{org.seksi_a.pk}/"
    assert org.seksi_a.opd_id == org.opd_b.pk
    assert list(Pegawai.objects.in_unit_tree(org.opd_b).filter(nama="Staf A1")) == [org.staf]


def test_unit_cannot_be_placed_under_its_own_child(org):
    org.bidang_a.induk = org.seksi_a

    with pytest.raises(ValidationError) as error:
        org.bidang_a.full_clean()

    assert error.value.message_dict["induk"] == ["Unit induk tidak boleh unit ini sendiri atau unit di bawahnya."]


def test_jabatan_tree_cannot_become_a_circle(org):
    kepala = org.kepala.jabatan
    kepala.atasan = org.staf.jabatan

    with pytest.raises(ValidationError) as error:
        kepala.full_clean()

    assert "lingkaran" in error.value.message_dict["atasan"][0]


def test_pegawai_golongan_must_match_the_status(org):
    pegawai = PegawaiFactory.build(
        jabatan=org.staf.jabatan, unit=org.seksi_a, status=Pegawai.Status.PPPK, golongan="III/a", nip=valid_pppk_nip(7), akun=None
    )

    with pytest.raises(ValidationError) as error:
        pegawai.full_clean()

    assert error.value.message_dict["golongan"] == ["Golongan III/a tidak berlaku untuk PPPK (gunakan I–XVII)."]


def test_pegawai_with_a_pppk_number_but_pns_status_is_refused(org):
    pegawai = PegawaiFactory.build(jabatan=org.staf.jabatan, unit=org.seksi_a, nip="200012312024211001", akun=None)

    with pytest.raises(ValidationError) as error:
        pegawai.full_clean()

    assert error.value.message_dict["nip"] == ["Digit 13–14 NIP PNS adalah bulan TMT CPNS (01–12), bukan 21."]


def test_pegawai_gender_and_birth_date_come_from_the_nip():
    pegawai = Pegawai(nip="198501152010032001")

    assert pegawai.jenis_kelamin == "Perempuan"
    assert str(pegawai.tanggal_lahir) == "1985-01-15"


def test_unit_history_is_kept():
    unit = UnitKerjaFactory(nama="Lama")
    unit.nama = "Baru"
    unit.save()

    assert [h.nama for h in unit.history.order_by("history_date")] == ["Lama", "Baru"]


def test_jabatan_factory_defaults_to_a_pelaksana():
    assert JabatanFactory.build().jenis == "pelaksana"


def test_need_without_links_lists_empty_answers_per_linking_model(org):
    kebutuhan = KebutuhanFactory(unit=org.opd_a)

    assert all(objects == [] for _, objects in kebutuhan.answered_by(org.pengelola.akun))
