import pytest
from django.urls import reverse

from indikator.models import MatriksPeranHasil, Periode, Skp

pytestmark = pytest.mark.django_db


def test_matriks_is_403_for_someone_reading_the_atasan_skp(client, org, chain):
    client.force_login(org.kabid.akun)

    assert (
        client.get(reverse("indikator:matriks", args=[chain.skp_kasi.pk])).status_code
        == 403
    )


def test_matriks_push_through_the_view_creates_the_subordinate_draft(
    client, org, chain
):
    client.force_login(org.kasi.akun)

    client.post(
        reverse("indikator:matriks", args=[chain.skp_kasi.pk]),
        {
            f"sel-{chain.iki_kasi.pk}-{org.staf.pk}": "Terangkutnya sampah",
            "dorong": "1",
        },
    )

    skp = Skp.objects.get(pegawai=org.staf)
    assert list(skp.rencanahasilkerja_set.values_list("uraian", "rhk_atasan")) == [
        ("Terangkutnya sampah", chain.rhk_kasi.pk)
    ]


def test_matriks_push_in_a_locked_year_keeps_the_input_and_saves_nothing(
    client, org, chain
):
    Periode.objects.filter(pk=chain.skp_kasi.periode_id).update(terkunci=True)
    client.force_login(org.kasi.akun)

    response = client.post(
        reverse("indikator:matriks", args=[chain.skp_kasi.pk]),
        {f"sel-{chain.iki_kasi.pk}-{org.staf.pk}": "Peran yang diketik", "dorong": "1"},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Periode 2026 terkunci; matriks peran hasil tidak dapat diubah." in content
    assert "Peran yang diketik" in content
    assert (
        MatriksPeranHasil.objects.count(),
        Skp.objects.filter(pegawai=org.staf).count(),
    ) == (0, 0)


def test_matriks_of_another_opd_is_404_for_an_outsider(client, org, chain):
    client.force_login(org.staf_b.akun)

    assert (
        client.get(reverse("indikator:matriks", args=[chain.skp_kasi.pk])).status_code
        == 404
    )
