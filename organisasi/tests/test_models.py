import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from organisasi import services
from organisasi.models import Pegawai, UnitKerja
from organisasi.models.pegawai import atasan_path_of
from organisasi.tests.factories import (
    JabatanFactory,
    KebutuhanFactory,
    PegawaiFactory,
    UnitKerjaFactory,
    valid_pppk_nip,
)

pytestmark = pytest.mark.django_db


def test_unit_path_depth_and_opd_follow_the_parent(org):
    assert (
        org.seksi_a.path
        == f"/{org.pemkot.pk}/{org.opd_a.pk}/{org.bidang_a.pk}/{org.seksi_a.pk}/"
    )
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
    assert (
        org.seksi_a.path
        == f"/{org.pemkot.pk}/{org.opd_b.pk}/{org.bidang_a.pk}/{org.seksi_a.pk}/"
    )
    assert org.seksi_a.opd_id == org.opd_b.pk
    assert list(Pegawai.objects.in_unit_tree(org.opd_b).filter(nama="Staf A1")) == [
        org.staf
    ]


def test_unit_cannot_be_placed_under_its_own_child(org):
    org.bidang_a.induk = org.seksi_a

    with pytest.raises(ValidationError) as error:
        org.bidang_a.full_clean()

    assert error.value.message_dict["induk"] == [
        "Unit induk tidak boleh unit ini sendiri atau unit di bawahnya."
    ]


def test_jabatan_tree_cannot_become_a_circle(org):
    kepala = org.kepala.jabatan
    kepala.atasan = org.staf.jabatan

    with pytest.raises(ValidationError) as error:
        kepala.full_clean()

    assert "lingkaran" in error.value.message_dict["atasan"][0]


def test_pegawai_golongan_must_match_the_status(org):
    pegawai = PegawaiFactory.build(
        jabatan=org.staf.jabatan,
        unit=org.seksi_a,
        status=Pegawai.Status.PPPK,
        golongan="III/a",
        nip=valid_pppk_nip(7),
        akun=None,
    )

    with pytest.raises(ValidationError) as error:
        pegawai.full_clean()

    assert error.value.message_dict["golongan"] == [
        "Golongan III/a tidak berlaku untuk PPPK (gunakan I–XVII)."
    ]


def test_pegawai_with_a_pppk_number_but_pns_status_is_refused(org):
    pegawai = PegawaiFactory.build(
        jabatan=org.staf.jabatan, unit=org.seksi_a, nip="200012312024211001", akun=None
    )

    with pytest.raises(ValidationError) as error:
        pegawai.full_clean()

    assert error.value.message_dict["nip"] == [
        "Digit 13–14 NIP PNS adalah bulan TMT CPNS (01–12), bukan 21."
    ]


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

    assert all(
        objects == [] for _, objects in kebutuhan.answered_by(org.pengelola.akun)
    )


def test_atasan_path_runs_from_the_top_of_the_chain_down_to_the_pegawai(org):
    chain = [org.kepala.pk, org.kabid.pk, org.kasi.pk, org.staf.pk]

    assert org.staf.atasan_path == atasan_path_of(chain)
    assert org.staf.atasan_path == "".join(f"/{pk:08d}" for pk in chain) + "/"


def test_below_is_everyone_under_the_pegawai_at_any_depth(org):
    assert set(Pegawai.objects.below(org.kabid)) == {org.kasi, org.staf, org.staf2}
    assert set(Pegawai.objects.subtree(org.kasi)) == {org.kasi, org.staf, org.staf2}
    assert list(Pegawai.objects.below(org.staf)) == []


def test_selecting_everyone_below_an_atasan_is_one_query_whatever_the_depth(
    org, django_assert_num_queries
):
    with django_assert_num_queries(1):
        list(Pegawai.objects.below(org.kepala))


def test_saving_a_pegawai_under_another_atasan_moves_its_own_path(org):
    org.staf.atasan, org.staf.atasan_manual = org.kepala_b, True

    org.staf.save()

    stored = Pegawai.objects.get(pk=org.staf.pk).atasan_path
    assert (
        stored == atasan_path_of([org.kepala_b.pk, org.staf.pk]) == org.staf.atasan_path
    )


def test_a_pegawai_whose_path_is_not_stored_yet_stands_for_itself_only(org):
    Pegawai.objects.filter(pk=org.kasi.pk).update(atasan_path="")
    kasi = Pegawai.objects.get(pk=org.kasi.pk)

    assert list(Pegawai.objects.subtree(kasi)) == [kasi]


def test_atasan_path_is_not_kept_in_the_history(org):
    org.staf.atasan, org.staf.atasan_manual = org.kepala_b, True
    org.staf.save()

    assert "atasan_path" not in {
        field.name for field in Pegawai.history.model._meta.fields
    }


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the query plan is PostgreSQL's (SQLite has a plain index)",
)
def test_everyone_below_an_atasan_of_2000_is_read_through_the_path_index(
    org, django_assert_num_queries
):
    bawahan = [
        Pegawai(
            nip=f"9{n:017d}",
            nama=f"Bawahan {n}",
            status="pns",
            jabatan_id=org.staf.jabatan_id,
            unit_id=org.seksi_a.pk,
            atasan=org.kasi,
            atasan_manual=True,
        )
        for n in range(2000)
    ]
    others = [
        Pegawai(
            nip=f"8{n:017d}",
            nama=f"Lain {n}",
            status="pns",
            jabatan_id=org.staf_b.jabatan_id,
            unit_id=org.opd_b.pk,
            atasan=org.kepala_b,
            atasan_manual=True,
        )
        for n in range(20000)
    ]
    Pegawai.objects.bulk_create(bawahan + others, batch_size=5000)
    services.rebuild_atasan_paths()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Pegawai._meta.db_table}")
    below = Pegawai.objects.below(Pegawai.objects.get(pk=org.kasi.pk))

    plan = below.explain()
    with django_assert_num_queries(1):
        found = list(below.values_list("pk", flat=True))

    assert "pegawai_atasan_path_idx" in plan, plan
    assert len(found) == 2000 + 2  # staf and staf2 were already below the kasi
