import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from indikator.models import PerilakuKerja, Periode, Skp
from indikator.spreadsheets import SKP_HEADERS
from indikator.tests.factories import (
    IndikatorKinerjaIndividuFactory,
    RencanaHasilKerjaFactory,
    periode,
    skp_for,
)
from organisasi.models import Pegawai
from organisasi.tests.factories import JabatanFactory, PegawaiFactory

pytestmark = pytest.mark.django_db


def test_skp_detail_shows_the_frozen_header_and_rhk_to_the_owner(
    client, org, staf_draft
):
    client.force_login(org.staf.akun)

    response = client.get(reverse("indikator:skp_detail", args=[staf_draft.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert (
        "Staf A1" in content
        and "Kasi A" in content
        and "Terangkutnya sampah TPS" in content
    )
    assert "Ajukan ke pejabat penilai" in content


@pytest.mark.parametrize("extra_rhk", [0, 2])
def test_skp_detail_query_count_does_not_grow_with_rhk(
    client, org, chain, staf_draft, extra_rhk, django_assert_num_queries
):
    for _ in range(extra_rhk):
        IndikatorKinerjaIndividuFactory(
            rhk=RencanaHasilKerjaFactory(skp=staf_draft, rhk_atasan=chain.rhk_kasi)
        )
    client.force_login(org.staf.akun)
    client.get(reverse("indikator:skp_detail", args=[staf_draft.pk]))

    with django_assert_num_queries(13):
        client.get(reverse("indikator:skp_detail", args=[staf_draft.pk]))


def _add_subordinates(atasan, count):
    for _ in range(count):
        bawahan = PegawaiFactory(
            jabatan=JabatanFactory(unit=atasan.unit, atasan=atasan.jabatan),
            atasan=atasan,
            atasan_manual=True,
        )
        skp_for(bawahan)


def test_skp_detail_of_another_opd_is_404_for_an_outsider(client, org, staf_draft):
    client.force_login(org.staf_b.akun)

    assert (
        client.get(reverse("indikator:skp_detail", args=[staf_draft.pk])).status_code
        == 404
    )


def test_skp_detail_of_a_colleague_is_404(client, org, staf_draft):
    client.force_login(org.staf2.akun)

    assert (
        client.get(reverse("indikator:skp_detail", args=[staf_draft.pk])).status_code
        == 404
    )


def test_workflow_through_the_views_submit_return_resubmit_approve(
    client, org, staf_draft
):
    skp_url = reverse("indikator:skp_detail", args=[staf_draft.pk])
    client.force_login(org.staf.akun)
    client.post(reverse("indikator:skp_submit", args=[staf_draft.pk]))
    client.force_login(org.kasi.akun)
    client.post(reverse("indikator:skp_return", args=[staf_draft.pk]), {"alasan": ""})
    assert Skp.objects.get(pk=staf_draft.pk).status == "diajukan"
    client.post(
        reverse("indikator:skp_return", args=[staf_draft.pk]),
        {"alasan": "Tambah aspek waktu"},
    )
    client.force_login(org.staf.akun)
    assert "Tambah aspek waktu" in client.get(skp_url).content.decode()
    client.post(reverse("indikator:skp_submit", args=[staf_draft.pk]))
    client.force_login(org.kasi.akun)

    client.post(reverse("indikator:skp_approve", args=[staf_draft.pk]))

    assert Skp.objects.get(pk=staf_draft.pk).status == "disetujui"


def test_approve_by_someone_other_than_the_penilai_changes_nothing(
    client, org, staf_draft
):
    Skp.objects.filter(pk=staf_draft.pk).update(status=Skp.Status.DIAJUKAN)
    client.force_login(org.kabid.akun)

    client.post(reverse("indikator:skp_approve", args=[staf_draft.pk]))

    assert Skp.objects.get(pk=staf_draft.pk).status == "diajukan"


@pytest.mark.parametrize("extra", [1, 3])
def test_skp_bawahan_uses_a_constant_number_of_queries(
    client, org, chain, extra, django_assert_num_queries
):
    _add_subordinates(org.kasi, extra)
    client.force_login(org.kasi.akun)
    client.get(reverse("indikator:skp_bawahan"))  # warm the session

    with django_assert_num_queries(10):
        response = client.get(reverse("indikator:skp_bawahan"))

    assert response.content.decode().count("bawahan-row") == 2 + extra


@pytest.mark.parametrize("count", [1, 3])
def test_skp_list_uses_a_constant_number_of_queries(
    client, org, count, django_assert_num_queries
):
    for tahun in range(2026 - count + 1, 2027):
        skp_for(org.staf, tahun=tahun, status=Skp.Status.DISETUJUI)
    client.force_login(org.staf.akun)

    with django_assert_num_queries(10):
        response = client.get(reverse("indikator:skp_list"))

    assert response.content.decode().count("list-group-item-action") == count


def test_penilai_writes_ekspektasi_khusus_and_the_pegawai_cannot(
    client, org, staf_draft
):
    url = reverse("indikator:ekspektasi_update", args=[staf_draft.pk])
    client.force_login(org.staf.akun)
    assert client.get(url).status_code == 403
    client.force_login(org.kasi.akun)

    client.post(
        url,
        {
            f"perilaku-{p.pk}": "Tanggap aduan warga" if p.urutan == 1 else ""
            for p in PerilakuKerja.objects.all()
        },
    )

    assert list(
        staf_draft.ekspektasikhusus_set.values_list("perilaku__nama", "uraian")
    ) == [("Berorientasi Pelayanan", "Tanggap aduan warga")]


def test_reopen_through_the_view_by_bkpsdm_with_a_reason(client, org, chain):
    client.force_login(org.admin.akun)

    client.post(
        reverse("indikator:skp_reopen", args=[chain.skp_kasi.pk]),
        {"alasan": "Salah target"},
    )

    assert Skp.objects.get(pk=chain.skp_kasi.pk).status == Skp.Status.DIKEMBALIKAN


def test_copy_forward_button_fills_an_empty_draft(client, org, chain):
    old = skp_for(org.staf, tahun=2025, status=Skp.Status.DISETUJUI)
    RencanaHasilKerjaFactory(skp=old, uraian="RHK tahun lalu")
    draft = skp_for(org.staf)
    client.force_login(org.staf.akun)

    client.post(reverse("indikator:skp_copy_forward", args=[draft.pk]))

    assert list(draft.rencanahasilkerja_set.values_list("uraian", flat=True)) == [
        "RHK tahun lalu"
    ]


def test_skp_create_twice_is_refused_with_a_message_and_one_skp_remains(client, org):
    client.force_login(org.staf.akun)
    data = {"periode": periode().pk, "pendekatan": "kuantitatif"}
    client.post(reverse("indikator:skp_create"), data)

    response = client.post(reverse("indikator:skp_create"), data, follow=True)

    assert (
        "Anda sudah punya SKP 2026 yang belum disetujui." in response.content.decode()
    )
    assert Skp.objects.filter(pegawai=org.staf).count() == 1


def test_editing_an_skp_of_a_locked_year_is_refused_with_the_reason(
    client, org, staf_draft
):
    staf_draft.periode.terkunci = True
    staf_draft.periode.save()
    client.force_login(org.staf.akun)

    response = client.get(reverse("indikator:skp_update", args=[staf_draft.pk]))

    assert response.status_code == 403
    assert "Periode 2026 terkunci; SKP tidak dapat diubah." in response.content.decode()


def test_ekspektasi_of_an_skp_in_a_locked_year_is_403_for_the_penilai(
    client, org, staf_draft
):
    Periode.objects.filter(pk=staf_draft.periode_id).update(terkunci=True)
    client.force_login(org.kasi.akun)

    response = client.post(
        reverse("indikator:ekspektasi_update", args=[staf_draft.pk]),
        {f"perilaku-{PerilakuKerja.objects.first().pk}": "baru"},
    )

    assert response.status_code == 403
    assert staf_draft.ekspektasikhusus_set.count() == 0


def test_owner_deletes_the_draft_of_a_former_jabatan_from_the_detail_page(
    client, org, staf_draft
):
    Pegawai.objects.filter(pk=org.staf.pk).update(
        jabatan=JabatanFactory(unit=org.seksi_a, atasan=org.kasi.jabatan)
    )
    client.force_login(org.staf.akun)
    url = reverse("indikator:skp_detail", args=[staf_draft.pk])
    assert "Hapus draft SKP jabatan lama" in client.get(url).content.decode()

    response = client.post(reverse("indikator:skp_delete", args=[staf_draft.pk]))

    assert response.url == reverse("indikator:skp_list")
    assert Skp.objects.filter(pegawai=org.staf).count() == 0


def test_skp_update_saves_pendekatan_and_lampiran(client, org, staf_draft):
    client.force_login(org.staf.akun)

    response = client.post(
        reverse("indikator:skp_update", args=[staf_draft.pk]),
        {
            "pendekatan": "kualitatif",
            "dukungan_sumber_daya": "Truk sampah",
            "skema_pertanggungjawaban": "",
            "konsekuensi": "",
        },
    )

    staf_draft.refresh_from_db()
    assert response.status_code == 302
    assert (
        staf_draft.pendekatan,
        staf_draft.dukungan_sumber_daya,
        staf_draft.status,
    ) == ("kualitatif", "Truk sampah", Skp.Status.DRAFT)


def test_return_without_a_reason_shows_the_page_again_with_the_error_at_the_field(
    client, org, staf_draft
):
    Skp.objects.filter(pk=staf_draft.pk).update(status=Skp.Status.DIAJUKAN)
    client.force_login(org.kasi.akun)

    response = client.post(
        reverse("indikator:skp_return", args=[staf_draft.pk]), {"alasan": "  "}
    )

    assert response.status_code == 200
    assert response.context["alasan_form"].errors["alasan"] == [
        "Bidang ini tidak boleh kosong."
    ]
    assert Skp.objects.get(pk=staf_draft.pk).status == Skp.Status.DIAJUKAN


def test_refused_reopen_keeps_the_typed_reason_on_the_page(client, org, chain):
    Skp.objects.create(
        pegawai=org.kasi,
        periode=chain.periode,
        jabatan=JabatanFactory(unit=org.seksi_a),
        tanggal_mulai=chain.periode.mulai,
        tanggal_selesai=chain.periode.selesai,
    )
    client.force_login(org.admin.akun)

    response = client.post(
        reverse("indikator:skp_reopen", args=[chain.skp_kasi.pk]),
        {"alasan": "Salah target kuantitas"},
    )

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

    response = client.post(
        reverse("indikator:skp_submit", args=[draft.pk]), follow=True
    )

    assert "SKP belum punya RHK utama." in response.content.decode()
    assert Skp.objects.get(pk=draft.pk).status == Skp.Status.DRAFT


def test_ekspektasi_form_shows_the_saved_text_and_the_guides(client, org, staf_draft):
    perilaku = PerilakuKerja.objects.get(urutan=1)
    staf_draft.ekspektasikhusus_set.create(
        perilaku=perilaku, uraian="Tanggap aduan warga"
    )
    client.force_login(org.kasi.akun)

    response = client.get(reverse("indikator:ekspektasi_update", args=[staf_draft.pk]))

    form = response.context["form"]
    assert form[f"perilaku-{perilaku.pk}"].initial == "Tanggap aduan warga"
    assert form.fields[f"perilaku-{perilaku.pk}"].label == "1. Berorientasi Pelayanan"
    assert "Memahami dan memenuhi kebutuhan masyarakat" in response.content.decode()


def test_skp_import_lists_the_refused_rows_by_spreadsheet_row_and_column(
    client, org, chain, staf_draft
):
    workbook = Workbook()
    workbook.active.append(SKP_HEADERS)
    workbook.active.append(
        [1, "Utama", "RHK baru", 7, "Kuantitas", "Jumlah", 3, None, "x", "naik", ""]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(org.staf.akun)

    response = client.post(
        reverse("indikator:skp_import", args=[staf_draft.pk]),
        {"berkas": SimpleUploadedFile("rhk.xlsx", buffer.getvalue())},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert (
        "<td>2</td><td>No RHK Atasan</td><td>RHK atasan nomor 7 tidak ada di SKP pejabat penilai Anda.</td>"
        in content
    )
    assert list(staf_draft.rencanahasilkerja_set.values_list("uraian", flat=True)) == [
        "Terangkutnya sampah TPS"
    ]
