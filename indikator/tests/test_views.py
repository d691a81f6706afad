import pytest
from django.urls import reverse

from indikator.models import MatriksPeranHasil, PerilakuKerja, Periode, Skp
from indikator.tests.factories import (
    IndikatorKinerjaFactory,
    IndikatorKinerjaIndividuFactory,
    RencanaHasilKerjaFactory,
    SasaranStrategisFactory,
    periode,
    skp_for,
)
from organisasi.models import Pegawai
from organisasi.tests.factories import JabatanFactory, PegawaiFactory

pytestmark = pytest.mark.django_db


def test_skp_detail_shows_the_frozen_header_and_rhk_to_the_owner(client, org, staf_draft):
    client.force_login(org.staf.akun)

    response = client.get(reverse("indikator:skp_detail", args=[staf_draft.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Staf A1" in content and "Kasi A" in content and "Terangkutnya sampah TPS" in content
    assert "Ajukan ke pejabat penilai" in content


def test_skp_detail_of_another_opd_is_404_for_an_outsider(client, org, staf_draft):
    client.force_login(org.staf_b.akun)

    assert client.get(reverse("indikator:skp_detail", args=[staf_draft.pk])).status_code == 404


def test_skp_detail_of_a_colleague_is_404(client, org, staf_draft):
    client.force_login(org.staf2.akun)

    assert client.get(reverse("indikator:skp_detail", args=[staf_draft.pk])).status_code == 404


def test_rhk_create_is_403_for_the_atasan_who_can_only_read(client, org, staf_draft):
    client.force_login(org.kasi.akun)

    response = client.get(reverse("indikator:rhk_create", args=[staf_draft.pk]))

    assert response.status_code == 403


def test_rhk_create_on_a_submitted_skp_is_refused_with_the_reason(client, org, staf_draft):
    Skp.objects.filter(pk=staf_draft.pk).update(status=Skp.Status.DIAJUKAN)
    client.force_login(org.staf.akun)

    response = client.post(reverse("indikator:rhk_create", args=[staf_draft.pk]), {"jenis": "utama", "uraian": "X"})

    assert response.status_code == 403
    assert "SKP berstatus Diajukan tidak dapat diubah." in response.content.decode()
    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_iki_form_with_negative_target_keeps_the_input_and_saves_nothing(client, org, staf_draft):
    rhk = staf_draft.rencanahasilkerja_set.get()
    client.force_login(org.staf.akun)

    response = client.post(reverse("indikator:iki_create", args=[rhk.pk]), {
        "aspek": "kuantitas", "uraian": "Jumlah laporan unik", "target": "-4", "satuan": "laporan",
        "polaritas": "naik"})

    assert response.status_code == 200
    assert "Target tidak boleh negatif." in response.content.decode()
    assert "Jumlah laporan unik" in response.content.decode()
    assert rhk.indikatorkinerjaindividu_set.count() == 1


def test_rhk_form_refuses_an_atasan_rhk_of_another_employee(client, org, chain, staf_draft):
    client.force_login(org.staf.akun)

    response = client.post(reverse("indikator:rhk_create", args=[staf_draft.pk]), {
        "jenis": "utama", "uraian": "Menyasar kabid", "rhk_atasan": chain.rhk_kabid.pk})

    assert response.status_code == 200
    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_workflow_through_the_views_submit_return_resubmit_approve(client, org, staf_draft):
    skp_url = reverse("indikator:skp_detail", args=[staf_draft.pk])
    client.force_login(org.staf.akun)
    client.post(reverse("indikator:skp_submit", args=[staf_draft.pk]))
    client.force_login(org.kasi.akun)
    client.post(reverse("indikator:skp_return", args=[staf_draft.pk]), {"alasan": ""})
    assert Skp.objects.get(pk=staf_draft.pk).status == "diajukan"
    client.post(reverse("indikator:skp_return", args=[staf_draft.pk]), {"alasan": "Tambah aspek waktu"})
    client.force_login(org.staf.akun)
    assert "Tambah aspek waktu" in client.get(skp_url).content.decode()
    client.post(reverse("indikator:skp_submit", args=[staf_draft.pk]))
    client.force_login(org.kasi.akun)

    client.post(reverse("indikator:skp_approve", args=[staf_draft.pk]))

    assert Skp.objects.get(pk=staf_draft.pk).status == "disetujui"


def test_approve_by_someone_other_than_the_penilai_changes_nothing(client, org, staf_draft):
    Skp.objects.filter(pk=staf_draft.pk).update(status=Skp.Status.DIAJUKAN)
    client.force_login(org.kabid.akun)

    client.post(reverse("indikator:skp_approve", args=[staf_draft.pk]))

    assert Skp.objects.get(pk=staf_draft.pk).status == "diajukan"


def test_matriks_is_403_for_someone_reading_the_atasan_skp(client, org, chain):
    client.force_login(org.kabid.akun)

    assert client.get(reverse("indikator:matriks", args=[chain.skp_kasi.pk])).status_code == 403


def test_matriks_push_through_the_view_creates_the_subordinate_draft(client, org, chain):
    client.force_login(org.kasi.akun)

    client.post(reverse("indikator:matriks", args=[chain.skp_kasi.pk]), {
        f"sel-{chain.iki_kasi.pk}-{org.staf.pk}": "Terangkutnya sampah", "dorong": "1"})

    skp = Skp.objects.get(pegawai=org.staf)
    assert list(skp.rencanahasilkerja_set.values_list("uraian", "rhk_atasan")) == [
        ("Terangkutnya sampah", chain.rhk_kasi.pk)]


def _add_subordinates(atasan, count):
    for _ in range(count):
        bawahan = PegawaiFactory(jabatan=JabatanFactory(unit=atasan.unit, atasan=atasan.jabatan), atasan=atasan,
                                 atasan_manual=True)
        skp_for(bawahan)


@pytest.mark.parametrize("extra", [1, 3])
def test_skp_bawahan_uses_a_constant_number_of_queries(client, org, chain, extra, django_assert_num_queries):
    _add_subordinates(org.kasi, extra)
    client.force_login(org.kasi.akun)
    client.get(reverse("indikator:skp_bawahan"))  # warm the session

    with django_assert_num_queries(10):
        response = client.get(reverse("indikator:skp_bawahan"))

    assert response.content.decode().count("bawahan-row") == 2 + extra


@pytest.mark.parametrize("count", [1, 3])
def test_indikator_list_uses_a_constant_number_of_queries(client, org, count, django_assert_num_queries):
    for _ in range(count):
        IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    client.force_login(org.pengelola.akun)

    with django_assert_num_queries(9):
        response = client.get(reverse("indikator:indikator_list"))

    assert response.content.decode().count("list-group-item-action") == count


@pytest.mark.parametrize("count", [1, 3])
def test_skp_list_uses_a_constant_number_of_queries(client, org, count, django_assert_num_queries):
    for tahun in range(2026 - count + 1, 2027):
        skp_for(org.staf, tahun=tahun, status=Skp.Status.DISETUJUI)
    client.force_login(org.staf.akun)

    with django_assert_num_queries(10):
        response = client.get(reverse("indikator:skp_list"))

    assert response.content.decode().count("list-group-item-action") == count


def test_indikator_list_htmx_request_gets_only_the_table(client, org):
    IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a), nama="Cakupan imunisasi")
    client.force_login(org.pengelola.akun)

    response = client.get(reverse("indikator:indikator_list"), {"q": "imun"}, headers={"HX-Request": "true"})

    assert "<nav" not in response.content.decode()
    assert "Cakupan imunisasi" in response.content.decode()


def test_indikator_detail_of_another_opd_is_404(client, org):
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    client.force_login(org.staf_b.akun)

    assert client.get(reverse("indikator:indikator_detail", args=[indikator.pk])).status_code == 404


def test_indikator_update_is_403_for_a_pegawai_who_can_read_it(client, org):
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    client.force_login(org.staf.akun)

    assert client.get(reverse("indikator:indikator_update", args=[indikator.pk])).status_code == 403


def test_realisasi_save_shows_capaian_on_the_detail_page(client, org):
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a), target=80)
    quarter = periode().periodepenilaian_set.get(nomor=1)
    client.force_login(org.pengelola.akun)

    response = client.post(reverse("indikator:realisasi_save", args=[indikator.pk]),
                           {"periode_penilaian": quarter.pk, "nilai": "60"}, follow=True)

    assert "75,0%" in response.content.decode() or "75.0%" in response.content.decode()


