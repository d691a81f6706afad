import pytest
from django.core.exceptions import ValidationError

from indikator import services
from indikator.models import Periode, Skp
from indikator.tests.factories import (
    IndikatorKinerjaFactory,
    IndikatorKinerjaIndividuFactory,
    RencanaHasilKerjaFactory,
    periode,
    skp_for,
)
from organisasi import services as org_services
from organisasi.models import Pegawai
from organisasi.tests.factories import JabatanFactory

pytestmark = pytest.mark.django_db
Status = Skp.Status


def _lock_year(skp):
    Periode.objects.filter(pk=skp.periode_id).update(terkunci=True)
    return Skp.objects.select_related("periode").get(pk=skp.pk)


def test_create_skp_freezes_pegawai_and_both_officials(org):
    skp = services.create_skp(org.staf, periode())

    assert skp.penilai == org.kasi
    assert skp.snapshot["pegawai"]["nip"] == org.staf.nip
    assert skp.snapshot["pegawai"]["pangkat"] == "III/a – Penata Muda"
    assert skp.snapshot["penilai"]["nama"] == "Kasi A"
    assert skp.snapshot["atasan_penilai"]["nama"] == "Kabid A"


def test_create_skp_refuses_a_second_open_skp_for_the_same_year(org):
    services.create_skp(org.staf, periode())

    with pytest.raises(ValidationError) as error:
        services.create_skp(org.staf, periode())

    assert "sudah punya SKP 2026 yang belum disetujui" in error.value.messages[0]
    assert Skp.objects.filter(pegawai=org.staf).count() == 1


def test_create_skp_refuses_a_locked_year(org):
    locked = periode()
    locked.terkunci = True
    locked.save()

    with pytest.raises(ValidationError):
        services.create_skp(org.staf, locked)

    assert Skp.objects.count() == 0


def test_snapshot_stays_when_the_pegawai_later_changes(org):
    skp = services.create_skp(org.staf, periode())
    org.staf.nama = "Nama Baru"
    org.staf.save()

    skp.refresh_from_db()

    assert skp.snapshot["pegawai"]["nama"] == "Staf A1"


def test_submit_skp_sends_a_complete_draft_to_the_penilai(org, staf_draft):
    services.submit_skp(staf_draft, by=org.staf.akun)

    staf_draft.refresh_from_db()
    assert staf_draft.status == Status.DIAJUKAN
    assert staf_draft.diajukan_pada is not None


def test_submit_skp_refuses_rhk_without_intervened_atasan_rhk(org, chain):
    skp = skp_for(org.staf)
    IndikatorKinerjaIndividuFactory(
        rhk=RencanaHasilKerjaFactory(skp=skp, uraian="Lepas")
    )

    with pytest.raises(ValidationError) as error:
        services.submit_skp(skp, by=org.staf.akun)

    assert error.value.messages == [
        'RHK 1 "Lepas" belum menunjuk RHK atasan yang diintervensi.'
    ]
    assert Skp.objects.get(pk=skp.pk).status == Status.DRAFT


def test_submit_skp_refuses_rhk_pointing_to_an_atasan_rhk_that_is_not_approved(
    org, chain
):
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(status=Status.DRAFT)
    skp = skp_for(org.staf)
    IndikatorKinerjaIndividuFactory(
        rhk=RencanaHasilKerjaFactory(skp=skp, rhk_atasan=chain.rhk_kasi, uraian="X")
    )

    with pytest.raises(ValidationError) as error:
        services.submit_skp(skp, by=org.staf.akun)

    assert error.value.messages == [
        'RHK 1 "X" menunjuk RHK atasan yang SKP-nya belum disetujui.'
    ]


def test_submit_skp_of_a_jpt_needs_no_atasan_rhk(org, chain):
    org.kepala_b.atasan, org.kepala_b.atasan_manual = (
        org.kepala,
        True,
    )  # e.g. the Sekda as penilai
    org.kepala_b.save()
    skp = skp_for(org.kepala_b)
    indikator = IndikatorKinerjaFactory(kode="B-IKU")
    IndikatorKinerjaIndividuFactory(
        rhk=RencanaHasilKerjaFactory(skp=skp, indikator_unit=indikator)
    )

    services.submit_skp(skp, by=org.kepala_b.akun)

    assert Skp.objects.get(pk=skp.pk).status == Status.DIAJUKAN


def test_submit_skp_refuses_an_already_submitted_skp(org, staf_draft):
    services.submit_skp(staf_draft, by=org.staf.akun)

    with pytest.raises(ValidationError):
        services.submit_skp(staf_draft, by=org.staf.akun)


def test_approve_skp_only_by_the_penilai(org, staf_draft):
    services.submit_skp(staf_draft, by=org.staf.akun)

    with pytest.raises(ValidationError):
        services.approve_skp(staf_draft, by=org.kabid.akun)
    services.approve_skp(staf_draft, by=org.kasi.akun)

    staf_draft.refresh_from_db()
    assert staf_draft.status == Status.DISETUJUI


def test_return_skp_requires_a_reason(org, staf_draft):
    services.submit_skp(staf_draft, by=org.staf.akun)

    with pytest.raises(ValidationError) as error:
        services.return_skp(staf_draft, by=org.kasi.akun, alasan="  ")

    assert error.value.message_dict == {"alasan": ["Alasan pengembalian wajib diisi."]}
    assert Skp.objects.get(pk=staf_draft.pk).status == Status.DIAJUKAN


