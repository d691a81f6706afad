"""Unit indicators answer the organisation's needs (Kebutuhan): the product's spine."""

import pytest
from django.urls import reverse

from indikator.models import IndikatorKinerja
from indikator.tests.factories import (
    IndikatorKinerjaFactory,
    SasaranStrategisFactory,
    periode,
)
from organisasi.tests.factories import KebutuhanFactory

pytestmark = pytest.mark.django_db


def indikator_data(sasaran, **extra):
    return {
        "sasaran": sasaran.pk,
        "kode": "A-IKU-9",
        "nama": "Persentase sampah tertangani",
        "dokumen": "iku",
        "tahun": 2026,
        "satuan": "%",
        "polaritas": "naik",
        "target": "85",
        **extra,
    }


def test_pengelola_links_a_new_indikator_to_a_need_of_their_opd(org, client):
    periode()
    sasaran = SasaranStrategisFactory(unit=org.opd_a)
    kebutuhan = KebutuhanFactory(unit=org.bidang_a)
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("indikator:indikator_create"),
        indikator_data(sasaran, kebutuhan=[kebutuhan.pk]),
    )

    indikator = IndikatorKinerja.objects.get(kode="A-IKU-9")
    assert response.status_code == 302
    assert list(indikator.kebutuhan.all()) == [kebutuhan]


def test_pengelola_cannot_link_a_need_of_another_opd(org, client):
    periode()
    sasaran = SasaranStrategisFactory(unit=org.opd_a)
    foreign = KebutuhanFactory(unit=org.opd_b)
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("indikator:indikator_create"),
        indikator_data(sasaran, kebutuhan=[foreign.pk]),
    )

    assert response.status_code == 200
    assert "kebutuhan" in response.context["form"].errors
    assert IndikatorKinerja.objects.filter(kode="A-IKU-9").exists() is False


def test_create_form_preselects_the_need_it_was_opened_from(org, client):
    kebutuhan = KebutuhanFactory(unit=org.opd_a)
    client.force_login(org.pengelola.akun)

    response = client.get(
        reverse("indikator:indikator_create"), {"kebutuhan": kebutuhan.pk}
    )

    assert response.context["form"].initial["kebutuhan"] == [str(kebutuhan.pk)]


def test_need_page_lists_the_indikator_that_answers_it(org, client):
    kebutuhan = KebutuhanFactory(unit=org.opd_a)
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    indikator.kebutuhan.add(kebutuhan)
    client.force_login(org.pengelola.akun)

    body = client.get(kebutuhan.get_absolute_url()).content.decode()

    assert indikator.get_absolute_url() in body


def test_indikator_page_names_the_needs_it_answers(org, client):
    kebutuhan = KebutuhanFactory(
        unit=org.opd_a, judul="Keterlambatan pengangkutan sampah"
    )
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    indikator.kebutuhan.add(kebutuhan)
    client.force_login(org.pengelola.akun)

    body = client.get(indikator.get_absolute_url()).content.decode()

    assert "Keterlambatan pengangkutan sampah" in body


def test_answered_by_shows_only_what_the_viewer_may_see(org):
    kebutuhan = KebutuhanFactory(unit=org.pemkot)
    own = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    other = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_b))
    own.kebutuhan.add(kebutuhan)
    other.kebutuhan.add(kebutuhan)

    answers = dict(kebutuhan.answered_by(org.staf.akun))

    assert answers["indikator kinerja"] == [own]