def test_periode_create_is_for_bkpsdm_only(client, org):
    client.force_login(org.pengelola.akun)

    assert client.post(reverse("indikator:periode_create"), {"tahun": 2030, "skema": "bulanan"}).status_code == 403


def test_periode_create_by_bkpsdm_makes_the_months(client, org):
    client.force_login(org.admin.akun)

    client.post(reverse("indikator:periode_create"), {"tahun": 2030, "skema": "bulanan"})

    assert periode(2030).periodepenilaian_set.count() == 12


def test_rhk_delete_of_an_rhk_intervened_by_a_subordinate_is_refused(client, org, chain, staf_draft):
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(status=Skp.Status.DRAFT)
    client.force_login(org.kasi.akun)

    client.post(reverse("indikator:rhk_delete", args=[chain.rhk_kasi.pk]))

    assert RencanaHasilKerjaFactory._meta.model.objects.filter(pk=chain.rhk_kasi.pk).exists() is True


def test_periode_update_changes_a_quarter_deadline(client, org):
    year = periode()
    quarters = list(year.periodepenilaian_set.all())
    data = {"skema": "triwulanan", "batas_penetapan_skp": "2026-01-31", "alasan": "",
            "form-TOTAL_FORMS": "4", "form-INITIAL_FORMS": "4"}
    for i, q in enumerate(quarters):
        data.update({f"form-{i}-id": q.pk, f"form-{i}-batas_realisasi": q.batas_realisasi.isoformat(),
                     f"form-{i}-batas_evaluasi": q.batas_evaluasi.isoformat()})
    data["form-0-batas_evaluasi"] = "2026-04-20"
    client.force_login(org.admin.akun)

    response = client.post(reverse("indikator:periode_update", args=[year.pk]), data)

    assert response.status_code == 302
    assert str(year.periodepenilaian_set.get(nomor=1).batas_evaluasi) == "2026-04-20"


