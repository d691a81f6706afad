"""The needs register: a need from a survey result, and its status moves."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from organisasi import queries, services
from organisasi.models import Kebutuhan, MutuPelayanan
from organisasi.tests.factories import KebutuhanFactory, answer, skm_survei

pytestmark = pytest.mark.django_db


def test_kebutuhan_from_weakest_unsur_carries_the_evidence():
    survei = skm_survei()
    answer(survei, [3, 3, 1, 3, 3, 3, 3, 3, 3])
    hasil = queries.compute_hasil(survei)

    kebutuhan = services.kebutuhan_from_hasil(
        hasil, pertanyaan_id=hasil.terlemah.pertanyaan.pk
    )

    assert kebutuhan.sumber == Kebutuhan.Sumber.TEMUAN_SURVEI
    assert kebutuhan.unit == survei.unit
    assert kebutuhan.pertanyaan.unsur == "Waktu Penyelesaian"
    assert kebutuhan.prioritas == Kebutuhan.Prioritas.TINGGI
    assert "NRR 1,00 dari 1 jawaban" in kebutuhan.bukti
    assert "Unsur ini bernilai terendah dalam survei." in kebutuhan.bukti


def test_change_kebutuhan_status_moves_forward_and_keeps_history():
    kebutuhan = KebutuhanFactory()

    services.change_kebutuhan_status(kebutuhan, status=Kebutuhan.Status.DITINDAKLANJUTI)
    services.change_kebutuhan_status(
        kebutuhan, status=Kebutuhan.Status.SELESAI, alasan="Ditangani di luar aplikasi"
    )

    statuses = list(
        kebutuhan.history.order_by("history_id").values_list("status", flat=True)
    )
    assert statuses == ["terbuka", "ditindaklanjuti", "selesai"]


def test_change_kebutuhan_status_refuses_skipping_a_step():
    kebutuhan = KebutuhanFactory()

    with pytest.raises(ValidationError):
        services.change_kebutuhan_status(kebutuhan, status=Kebutuhan.Status.SELESAI)

    kebutuhan.refresh_from_db()
    assert kebutuhan.status == Kebutuhan.Status.TERBUKA


def test_kebutuhan_from_an_unsur_is_urgent_only_below_mutu_b_of_the_stored_bands():
    survei = skm_survei()
    answer(survei, [4] * 9)
    answer(survei, [3] * 9)  # every unsur converts to 87,50: mutu B
    unsur = survei.pertanyaan_set.get(urutan=1)

    before = services.kebutuhan_from_hasil(
        queries.compute_hasil(survei), pertanyaan_id=unsur.pk
    )
    MutuPelayanan.objects.filter(mutu="B").update(batas_bawah=Decimal("88.00"))
    after = services.kebutuhan_from_hasil(
        queries.compute_hasil(survei), pertanyaan_id=unsur.pk
    )

    assert (before.prioritas, after.prioritas) == (
        Kebutuhan.Prioritas.SEDANG,
        Kebutuhan.Prioritas.TINGGI,
    )


def test_a_need_nothing_answers_cannot_be_closed_without_a_reason():
    kebutuhan = KebutuhanFactory(status=Kebutuhan.Status.DITINDAKLANJUTI)

    with pytest.raises(ValidationError, match="tuliskan alasan"):
        services.change_kebutuhan_status(
            kebutuhan, status=Kebutuhan.Status.SELESAI, alasan="  "
        )

    kebutuhan.refresh_from_db()
    assert kebutuhan.status == Kebutuhan.Status.DITINDAKLANJUTI


def test_closing_a_need_nothing_answers_keeps_the_reason_in_history():
    kebutuhan = KebutuhanFactory(status=Kebutuhan.Status.DITINDAKLANJUTI)

    services.change_kebutuhan_status(
        kebutuhan, status=Kebutuhan.Status.SELESAI, alasan="Anggaran dialihkan"
    )

    assert kebutuhan.history.latest().history_change_reason == "Anggaran dialihkan"


def test_a_need_an_indikator_answers_closes_without_a_reason(org):
    # The only M2M to Kebutuhan today comes from indikator (a later app, tests only).
    from indikator.tests.factories import (
        IndikatorKinerjaFactory,
        SasaranStrategisFactory,
    )

    kebutuhan = KebutuhanFactory(
        unit=org.opd_a, status=Kebutuhan.Status.DITINDAKLANJUTI
    )
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    indikator.kebutuhan.add(kebutuhan)

    services.change_kebutuhan_status(kebutuhan, status=Kebutuhan.Status.SELESAI)

    assert services.is_unanswered(kebutuhan) is False
    assert kebutuhan.status == Kebutuhan.Status.SELESAI