def test_return_skp_records_the_reason_in_the_skp_and_its_history(org, staf_draft):
    services.submit_skp(staf_draft, by=org.staf.akun)

    services.return_skp(
        staf_draft, by=org.kasi.akun, alasan="Target kuantitas terlalu rendah"
    )

    staf_draft.refresh_from_db()
    assert staf_draft.status == Status.DIKEMBALIKAN
    assert staf_draft.alasan_pengembalian == "Target kuantitas terlalu rendah"
    assert (
        staf_draft.history.first().history_change_reason
        == "Target kuantitas terlalu rendah"
    )


def test_reopen_skp_by_bkpsdm_needs_a_reason_and_makes_it_editable_again(org, chain):
    with pytest.raises(ValidationError):
        services.reopen_skp(chain.skp_kasi, by=org.admin.akun, alasan="")

    services.reopen_skp(chain.skp_kasi, by=org.admin.akun, alasan="Mutasi tugas")

    chain.skp_kasi.refresh_from_db()
    assert chain.skp_kasi.status == Status.DIKEMBALIKAN
    assert (
        chain.skp_kasi.alasan_pengembalian == "Dibuka kembali oleh BKPSDM: Mutasi tugas"
    )


def test_reopen_skp_is_refused_to_anyone_but_bkpsdm(org, chain):
    with pytest.raises(ValidationError):
        services.reopen_skp(chain.skp_kasi, by=org.kabid.akun, alasan="Coba")


def test_approve_and_return_are_refused_in_a_locked_year(org, staf_draft):
    services.submit_skp(staf_draft, by=org.staf.akun)
    locked = _lock_year(staf_draft)

    with pytest.raises(ValidationError):
        services.approve_skp(locked, by=org.kasi.akun)
    with pytest.raises(ValidationError):
        services.return_skp(locked, by=org.kasi.akun, alasan="Perbaiki")

    assert Skp.objects.get(pk=staf_draft.pk).status == Status.DIAJUKAN


def test_approve_skp_is_refused_when_the_atasan_skp_was_returned_after_submission(
    org, chain, staf_draft
):
    services.submit_skp(staf_draft, by=org.staf.akun)
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(status=Status.DIKEMBALIKAN)

    with pytest.raises(ValidationError) as error:
        services.approve_skp(staf_draft, by=org.kasi.akun)

    assert "SKP-nya belum disetujui" in error.value.messages[0]
    assert Skp.objects.get(pk=staf_draft.pk).status == Status.DIAJUKAN


def test_submit_skp_takes_the_current_atasan_as_penilai_and_in_the_snapshot(
    org, chain, staf_draft
):
    org_services.deactivate_pegawai(org.kasi)
    staf_draft.rencanahasilkerja_set.update(rhk_atasan=chain.rhk_kabid)

    services.submit_skp(staf_draft, by=org.staf.akun)
    services.approve_skp(staf_draft, by=org.kabid.akun)

    staf_draft.refresh_from_db()
    assert (staf_draft.penilai, staf_draft.status) == (org.kabid, Status.DISETUJUI)
    assert (
        staf_draft.snapshot["penilai"]["nama"],
        staf_draft.snapshot["atasan_penilai"]["nama"],
    ) == ("Kabid A", "Kepala A")


def test_submit_skp_after_the_atasan_changed_names_the_rhk_of_the_old_atasan(
    org, chain, staf_draft
):
    org_services.deactivate_pegawai(org.kasi)

    with pytest.raises(ValidationError) as error:
        services.submit_skp(staf_draft, by=org.staf.akun)

    assert error.value.messages == [
        'RHK 1 "Terangkutnya sampah TPS" menunjuk RHK milik orang lain, bukan pejabat penilai Anda.'
    ]
    assert Skp.objects.get(pk=staf_draft.pk).status == Status.DRAFT


def test_submit_skp_of_a_former_jabatan_is_refused_and_the_owner_may_delete_it(
    org, staf_draft
):
    Pegawai.objects.filter(pk=org.staf.pk).update(
        jabatan=JabatanFactory(unit=org.seksi_a, atasan=org.kasi.jabatan)
    )
    user = Pegawai.objects.get(pk=org.staf.pk).akun

    with pytest.raises(ValidationError) as error:
        services.submit_skp(staf_draft, by=user)
    services.delete_skp(staf_draft, by=user)

    assert "buat SKP baru untuk jabatan baru" in error.value.messages[0]
    assert Skp.objects.filter(pegawai=org.staf).count() == 0


def test_delete_skp_of_the_current_jabatan_is_refused(org, staf_draft):
    with pytest.raises(ValidationError):
        services.delete_skp(staf_draft, by=org.staf.akun)

    assert Skp.objects.filter(pk=staf_draft.pk).exists() is True


def test_update_skp_writes_the_lampiran_but_never_an_old_status(org, staf_draft):
    stale = Skp.objects.get(pk=staf_draft.pk)
    Skp.objects.filter(pk=staf_draft.pk).update(status=Status.DIAJUKAN)

    services.update_skp(
        stale,
        pendekatan="kualitatif",
        dukungan_sumber_daya="Truk",
        skema_pertanggungjawaban="",
        konsekuensi="",
    )

    staf_draft.refresh_from_db()
    assert (
        staf_draft.status,
        staf_draft.pendekatan,
        staf_draft.dukungan_sumber_daya,
    ) == (Status.DIAJUKAN, "kualitatif", "Truk")