def test_periode_update_of_a_locked_year_without_reason_is_refused(client, org):
    year = periode()
    year.terkunci = True
    year.save()
    client.force_login(org.admin.akun)

    response = client.post(reverse("indikator:periode_update", args=[year.pk]), {
        "skema": "bulanan", "batas_penetapan_skp": "2026-01-31", "alasan": "",
        "form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"})

    assert "Periode terkunci: tuliskan alasan perubahan." in response.content.decode()
    assert year.periodepenilaian_set.count() == 4


MODEL_ADMINS = ["periode", "periodepenilaian", "sasaranstrategis", "indikatorkinerja", "realisasiindikator",
                "perilakukerja", "panduanperilaku", "skp", "rencanahasilkerja", "indikatorkinerjaindividu",
                "ekspektasikhusus", "matriksperanhasil"]


@pytest.mark.parametrize("model", MODEL_ADMINS)
def test_admin_lists_and_exports_every_indikator_model(admin_client, chain, model):
    assert admin_client.get(f"/admin/indikator/{model}/").status_code == 200
    assert admin_client.get(f"/admin/indikator/{model}/export/").status_code == 200


def test_penilai_writes_ekspektasi_khusus_and_the_pegawai_cannot(client, org, staf_draft):
    url = reverse("indikator:ekspektasi_update", args=[staf_draft.pk])
    client.force_login(org.staf.akun)
    assert client.get(url).status_code == 403
    client.force_login(org.kasi.akun)

    client.post(url, {f"perilaku-{p.pk}": "Tanggap aduan warga" if p.urutan == 1 else ""
                      for p in PerilakuKerja.objects.all()})

    assert list(staf_draft.ekspektasikhusus_set.values_list("perilaku__nama", "uraian")) == [
        ("Berorientasi Pelayanan", "Tanggap aduan warga")]


def test_reopen_through_the_view_by_bkpsdm_with_a_reason(client, org, chain):
    client.force_login(org.admin.akun)

    client.post(reverse("indikator:skp_reopen", args=[chain.skp_kasi.pk]), {"alasan": "Salah target"})

    assert Skp.objects.get(pk=chain.skp_kasi.pk).status == Skp.Status.DIKEMBALIKAN


