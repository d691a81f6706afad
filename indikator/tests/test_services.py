import datetime

import pytest
from django.core.exceptions import ValidationError

from indikator import queries, services
from indikator.models import (
    IndikatorKinerjaIndividu,
    MatriksPeranHasil,
    Periode,
    PeriodePenilaian,
    RencanaHasilKerja,
    Skp,
)
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


def test_create_periode_makes_four_quarters_with_default_deadlines(db):
    created = services.create_periode(tahun=2027, skema="triwulanan")

    quarters = list(created.periodepenilaian_set.values_list("nama", "mulai", "selesai", "batas_realisasi"))
    assert created.batas_penetapan_skp == datetime.date(2027, 1, 31)
    assert quarters[1] == ("Triwulan II", datetime.date(2027, 4, 1), datetime.date(2027, 6, 30),
                           datetime.date(2027, 7, 5))
    assert len(quarters) == 4


def test_create_periode_monthly_makes_twelve_months(db):
    created = services.create_periode(tahun=2027, skema="bulanan")

    assert created.periodepenilaian_set.count() == 12


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
    IndikatorKinerjaIndividuFactory(rhk=RencanaHasilKerjaFactory(skp=skp, uraian="Lepas"))

    with pytest.raises(ValidationError) as error:
        services.submit_skp(skp, by=org.staf.akun)

    assert error.value.messages == ['RHK 1 "Lepas" belum menunjuk RHK atasan yang diintervensi.']
    assert Skp.objects.get(pk=skp.pk).status == Status.DRAFT


def test_submit_skp_refuses_rhk_pointing_to_an_atasan_rhk_that_is_not_approved(org, chain):
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(status=Status.DRAFT)
    skp = skp_for(org.staf)
    IndikatorKinerjaIndividuFactory(rhk=RencanaHasilKerjaFactory(skp=skp, rhk_atasan=chain.rhk_kasi, uraian="X"))

    with pytest.raises(ValidationError) as error:
        services.submit_skp(skp, by=org.staf.akun)

    assert error.value.messages == ['RHK 1 "X" menunjuk RHK atasan yang SKP-nya belum disetujui.']


def test_submit_skp_of_a_jpt_needs_no_atasan_rhk(org, chain):
    org.kepala_b.atasan, org.kepala_b.atasan_manual = org.kepala, True  # e.g. the Sekda as penilai
    org.kepala_b.save()
    skp = skp_for(org.kepala_b)
    indikator = IndikatorKinerjaFactory(kode="B-IKU")
    IndikatorKinerjaIndividuFactory(rhk=RencanaHasilKerjaFactory(skp=skp, indikator_unit=indikator))

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

    services.return_skp(staf_draft, by=org.kasi.akun, alasan="Target kuantitas terlalu rendah")

    staf_draft.refresh_from_db()
    assert staf_draft.status == Status.DIKEMBALIKAN
    assert staf_draft.alasan_pengembalian == "Target kuantitas terlalu rendah"
    assert staf_draft.history.first().history_change_reason == "Target kuantitas terlalu rendah"


def test_reopen_skp_by_bkpsdm_needs_a_reason_and_makes_it_editable_again(org, chain):
    with pytest.raises(ValidationError):
        services.reopen_skp(chain.skp_kasi, by=org.admin.akun, alasan="")

    services.reopen_skp(chain.skp_kasi, by=org.admin.akun, alasan="Mutasi tugas")

    chain.skp_kasi.refresh_from_db()
    assert chain.skp_kasi.status == Status.DIKEMBALIKAN
    assert chain.skp_kasi.alasan_pengembalian == "Dibuka kembali oleh BKPSDM: Mutasi tugas"


def test_reopen_skp_is_refused_to_anyone_but_bkpsdm(org, chain):
    with pytest.raises(ValidationError):
        services.reopen_skp(chain.skp_kasi, by=org.kabid.akun, alasan="Coba")


def _fill(chain, text_by_cell):
    services.save_matriks(chain.skp_kasi, cells=text_by_cell)


