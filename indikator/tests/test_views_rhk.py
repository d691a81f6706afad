import pytest
from django.urls import reverse

from indikator.models import IndikatorKinerjaIndividu, Skp
from indikator.tests.factories import RencanaHasilKerjaFactory

pytestmark = pytest.mark.django_db


def test_rhk_create_is_403_for_the_atasan_who_can_only_read(client, org, staf_draft):
    client.force_login(org.kasi.akun)

    response = client.get(reverse("indikator:rhk_create", args=[staf_draft.pk]))

    assert response.status_code == 403


def test_rhk_create_on_a_submitted_skp_is_refused_with_the_reason(
    client, org, staf_draft
):
    Skp.objects.filter(pk=staf_draft.pk).update(status=Skp.Status.DIAJUKAN)
    client.force_login(org.staf.akun)

    response = client.post(
        reverse("indikator:rhk_create", args=[staf_draft.pk]),
        {"jenis": "utama", "uraian": "X"},
    )

    assert response.status_code == 403
    assert "SKP berstatus Diajukan tidak dapat diubah." in response.content.decode()
    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_iki_form_with_negative_target_keeps_the_input_and_saves_nothing(
    client, org, staf_draft
):
    rhk = staf_draft.rencanahasilkerja_set.get()
    client.force_login(org.staf.akun)

    response = client.post(
        reverse("indikator:iki_create", args=[rhk.pk]),
        {
            "aspek": "kuantitas",
            "uraian": "Jumlah laporan unik",
            "target": "-4",
            "satuan": "laporan",
            "polaritas": "naik",
        },
    )

    assert response.status_code == 200
    assert "Target tidak boleh negatif." in response.content.decode()
    assert "Jumlah laporan unik" in response.content.decode()
    assert rhk.indikatorkinerjaindividu_set.count() == 1


def test_rhk_form_refuses_an_atasan_rhk_of_another_employee(
    client, org, chain, staf_draft
):
    client.force_login(org.staf.akun)

    response = client.post(
        reverse("indikator:rhk_create", args=[staf_draft.pk]),
        {
            "jenis": "utama",
            "uraian": "Menyasar kabid",
            "rhk_atasan": chain.rhk_kabid.pk,
        },
    )

    assert response.status_code == 200
    assert staf_draft.rencanahasilkerja_set.count() == 1


def test_rhk_delete_of_an_rhk_intervened_by_a_subordinate_is_refused(
    client, org, chain, staf_draft
):
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(status=Skp.Status.DRAFT)
    client.force_login(org.kasi.akun)

    client.post(reverse("indikator:rhk_delete", args=[chain.rhk_kasi.pk]))

    assert (
        RencanaHasilKerjaFactory._meta.model.objects.filter(
            pk=chain.rhk_kasi.pk
        ).exists()
        is True
    )


def test_rhk_of_a_draft_can_be_edited_while_the_atasan_skp_is_returned(
    client, org, chain, staf_draft
):
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(status=Skp.Status.DIKEMBALIKAN)
    rhk = staf_draft.rencanahasilkerja_set.get()
    client.force_login(org.staf.akun)

    response = client.post(
        reverse("indikator:rhk_update", args=[rhk.pk]),
        {
            "jenis": "utama",
            "uraian": "Teks diperbaiki",
            "rhk_atasan": chain.rhk_kasi.pk,
        },
    )

    rhk.refresh_from_db()
    assert response.status_code == 302
    assert (rhk.uraian, rhk.rhk_atasan_id) == ("Teks diperbaiki", chain.rhk_kasi.pk)


def test_rhk_delete_of_an_intervened_rhk_says_why(client, org, chain, staf_draft):
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(status=Skp.Status.DRAFT)
    client.force_login(org.kasi.akun)

    response = client.post(
        reverse("indikator:rhk_delete", args=[chain.rhk_kasi.pk]), follow=True
    )

    assert (
        "RHK ini sudah diintervensi RHK bawahan; tidak dapat dihapus."
        in response.content.decode()
    )


def test_iki_update_of_another_opd_is_404_for_an_outsider(client, org, staf_draft):
    iki = IndikatorKinerjaIndividu.objects.get(rhk__skp=staf_draft)
    client.force_login(org.staf_b.akun)

    assert client.get(reverse("indikator:iki_update", args=[iki.pk])).status_code == 404


def test_iki_delete_by_the_atasan_who_can_only_read_is_403(client, org, staf_draft):
    iki = IndikatorKinerjaIndividu.objects.get(rhk__skp=staf_draft)
    client.force_login(org.kasi.akun)

    response = client.post(reverse("indikator:iki_delete", args=[iki.pk]))

    assert response.status_code == 403
    assert (
        "Hanya pegawai pemilik SKP yang dapat mengubahnya." in response.content.decode()
    )
    assert IndikatorKinerjaIndividu.objects.filter(pk=iki.pk).exists() is True