def test_copy_forward_button_fills_an_empty_draft(client, org, chain):
    old = skp_for(org.staf, tahun=2025, status=Skp.Status.DISETUJUI)
    RencanaHasilKerjaFactory(skp=old, uraian="RHK tahun lalu")
    draft = skp_for(org.staf)
    client.force_login(org.staf.akun)

    client.post(reverse("indikator:skp_copy_forward", args=[draft.pk]))

    assert list(draft.rencanahasilkerja_set.values_list("uraian", flat=True)) == ["RHK tahun lalu"]


def test_pengelola_adds_an_indikator_only_under_their_own_opd(client, org):
    own = SasaranStrategisFactory(unit=org.opd_a)
    other = SasaranStrategisFactory(unit=org.opd_b)
    client.force_login(org.pengelola.akun)
    data = {"kode": "X-1", "nama": "Indikator X", "dokumen": "iku", "tahun": 2026, "satuan": "%",
            "polaritas": "naik", "target": "50"}

    client.post(reverse("indikator:indikator_create"), {**data, "sasaran": other.pk})
    client.post(reverse("indikator:indikator_create"), {**data, "sasaran": own.pk})

    assert list(own.indikatorkinerja_set.values_list("kode", flat=True)) == ["X-1"]
    assert other.indikatorkinerja_set.count() == 0


def test_skp_create_twice_is_refused_with_a_message_and_one_skp_remains(client, org):
    client.force_login(org.staf.akun)
    data = {"periode": periode().pk, "pendekatan": "kuantitatif"}
    client.post(reverse("indikator:skp_create"), data)

    response = client.post(reverse("indikator:skp_create"), data, follow=True)

    assert "Anda sudah punya SKP 2026 yang belum disetujui." in response.content.decode()
    assert Skp.objects.filter(pegawai=org.staf).count() == 1


def test_editing_an_skp_of_a_locked_year_is_refused_with_the_reason(client, org, staf_draft):
    staf_draft.periode.terkunci = True
    staf_draft.periode.save()
    client.force_login(org.staf.akun)

    response = client.get(reverse("indikator:skp_update", args=[staf_draft.pk]))

    assert response.status_code == 403
    assert "Periode 2026 terkunci; SKP tidak dapat diubah." in response.content.decode()


@pytest.mark.parametrize("extra_rhk", [0, 2])
def test_skp_detail_query_count_does_not_grow_with_rhk(client, org, chain, staf_draft, extra_rhk,
                                                       django_assert_num_queries):
    for _ in range(extra_rhk):
        IndikatorKinerjaIndividuFactory(rhk=RencanaHasilKerjaFactory(skp=staf_draft, rhk_atasan=chain.rhk_kasi))
    client.force_login(org.staf.akun)
    client.get(reverse("indikator:skp_detail", args=[staf_draft.pk]))

    with django_assert_num_queries(14):
        client.get(reverse("indikator:skp_detail", args=[staf_draft.pk]))


def _locked_year_indikator(org):
    Periode.objects.filter(pk=periode(2026).pk).update(terkunci=True)
    return IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a), target=80)


def _indikator_data(indikator, **changes):
    return {"sasaran": indikator.sasaran_id, "kode": indikator.kode, "nama": indikator.nama, "dokumen": "iku",
            "tahun": 2026, "satuan": "%", "polaritas": "naik", "target": "10", "target_atas": "", **changes}


def test_pengelola_cannot_edit_an_indikator_of_a_locked_year(client, org):
    indikator = _locked_year_indikator(org)
    client.force_login(org.pengelola.akun)

    response = client.post(reverse("indikator:indikator_update", args=[indikator.pk]), _indikator_data(indikator))

    indikator.refresh_from_db()
    assert response.status_code == 403
    assert indikator.target == 80


def test_pengelola_cannot_add_an_indikator_to_a_locked_year(client, org):
    Periode.objects.filter(pk=periode(2026).pk).update(terkunci=True)
    sasaran = SasaranStrategisFactory(unit=org.opd_a)
    client.force_login(org.pengelola.akun)

    response = client.post(reverse("indikator:indikator_create"), {
        "sasaran": sasaran.pk, "kode": "X-1", "nama": "Indikator X", "dokumen": "iku", "tahun": 2026,
        "satuan": "%", "polaritas": "naik", "target": "50"})

    assert response.status_code == 200
    assert "hanya BKPSDM yang dapat mengubahnya" in response.content.decode()
    assert sasaran.indikatorkinerja_set.count() == 0


