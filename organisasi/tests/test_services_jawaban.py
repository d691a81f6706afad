"""Storing answers: one respondent at a time, refused submissions, answer parsing."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from organisasi import services
from organisasi.models import Jawaban, Pertanyaan, Responden, Survei
from organisasi.tests.factories import PertanyaanFactory, skm_survei

pytestmark = pytest.mark.django_db


def _submit(survei, raw, tiket="tiket-1", **kwargs):
    return services.submit_responden(
        survei,
        raw_answers=raw,
        profil={"usia": "30-39"},
        tiket=tiket,
        ip_address="10.0.0.1",
        **kwargs,
    )


def _raw(survei, values):
    return {
        p.pk: v
        for p, v in zip(survei.pertanyaan_set.order_by("urutan"), values, strict=True)
    }


def test_submit_responden_stores_the_respondent_and_every_answer():
    survei = skm_survei()

    responden = _submit(survei, _raw(survei, ["4"] * 9))

    assert responden.usia == "30-39"
    assert Jawaban.objects.filter(responden=responden).count() == 9
    assert responden.sesi_hash not in ("", "tiket-1")


def test_submit_responden_rejects_an_answer_outside_the_scale_and_stores_nothing():
    survei = skm_survei()
    first = survei.pertanyaan_set.get(urutan=1)

    with pytest.raises(ValidationError) as error:
        _submit(survei, _raw(survei, ["5"] + ["4"] * 8))

    assert error.value.message_dict == {
        first.pk: ["Jawaban harus berupa angka bulat 1 sampai 4."]
    }
    assert Responden.objects.count() == 0
    assert Jawaban.objects.count() == 0


def test_submit_responden_rejects_a_missing_required_answer():
    survei = skm_survei()

    with pytest.raises(ValidationError) as error:
        _submit(survei, _raw(survei, [""] + ["4"] * 8))

    assert list(error.value.message_dict.values()) == [
        ["Pertanyaan ini wajib dijawab."]
    ]
    assert Responden.objects.count() == 0


def test_submit_responden_refuses_a_second_submission_of_the_same_form_ticket():
    survei = skm_survei()
    _submit(survei, _raw(survei, ["4"] * 9))

    with pytest.raises(ValidationError) as error:
        _submit(survei, _raw(survei, ["1"] * 9))

    assert error.value.code == "tiket"
    assert "sudah pernah dikirim" in error.value.messages[0]
    assert Responden.objects.count() == 1


def test_submit_responden_refuses_a_closed_survey():
    survei = skm_survei(status=Survei.Status.DITUTUP)

    with pytest.raises(ValidationError) as error:
        _submit(survei, _raw(survei, ["4"] * 9))

    assert error.value.code == "ditutup"


def test_submit_responden_limits_submissions_per_address(monkeypatch):
    monkeypatch.setattr(services.jawaban, "BATAS_PENGISIAN_PER_JAM", 2)
    survei = skm_survei()
    _submit(survei, _raw(survei, ["4"] * 9), tiket="a")
    _submit(survei, _raw(survei, ["4"] * 9), tiket="b")

    with pytest.raises(ValidationError) as error:
        _submit(survei, _raw(survei, ["4"] * 9), tiket="c")

    assert error.value.code == "batas"


def test_parse_answer_accepts_ya_tidak_words_and_decimal_commas():
    ya_tidak = PertanyaanFactory(tipe=Pertanyaan.Tipe.YA_TIDAK)
    angka = PertanyaanFactory(tipe=Pertanyaan.Tipe.ANGKA)

    assert services.parse_answer(ya_tidak, "Ya").nilai == Decimal("1")
    assert services.parse_answer(angka, "12,5").nilai == Decimal("12.50")


def test_migration_0009_reads_the_account_hashes_as_migration_0005_wrote_them():
    import importlib

    written = importlib.import_module(
        "organisasi.migrations.0005_responden_akun_hash"
    ).account_fingerprint
    read = importlib.import_module(
        "organisasi.migrations.0009_partisipasi_survei"
    ).account_fingerprint

    assert read(42) == written(42)
