import pytest
from django.core.exceptions import ValidationError

from indikator import queries, services
from indikator.models import IndikatorKinerjaIndividu, RencanaHasilKerja, Skp
from indikator.tests.factories import (
    IndikatorKinerjaIndividuFactory,
    RencanaHasilKerjaFactory,
    skp_for,
)

pytestmark = pytest.mark.django_db
Status = Skp.Status


def test_copy_forward_copies_rhk_iki_and_targets_from_last_years_approved_skp(
    org, chain
):
    old = skp_for(org.staf, tahun=2025, status=Status.DISETUJUI)
    rhk = RencanaHasilKerjaFactory(
        skp=old, uraian="Terangkutnya sampah", jenis="tambahan"
    )
    IndikatorKinerjaIndividuFactory(
        rhk=rhk, uraian="Jumlah ritase", target=300, satuan="ritase"
    )
    draft = skp_for(org.staf)

    copied = services.copy_forward_skp(draft, source=queries.previous_skp(draft))

    new_rhk = draft.rencanahasilkerja_set.get()
    assert copied == 1
    assert (new_rhk.uraian, new_rhk.jenis, new_rhk.rhk_atasan) == (
        "Terangkutnya sampah",
        "tambahan",
        None,
    )
    assert list(
        new_rhk.indikatorkinerjaindividu_set.values_list("uraian", "target", "satuan")
    ) == [("Jumlah ritase", 300, "ritase")]


def test_copy_forward_refuses_a_draft_that_already_has_rhk(org, chain, staf_draft):
    old = skp_for(org.staf, tahun=2025, status=Status.DISETUJUI)
    RencanaHasilKerjaFactory(skp=old)

    with pytest.raises(ValidationError):
        services.copy_forward_skp(staf_draft, source=old)

    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_copy_forward_records_history_for_every_copied_iki(org, chain):
    old = skp_for(org.staf, tahun=2025, status=Status.DISETUJUI)
    IndikatorKinerjaIndividuFactory(rhk=RencanaHasilKerjaFactory(skp=old))
    draft = skp_for(org.staf)

    services.copy_forward_skp(draft, source=old)

    iki = IndikatorKinerjaIndividu.objects.get(rhk__skp=draft)
    assert iki.history.count() == 1


def test_add_rhk_puts_the_new_rhk_after_the_last_one(org, chain, staf_draft):
    RencanaHasilKerja.objects.filter(skp=staf_draft).update(urutan=4)

    rhk = services.add_rhk(
        staf_draft, jenis="tambahan", uraian="Tersusunnya laporan", rhk_atasan=None
    )

    assert (rhk.urutan, rhk.skp_id) == (5, staf_draft.pk)


def test_add_rhk_refuses_an_atasan_rhk_of_someone_else(org, chain, staf_draft):
    with pytest.raises(ValidationError) as error:
        services.add_rhk(
            staf_draft,
            jenis="utama",
            uraian="Menyasar kabid",
            rhk_atasan=chain.rhk_kabid,
        )

    assert error.value.message_dict["rhk_atasan"] == [
        "RHK yang diintervensi harus milik pejabat penilai Anda sendiri."
    ]
    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_delete_rhk_refuses_an_rhk_intervened_by_a_subordinate(org, chain, staf_draft):
    with pytest.raises(ValidationError) as error:
        services.delete_rhk(chain.rhk_kasi)

    assert error.value.messages == [
        "RHK ini sudah diintervensi RHK bawahan; tidak dapat dihapus."
    ]
    assert RencanaHasilKerja.objects.filter(pk=chain.rhk_kasi.pk).exists() is True


def test_delete_rhk_removes_it_with_its_iki(org, staf_draft):
    rhk = staf_draft.rencanahasilkerja_set.get()

    services.delete_rhk(rhk)

    assert (
        staf_draft.rencanahasilkerja_set.count(),
        IndikatorKinerjaIndividu.objects.filter(rhk=rhk.pk).count(),
    ) == (0, 0)
