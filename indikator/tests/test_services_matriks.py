import pytest
from django.core.exceptions import ValidationError

from indikator import services
from indikator.models import MatriksPeranHasil, Periode, RencanaHasilKerja, Skp
from organisasi import services as org_services
from organisasi.models import Pegawai

pytestmark = pytest.mark.django_db
Status = Skp.Status


def _fill(chain, text_by_cell):
    services.save_matriks(chain.skp_kasi, cells=text_by_cell)


def _lock_year(skp):
    Periode.objects.filter(pk=skp.periode_id).update(terkunci=True)
    return Skp.objects.select_related("periode").get(pk=skp.pk)


def test_push_matriks_creates_exactly_one_rhk_per_cell_with_the_intervention_link(
    org, chain
):
    _fill(
        chain,
        {
            (chain.iki_kasi.pk, org.staf.pk): "Terangkutnya sampah dari TPS wilayah I",
            (chain.iki_kasi_2.pk, org.staf.pk): "Bersihnya 20 TPS",
            (chain.iki_kasi.pk, org.staf2.pk): "Tercatatnya volume sampah harian",
        },
    )

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 3, "diperbarui": 0, "tetap": 0, "dilewati": 0}
    rhk = RencanaHasilKerja.objects.filter(
        skp__pegawai__in=[org.staf, org.staf2]
    ).order_by("skp__pegawai__nama", "pk")
    assert [
        (r.skp.pegawai.nama, r.uraian, r.rhk_atasan_id, r.skp.status) for r in rhk
    ] == [
        (
            "Staf A1",
            "Terangkutnya sampah dari TPS wilayah I",
            chain.rhk_kasi.pk,
            Status.DRAFT,
        ),
        ("Staf A1", "Bersihnya 20 TPS", chain.rhk_kasi.pk, Status.DRAFT),
        (
            "Staf A2",
            "Tercatatnya volume sampah harian",
            chain.rhk_kasi.pk,
            Status.DRAFT,
        ),
    ]


def test_push_matriks_twice_creates_nothing_more(org, chain):
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Terangkutnya sampah"})
    services.push_matriks(chain.skp_kasi)

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 0, "diperbarui": 0, "tetap": 1, "dilewati": 0}
    assert RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).count() == 1
    assert Skp.objects.filter(pegawai=org.staf).count() == 1


def test_push_matriks_updates_the_text_of_an_already_pushed_cell(org, chain):
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Versi pertama"})
    services.push_matriks(chain.skp_kasi)
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Versi kedua"})

    counts = services.push_matriks(chain.skp_kasi)

    assert counts["diperbarui"] == 1
    assert list(
        RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).values_list(
            "uraian", flat=True
        )
    ) == ["Versi kedua"]


def test_push_matriks_skips_a_subordinate_whose_skp_is_submitted(
    org, chain, staf_draft
):
    services.submit_skp(staf_draft, by=org.staf.akun)
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Tambahan peran"})

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 0, "diperbarui": 0, "tetap": 0, "dilewati": 1}
    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_save_matriks_ignores_cells_of_people_who_are_not_subordinates(org, chain):
    _fill(chain, {(chain.iki_kasi.pk, org.staf_b.pk): "Bukan bawahan"})

    assert MatriksPeranHasil.objects.count() == 0


def test_push_matriks_leaves_out_a_former_subordinate(org, chain):
    _fill(chain, {(chain.iki_kasi.pk, org.staf2.pk): "Peran staf2"})
    Pegawai.objects.filter(pk=org.staf2.pk).update(jabatan=org.staf_b.jabatan)
    org_services.refresh_atasan()

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 0, "diperbarui": 0, "tetap": 0, "dilewati": 0}
    assert Skp.objects.filter(pegawai=org.staf2).count() == 0


def test_push_matriks_skips_a_draft_assessed_by_someone_else(org, chain, staf_draft):
    Skp.objects.filter(pk=staf_draft.pk).update(penilai=org.kabid)
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Peran baru"})

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 0, "diperbarui": 0, "tetap": 0, "dilewati": 1}
    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_push_matriks_in_a_locked_year_is_refused_and_changes_no_draft(
    org, chain, staf_draft
):
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Peran baru"})
    locked = _lock_year(chain.skp_kasi)

    with pytest.raises(ValidationError):
        services.push_matriks(locked)

    assert list(staf_draft.rencanahasilkerja_set.values_list("uraian", flat=True)) == [
        "Terangkutnya sampah TPS"
    ]


def test_save_and_push_matriks_saves_no_cell_when_the_push_is_refused(org, chain):
    locked = _lock_year(chain.skp_kasi)

    with pytest.raises(ValidationError):
        services.save_and_push_matriks(
            locked, cells={(chain.iki_kasi.pk, org.staf.pk): "Peran"}, push=True
        )

    assert MatriksPeranHasil.objects.count() == 0


def test_push_matriks_again_keeps_the_subordinates_own_edit(org, chain):
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Versi atasan"})
    services.push_matriks(chain.skp_kasi)
    RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).update(
        uraian="Disempurnakan oleh staf"
    )
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Versi atasan kedua"})

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 0, "diperbarui": 0, "tetap": 1, "dilewati": 0}
    assert list(
        RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).values_list(
            "uraian", flat=True
        )
    ) == ["Disempurnakan oleh staf"]


def test_push_matriks_again_does_not_recreate_an_rhk_the_subordinate_deleted(
    org, chain
):
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Versi atasan"})
    services.push_matriks(chain.skp_kasi)
    RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).delete()

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 0, "diperbarui": 0, "tetap": 1, "dilewati": 0}
    assert RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).count() == 0