def test_bkpsdm_edits_an_indikator_of_a_locked_year_only_with_a_reason(client, org):
    indikator = _locked_year_indikator(org)
    url = reverse("indikator:indikator_update", args=[indikator.pk])
    client.force_login(org.admin.akun)

    refused = client.post(url, _indikator_data(indikator))
    accepted = client.post(url, _indikator_data(indikator, alasan="Revisi Perjanjian Kinerja"))

    indikator.refresh_from_db()
    assert (refused.status_code, accepted.status_code) == (200, 302)
    assert indikator.target == 10
    assert indikator.history.first().history_change_reason == "Revisi Perjanjian Kinerja"


def test_ekspektasi_of_an_skp_in_a_locked_year_is_403_for_the_penilai(client, org, staf_draft):
    Periode.objects.filter(pk=staf_draft.periode_id).update(terkunci=True)
    client.force_login(org.kasi.akun)

    response = client.post(reverse("indikator:ekspektasi_update", args=[staf_draft.pk]),
                           {f"perilaku-{PerilakuKerja.objects.first().pk}": "baru"})

    assert response.status_code == 403
    assert staf_draft.ekspektasikhusus_set.count() == 0


def test_matriks_push_in_a_locked_year_keeps_the_input_and_saves_nothing(client, org, chain):
    Periode.objects.filter(pk=chain.skp_kasi.periode_id).update(terkunci=True)
    client.force_login(org.kasi.akun)

    response = client.post(reverse("indikator:matriks", args=[chain.skp_kasi.pk]), {
        f"sel-{chain.iki_kasi.pk}-{org.staf.pk}": "Peran yang diketik", "dorong": "1"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Periode 2026 terkunci; matriks peran hasil tidak dapat diubah." in content
    assert "Peran yang diketik" in content
    assert (MatriksPeranHasil.objects.count(), Skp.objects.filter(pegawai=org.staf).count()) == (0, 0)


def test_rhk_of_a_draft_can_be_edited_while_the_atasan_skp_is_returned(client, org, chain, staf_draft):
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(status=Skp.Status.DIKEMBALIKAN)
    rhk = staf_draft.rencanahasilkerja_set.get()
    client.force_login(org.staf.akun)

    response = client.post(reverse("indikator:rhk_update", args=[rhk.pk]),
                           {"jenis": "utama", "uraian": "Teks diperbaiki", "rhk_atasan": chain.rhk_kasi.pk})

    rhk.refresh_from_db()
    assert response.status_code == 302
    assert (rhk.uraian, rhk.rhk_atasan_id) == ("Teks diperbaiki", chain.rhk_kasi.pk)


def test_owner_deletes_the_draft_of_a_former_jabatan_from_the_detail_page(client, org, staf_draft):
    Pegawai.objects.filter(pk=org.staf.pk).update(jabatan=JabatanFactory(unit=org.seksi_a, atasan=org.kasi.jabatan))
    client.force_login(org.staf.akun)
    url = reverse("indikator:skp_detail", args=[staf_draft.pk])
    assert "Hapus draft SKP jabatan lama" in client.get(url).content.decode()

    response = client.post(reverse("indikator:skp_delete", args=[staf_draft.pk]))

    assert response.url == reverse("indikator:skp_list")
    assert Skp.objects.filter(pegawai=org.staf).count() == 0



def test_skp_update_saves_pendekatan_and_lampiran(client, org, staf_draft):
    client.force_login(org.staf.akun)

    response = client.post(reverse("indikator:skp_update", args=[staf_draft.pk]), {
        "pendekatan": "kualitatif", "dukungan_sumber_daya": "Truk sampah", "skema_pertanggungjawaban": "",
        "konsekuensi": ""})

    staf_draft.refresh_from_db()
    assert response.status_code == 302
    assert (staf_draft.pendekatan, staf_draft.dukungan_sumber_daya, staf_draft.status) == (
        "kualitatif", "Truk sampah", Skp.Status.DRAFT)


def test_return_without_a_reason_shows_the_page_again_with_the_error_at_the_field(client, org, staf_draft):
    Skp.objects.filter(pk=staf_draft.pk).update(status=Skp.Status.DIAJUKAN)
    client.force_login(org.kasi.akun)

    response = client.post(reverse("indikator:skp_return", args=[staf_draft.pk]), {"alasan": "  "})

    assert response.status_code == 200
    assert response.context["alasan_form"].errors["alasan"] == ["Bidang ini tidak boleh kosong."]
    assert Skp.objects.get(pk=staf_draft.pk).status == Skp.Status.DIAJUKAN


def test_refused_reopen_keeps_the_typed_reason_on_the_page(client, org, chain):
    Skp.objects.create(pegawai=org.kasi, periode=chain.periode, jabatan=JabatanFactory(unit=org.seksi_a),
                       tanggal_mulai=chain.periode.mulai, tanggal_selesai=chain.periode.selesai)
    client.force_login(org.admin.akun)

    response = client.post(reverse("indikator:skp_reopen", args=[chain.skp_kasi.pk]), {"alasan": "Salah target kuantitas"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Pegawai ini sudah punya SKP terbuka lain pada tahun yang sama." in content
    assert "Salah target kuantitas" in content
    assert Skp.objects.get(pk=chain.skp_kasi.pk).status == Skp.Status.DISETUJUI


def test_approve_posted_by_a_reader_of_the_skp_is_403(client, org, staf_draft):
    Skp.objects.filter(pk=staf_draft.pk).update(status=Skp.Status.DIAJUKAN)
    client.force_login(org.kabid.akun)

    response = client.post(reverse("indikator:skp_approve", args=[staf_draft.pk]))

    assert response.status_code == 403
    assert Skp.objects.get(pk=staf_draft.pk).status == Skp.Status.DIAJUKAN


def test_submit_with_problems_by_the_owner_shows_them_as_messages(client, org, chain):
    draft = skp_for(org.staf)
    client.force_login(org.staf.akun)

    response = client.post(reverse("indikator:skp_submit", args=[draft.pk]), follow=True)

    assert "SKP belum punya RHK utama." in response.content.decode()
    assert Skp.objects.get(pk=draft.pk).status == Skp.Status.DRAFT


def test_unlocking_a_periode_without_a_reason_shows_the_error_at_the_field(client, org):
    year = periode()
    Periode.objects.filter(pk=year.pk).update(terkunci=True)
    client.force_login(org.admin.akun)

    response = client.post(reverse("indikator:periode_lock", args=[year.pk]), {"terkunci": "0", "alasan": ""})

    assert response.status_code == 200
    assert response.context["lock_form"].errors["alasan"] == ["Tuliskan alasan membuka kunci periode."]
    assert Periode.objects.get(pk=year.pk).terkunci is True


def test_rhk_delete_of_an_intervened_rhk_says_why(client, org, chain, staf_draft):
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(status=Skp.Status.DRAFT)
    client.force_login(org.kasi.akun)

    response = client.post(reverse("indikator:rhk_delete", args=[chain.rhk_kasi.pk]), follow=True)

    assert "RHK ini sudah diintervensi RHK bawahan; tidak dapat dihapus." in response.content.decode()


def test_ekspektasi_form_shows_the_saved_text_and_the_guides(client, org, staf_draft):
    perilaku = PerilakuKerja.objects.get(urutan=1)
    staf_draft.ekspektasikhusus_set.create(perilaku=perilaku, uraian="Tanggap aduan warga")
    client.force_login(org.kasi.akun)

    response = client.get(reverse("indikator:ekspektasi_update", args=[staf_draft.pk]))

    form = response.context["form"]
    assert form[f"perilaku-{perilaku.pk}"].initial == "Tanggap aduan warga"
    assert form.fields[f"perilaku-{perilaku.pk}"].label == "1. Berorientasi Pelayanan"
    assert "Memahami dan memenuhi kebutuhan masyarakat" in response.content.decode()


def test_indikator_import_without_a_file_asks_for_one_at_the_field(client, org):
    client.force_login(org.pengelola.akun)

    response = client.post(reverse("indikator:indikator_import"), {})

    assert response.context["form"].errors["berkas"] == ["Pilih berkas xlsx terlebih dahulu."]
