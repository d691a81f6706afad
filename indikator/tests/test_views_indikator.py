import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indikator.models import Periode
from indikator.tests.factories import (
    IndikatorKinerjaFactory,
    SasaranStrategisFactory,
    periode,
)

pytestmark = pytest.mark.django_db


def _locked_year_indikator(org):
    Periode.objects.filter(pk=periode(2026).pk).update(terkunci=True)
    return IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_a), target=80
    )


def _indikator_data(indikator, **changes):
    return {
        "sasaran": indikator.sasaran_id,
        "kode": indikator.kode,
        "nama": indikator.nama,
        "dokumen": "iku",
        "tahun": 2026,
        "satuan": "%",
        "polaritas": "naik",
        "target": "10",
        "target_atas": "",
        **changes,
    }


@pytest.mark.parametrize("count", [1, 3])
def test_indikator_list_uses_a_constant_number_of_queries(
    client, org, count, django_assert_num_queries
):
    for _ in range(count):
        IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    client.force_login(org.pengelola.akun)

    with django_assert_num_queries(9):
        response = client.get(reverse("indikator:indikator_list"))

    assert response.content.decode().count("list-group-item-action") == count


def test_indikator_list_htmx_request_gets_only_the_table(client, org):
    IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_a), nama="Cakupan imunisasi"
    )
    client.force_login(org.pengelola.akun)

    response = client.get(
        reverse("indikator:indikator_list"),
        {"q": "imun"},
        headers={"HX-Request": "true"},
    )

    assert "<nav" not in response.content.decode()
    assert "Cakupan imunisasi" in response.content.decode()


def test_indikator_detail_of_another_opd_is_404(client, org):
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    client.force_login(org.staf_b.akun)

    assert (
        client.get(
            reverse("indikator:indikator_detail", args=[indikator.pk])
        ).status_code
        == 404
    )


def test_indikator_update_is_403_for_a_pegawai_who_can_read_it(client, org):
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    client.force_login(org.staf.akun)

    assert (
        client.get(
            reverse("indikator:indikator_update", args=[indikator.pk])
        ).status_code
        == 403
    )


def test_realisasi_save_shows_capaian_on_the_detail_page(client, org):
    indikator = IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_a), target=80
    )
    quarter = periode().periodepenilaian_set.get(nomor=1)
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("indikator:realisasi_save", args=[indikator.pk]),
        {"periode_penilaian": quarter.pk, "nilai": "60"},
        follow=True,
    )

    assert "75,0%" in response.content.decode() or "75.0%" in response.content.decode()


def test_pengelola_adds_an_indikator_only_under_their_own_opd(client, org):
    own = SasaranStrategisFactory(unit=org.opd_a)
    other = SasaranStrategisFactory(unit=org.opd_b)
    client.force_login(org.pengelola.akun)
    data = {
        "kode": "X-1",
        "nama": "Indikator X",
        "dokumen": "iku",
        "tahun": 2026,
        "satuan": "%",
        "polaritas": "naik",
        "target": "50",
    }

    client.post(reverse("indikator:indikator_create"), {**data, "sasaran": other.pk})
    client.post(reverse("indikator:indikator_create"), {**data, "sasaran": own.pk})

    assert list(own.indikatorkinerja_set.values_list("kode", flat=True)) == ["X-1"]
    assert other.indikatorkinerja_set.count() == 0


def test_pengelola_cannot_edit_an_indikator_of_a_locked_year(client, org):
    indikator = _locked_year_indikator(org)
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("indikator:indikator_update", args=[indikator.pk]),
        _indikator_data(indikator),
    )

    indikator.refresh_from_db()
    assert response.status_code == 403
    assert indikator.target == 80


def test_pengelola_cannot_add_an_indikator_to_a_locked_year(client, org):
    Periode.objects.filter(pk=periode(2026).pk).update(terkunci=True)
    sasaran = SasaranStrategisFactory(unit=org.opd_a)
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("indikator:indikator_create"),
        {
            "sasaran": sasaran.pk,
            "kode": "X-1",
            "nama": "Indikator X",
            "dokumen": "iku",
            "tahun": 2026,
            "satuan": "%",
            "polaritas": "naik",
            "target": "50",
        },
    )

    assert response.status_code == 200
    assert "hanya BKPSDM yang dapat mengubahnya" in response.content.decode()
    assert sasaran.indikatorkinerja_set.count() == 0


def test_bkpsdm_edits_an_indikator_of_a_locked_year_only_with_a_reason(client, org):
    indikator = _locked_year_indikator(org)
    url = reverse("indikator:indikator_update", args=[indikator.pk])
    client.force_login(org.admin.akun)

    refused = client.post(url, _indikator_data(indikator))
    accepted = client.post(
        url, _indikator_data(indikator, alasan="Revisi Perjanjian Kinerja")
    )

    indikator.refresh_from_db()
    assert (refused.status_code, accepted.status_code) == (200, 302)
    assert indikator.target == 10
    assert (
        indikator.history.first().history_change_reason == "Revisi Perjanjian Kinerja"
    )


def test_indikator_import_without_a_file_asks_for_one_at_the_field(client, org):
    client.force_login(org.pengelola.akun)

    response = client.post(reverse("indikator:indikator_import"), {})

    assert response.context["form"].errors["berkas"] == [
        "Pilih berkas xlsx terlebih dahulu."
    ]


def test_indikator_import_of_a_file_that_is_not_xlsx_says_so_at_the_field(client, org):
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("indikator:indikator_import"),
        {"berkas": SimpleUploadedFile("data.xlsx", b"kode,nama\n")},
    )

    assert response.context["form"].errors["berkas"] == [
        "Berkas harus berformat Excel .xlsx."
    ]
    assert response.context["result"].errors == []