def test_push_matriks_creates_exactly_one_rhk_per_cell_with_the_intervention_link(org, chain):
    _fill(chain, {
        (chain.iki_kasi.pk, org.staf.pk): "Terangkutnya sampah dari TPS wilayah I",
        (chain.iki_kasi_2.pk, org.staf.pk): "Bersihnya 20 TPS",
        (chain.iki_kasi.pk, org.staf2.pk): "Tercatatnya volume sampah harian",
    })

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 3, "diperbarui": 0, "tetap": 0, "dilewati": 0}
    rhk = RencanaHasilKerja.objects.filter(skp__pegawai__in=[org.staf, org.staf2]).order_by("skp__pegawai__nama", "pk")
    assert [(r.skp.pegawai.nama, r.uraian, r.rhk_atasan_id, r.skp.status) for r in rhk] == [
        ("Staf A1", "Terangkutnya sampah dari TPS wilayah I", chain.rhk_kasi.pk, Status.DRAFT),
        ("Staf A1", "Bersihnya 20 TPS", chain.rhk_kasi.pk, Status.DRAFT),
        ("Staf A2", "Tercatatnya volume sampah harian", chain.rhk_kasi.pk, Status.DRAFT),
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
    assert list(RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).values_list("uraian", flat=True)) == [
        "Versi kedua"]


def test_push_matriks_skips_a_subordinate_whose_skp_is_submitted(org, chain, staf_draft):
    services.submit_skp(staf_draft, by=org.staf.akun)
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Tambahan peran"})

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 0, "diperbarui": 0, "tetap": 0, "dilewati": 1}
    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_save_matriks_ignores_cells_of_people_who_are_not_subordinates(org, chain):
    _fill(chain, {(chain.iki_kasi.pk, org.staf_b.pk): "Bukan bawahan"})

    assert MatriksPeranHasil.objects.count() == 0


def test_copy_forward_copies_rhk_iki_and_targets_from_last_years_approved_skp(org, chain):
    old = skp_for(org.staf, tahun=2025, status=Status.DISETUJUI)
    rhk = RencanaHasilKerjaFactory(skp=old, uraian="Terangkutnya sampah", jenis="tambahan")
    IndikatorKinerjaIndividuFactory(rhk=rhk, uraian="Jumlah ritase", target=300, satuan="ritase")
    draft = skp_for(org.staf)

    copied = services.copy_forward_skp(draft, source=queries.previous_skp(draft))

    new_rhk = draft.rencanahasilkerja_set.get()
    assert copied == 1
    assert (new_rhk.uraian, new_rhk.jenis, new_rhk.rhk_atasan) == ("Terangkutnya sampah", "tambahan", None)
    assert list(new_rhk.indikatorkinerjaindividu_set.values_list("uraian", "target", "satuan")) == [
        ("Jumlah ritase", 300, "ritase")]


def test_copy_forward_refuses_a_draft_that_already_has_rhk(org, chain, staf_draft):
    old = skp_for(org.staf, tahun=2025, status=Status.DISETUJUI)
    RencanaHasilKerjaFactory(skp=old)

    with pytest.raises(ValidationError):
        services.copy_forward_skp(staf_draft, source=old)

    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_unlocking_a_periode_needs_a_reason_that_lands_in_history(org):
    locked = periode()
    services.set_periode_lock(locked, terkunci=True, by=org.admin.akun)

    with pytest.raises(ValidationError):
        services.set_periode_lock(locked, terkunci=False, by=org.admin.akun, alasan="")
    services.set_periode_lock(locked, terkunci=False, by=org.admin.akun, alasan="Koreksi target")

    assert locked.history.first().history_change_reason == "Koreksi target"


def test_realisasi_in_a_locked_period_needs_bkpsdm_and_a_reason(org):
    indikator = IndikatorKinerjaFactory()
    quarter = PeriodePenilaian.objects.get(periode=periode(), nomor=1)
    quarter.terkunci = True
    quarter.save()

    with pytest.raises(ValidationError):
        services.save_realisasi_indikator(indikator, quarter, nilai=80, by=org.pengelola.akun)
    with pytest.raises(ValidationError):
        services.save_realisasi_indikator(indikator, quarter, nilai=80, by=org.admin.akun)
    realisasi = services.save_realisasi_indikator(indikator, quarter, nilai=80, by=org.admin.akun,
                                                  alasan="Data BPS terlambat")

    assert realisasi.capaian.quantize(1) == 89
    assert realisasi.history.first().history_change_reason == "Data BPS terlambat"


