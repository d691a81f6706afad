"""Building surveys: the SKM template, questions and their weights."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from organisasi import services
from organisasi.models import Pertanyaan
from organisasi.tests.factories import (
    PertanyaanFactory,
    SurveiFactory,
    answer,
    skm_survei,
)

pytestmark = pytest.mark.django_db


def test_skm_template_creates_nine_unsur_in_official_order():
    survei = skm_survei()

    unsur = list(survei.pertanyaan_set.values_list("urutan", "unsur"))

    assert [u[0] for u in unsur] == list(range(1, 10))
    assert unsur[0][1] == "Persyaratan"
    assert unsur[7][1] == "Penanganan Pengaduan, Saran dan Masukan"
    assert unsur[8][1] == "Sarana dan Prasarana"


def test_delete_pertanyaan_refuses_a_question_with_answers():
    survei = SurveiFactory()
    pertanyaan = PertanyaanFactory(survei=survei)
    answer(survei, [3])

    with pytest.raises(ValidationError):
        services.delete_pertanyaan(pertanyaan)


def test_save_pertanyaan_refuses_a_weight_that_leaves_the_unsur_weights_not_summing_to_one():
    survei = skm_survei()
    first = survei.pertanyaan_set.order_by("urutan").first()
    first.bobot = Decimal("0.5")

    with pytest.raises(ValidationError) as refused:
        services.save_pertanyaan(first)

    assert "semua unsur" in refused.value.message_dict["bobot"][0]
    assert not survei.pertanyaan_set.filter(bobot__isnull=False).exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tipe", Pertanyaan.Tipe.YA_TIDAK),
        ("pilihan", ["Buruk", "Baik"]),
        ("bobot", Decimal("1")),
    ],
)
def test_save_pertanyaan_refuses_changing_how_an_answered_question_is_scored(
    field, value
):
    survei = SurveiFactory()
    pertanyaan = PertanyaanFactory(survei=survei, tipe=Pertanyaan.Tipe.LIKERT)
    answer(survei, [5])
    setattr(pertanyaan, field, value)

    with pytest.raises(ValidationError) as refused:
        services.save_pertanyaan(pertanyaan)

    assert "sudah dijawab" in refused.value.message_dict[field][0]
    pertanyaan.refresh_from_db()
    assert (
        pertanyaan.tipe == Pertanyaan.Tipe.LIKERT
        and pertanyaan.pilihan == []
        and pertanyaan.bobot is None
    )


def test_save_pertanyaan_allows_rewording_an_answered_question():
    survei = SurveiFactory()
    pertanyaan = PertanyaanFactory(survei=survei)
    answer(survei, [5])
    pertanyaan.teks = "Bagaimana pelayanan petugas kami?"

    services.save_pertanyaan(pertanyaan)

    pertanyaan.refresh_from_db()
    assert pertanyaan.teks == "Bagaimana pelayanan petugas kami?"


def test_update_survei_refuses_new_weights_for_answered_unsur():
    survei = skm_survei()
    answer(survei, [4] * 9)
    weights = {
        p.pk: Decimal("0.2") if p.urutan == 1 else Decimal("0.1")
        for p in survei.pertanyaan_set.all()
    }

    with pytest.raises(ValidationError) as refused:
        services.update_survei(survei, bobot=weights)

    assert "sudah dijawab" in refused.value.messages[0]
    assert not survei.pertanyaan_set.filter(bobot__isnull=False).exists()


def test_delete_pertanyaan_refuses_an_unsur_of_an_skm_survey():
    survei = skm_survei()
    unsur = survei.pertanyaan_set.get(urutan=3)

    with pytest.raises(ValidationError, match="kesembilan unsur"):
        services.delete_pertanyaan(unsur)

    assert survei.pertanyaan_set.filter(tipe=Pertanyaan.Tipe.UNSUR_SKM).count() == 9


def test_save_pertanyaan_refuses_turning_an_skm_unsur_into_another_type():
    survei = skm_survei()
    unsur = survei.pertanyaan_set.get(urutan=3)
    unsur.tipe = Pertanyaan.Tipe.LIKERT

    with pytest.raises(ValidationError) as error:
        services.save_pertanyaan(unsur)

    assert "tipe" in error.value.message_dict