def test_realisasi_refuses_a_negative_value(org):
    with pytest.raises(ValidationError):
        services.save_realisasi_indikator(IndikatorKinerjaFactory(), PeriodePenilaian.objects.filter(
            periode=periode()).first(), nilai=-3, by=org.admin.akun)


def _lock_year(skp):
    Periode.objects.filter(pk=skp.periode_id).update(terkunci=True)
    return Skp.objects.select_related("periode").get(pk=skp.pk)


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


def test_push_matriks_in_a_locked_year_is_refused_and_changes_no_draft(org, chain, staf_draft):
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Peran baru"})
    locked = _lock_year(chain.skp_kasi)

    with pytest.raises(ValidationError):
        services.push_matriks(locked)

    assert list(staf_draft.rencanahasilkerja_set.values_list("uraian", flat=True)) == ["Terangkutnya sampah TPS"]


def test_save_and_push_matriks_saves_no_cell_when_the_push_is_refused(org, chain):
    locked = _lock_year(chain.skp_kasi)

    with pytest.raises(ValidationError):
        services.save_and_push_matriks(locked, cells={(chain.iki_kasi.pk, org.staf.pk): "Peran"}, push=True)

    assert MatriksPeranHasil.objects.count() == 0


def test_push_matriks_again_keeps_the_subordinates_own_edit(org, chain):
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Versi atasan"})
    services.push_matriks(chain.skp_kasi)
    RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).update(uraian="Disempurnakan oleh staf")
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Versi atasan kedua"})

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 0, "diperbarui": 0, "tetap": 1, "dilewati": 0}
    assert list(RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).values_list("uraian", flat=True)) == [
        "Disempurnakan oleh staf"]


def test_push_matriks_again_does_not_recreate_an_rhk_the_subordinate_deleted(org, chain):
    _fill(chain, {(chain.iki_kasi.pk, org.staf.pk): "Versi atasan"})
    services.push_matriks(chain.skp_kasi)
    RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).delete()

    counts = services.push_matriks(chain.skp_kasi)

    assert counts == {"dibuat": 0, "diperbarui": 0, "tetap": 1, "dilewati": 0}
    assert RencanaHasilKerja.objects.filter(skp__pegawai=org.staf).count() == 0


def test_approve_and_return_are_refused_in_a_locked_year(org, staf_draft):
    services.submit_skp(staf_draft, by=org.staf.akun)
    locked = _lock_year(staf_draft)

    with pytest.raises(ValidationError):
        services.approve_skp(locked, by=org.kasi.akun)
    with pytest.raises(ValidationError):
        services.return_skp(locked, by=org.kasi.akun, alasan="Perbaiki")

    assert Skp.objects.get(pk=staf_draft.pk).status == Status.DIAJUKAN


def test_approve_skp_is_refused_when_the_atasan_skp_was_returned_after_submission(org, chain, staf_draft):
    services.submit_skp(staf_draft, by=org.staf.akun)
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(status=Status.DIKEMBALIKAN)

    with pytest.raises(ValidationError) as error:
        services.approve_skp(staf_draft, by=org.kasi.akun)

    assert "SKP-nya belum disetujui" in error.value.messages[0]
    assert Skp.objects.get(pk=staf_draft.pk).status == Status.DIAJUKAN


def test_submit_skp_takes_the_current_atasan_as_penilai_and_in_the_snapshot(org, chain, staf_draft):
    org_services.deactivate_pegawai(org.kasi)
    staf_draft.rencanahasilkerja_set.update(rhk_atasan=chain.rhk_kabid)

    services.submit_skp(staf_draft, by=org.staf.akun)
    services.approve_skp(staf_draft, by=org.kabid.akun)

    staf_draft.refresh_from_db()
    assert (staf_draft.penilai, staf_draft.status) == (org.kabid, Status.DISETUJUI)
    assert (staf_draft.snapshot["penilai"]["nama"], staf_draft.snapshot["atasan_penilai"]["nama"]) == (
        "Kabid A", "Kepala A")


def test_submit_skp_after_the_atasan_changed_names_the_rhk_of_the_old_atasan(org, chain, staf_draft):
    org_services.deactivate_pegawai(org.kasi)

    with pytest.raises(ValidationError) as error:
        services.submit_skp(staf_draft, by=org.staf.akun)

    assert error.value.messages == [
        'RHK 1 "Terangkutnya sampah TPS" menunjuk RHK milik orang lain, bukan pejabat penilai Anda.']
    assert Skp.objects.get(pk=staf_draft.pk).status == Status.DRAFT


def test_submit_skp_of_a_former_jabatan_is_refused_and_the_owner_may_delete_it(org, staf_draft):
    Pegawai.objects.filter(pk=org.staf.pk).update(jabatan=JabatanFactory(unit=org.seksi_a, atasan=org.kasi.jabatan))
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


def test_copy_forward_records_history_for_every_copied_iki(org, chain):
    old = skp_for(org.staf, tahun=2025, status=Status.DISETUJUI)
    IndikatorKinerjaIndividuFactory(rhk=RencanaHasilKerjaFactory(skp=old))
    draft = skp_for(org.staf)

    services.copy_forward_skp(draft, source=old)

    iki = IndikatorKinerjaIndividu.objects.get(rhk__skp=draft)
    assert iki.history.count() == 1


def test_changing_a_locked_periode_penilaian_needs_a_reason(org):
    year = periode()
    quarter = year.periodepenilaian_set.get(nomor=1)
    PeriodePenilaian.objects.filter(pk=quarter.pk).update(terkunci=True)
    quarter.terkunci = False

    with pytest.raises(ValidationError):
        services.update_periode(year, periode_penilaian_list=[quarter], by=org.admin.akun)
    services.update_periode(year, periode_penilaian_list=[quarter], by=org.admin.akun, alasan="Koreksi")

    assert (quarter.history.first().terkunci, quarter.history.first().history_change_reason) == (False, "Koreksi")


def test_add_rhk_puts_the_new_rhk_after_the_last_one(org, chain, staf_draft):
    RencanaHasilKerja.objects.filter(skp=staf_draft).update(urutan=4)

    rhk = services.add_rhk(staf_draft, jenis="tambahan", uraian="Tersusunnya laporan", rhk_atasan=None)

    assert (rhk.urutan, rhk.skp_id) == (5, staf_draft.pk)


def test_add_rhk_refuses_an_atasan_rhk_of_someone_else(org, chain, staf_draft):
    with pytest.raises(ValidationError) as error:
        services.add_rhk(staf_draft, jenis="utama", uraian="Menyasar kabid", rhk_atasan=chain.rhk_kabid)

    assert error.value.message_dict["rhk_atasan"] == ["RHK yang diintervensi harus milik pejabat penilai Anda sendiri."]
    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_delete_rhk_refuses_an_rhk_intervened_by_a_subordinate(org, chain, staf_draft):
    with pytest.raises(ValidationError) as error:
        services.delete_rhk(chain.rhk_kasi)

    assert error.value.messages == ["RHK ini sudah diintervensi RHK bawahan; tidak dapat dihapus."]
    assert RencanaHasilKerja.objects.filter(pk=chain.rhk_kasi.pk).exists() is True


def test_delete_rhk_removes_it_with_its_iki(org, staf_draft):
    rhk = staf_draft.rencanahasilkerja_set.get()

    services.delete_rhk(rhk)

    assert (staf_draft.rencanahasilkerja_set.count(), IndikatorKinerjaIndividu.objects.filter(rhk=rhk.pk).count()) == (0, 0)


def test_update_skp_writes_the_lampiran_but_never_an_old_status(org, staf_draft):
    stale = Skp.objects.get(pk=staf_draft.pk)
    Skp.objects.filter(pk=staf_draft.pk).update(status=Status.DIAJUKAN)

    services.update_skp(stale, pendekatan="kualitatif", dukungan_sumber_daya="Truk", skema_pertanggungjawaban="",
                        konsekuensi="")

    staf_draft.refresh_from_db()
    assert (staf_draft.status, staf_draft.pendekatan, staf_draft.dukungan_sumber_daya) == (
        Status.DIAJUKAN, "kualitatif", "Truk")
