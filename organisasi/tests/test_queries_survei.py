"""Survey results: NRR, IKM and mutu, distributions, profile, and their query counts."""

from decimal import Decimal

import pytest

from organisasi import queries, services
from organisasi.models import Jawaban, Pertanyaan, Responden, Survei
from organisasi.tests.factories import (
    PertanyaanFactory,
    SurveiFactory,
    answer,
    skm_survei,
)

pytestmark = pytest.mark.django_db


def test_ikm_of_all_ones_is_25_and_mutu_d():
    survei = skm_survei()
    answer(survei, [1] * 9)
    answer(survei, [1] * 9)

    hasil = queries.compute_hasil(survei)

    assert hasil.ikm == Decimal("25.00")
    assert hasil.mutu.mutu == "D"


def test_ikm_of_all_fours_is_100_and_mutu_a():
    survei = skm_survei()
    answer(survei, [4] * 9)

    hasil = queries.compute_hasil(survei)

    assert hasil.ikm == Decimal("100.00")
    assert hasil.mutu.mutu == "A"


def test_ikm_with_literal_weight_of_all_fours_is_99():
    survei = skm_survei(mode_bobot=Survei.ModeBobot.LITERAL)
    answer(survei, [4] * 9)

    hasil = queries.compute_hasil(survei)

    assert hasil.ikm == Decimal("99.00")
    assert hasil.mutu.mutu == "A"


def test_ikm_with_literal_weight_of_all_ones_stays_in_band_d():
    survei = skm_survei(mode_bobot=Survei.ModeBobot.LITERAL)
    answer(survei, [1] * 9)

    hasil = queries.compute_hasil(survei)

    assert hasil.ikm == Decimal("24.75")
    assert hasil.mutu.mutu == "D"


def test_ikm_matches_a_hand_worked_example():
    # Unsur sums over 3 respondents: 9, 8, 7, 10, 9, 12, 11, 6, 9 → NRR 3, 2.667, 2.333,
    # 3.333, 3, 4, 3.667, 2, 3; Σ NRR = 27 → IKM = 25 × 27 / 9 = 75.00 (C).
    survei = skm_survei()
    answer(survei, [3, 2, 2, 4, 3, 4, 4, 1, 3])
    answer(survei, [3, 3, 2, 3, 3, 4, 4, 2, 3])
    answer(survei, [3, 3, 3, 3, 3, 4, 3, 3, 3])

    hasil = queries.compute_hasil(survei)

    assert [u.nrr for u in hasil.unsur] == [
        Decimal("3.00"),
        Decimal("2.67"),
        Decimal("2.33"),
        Decimal("3.33"),
        Decimal("3.00"),
        Decimal("4.00"),
        Decimal("3.67"),
        Decimal("2.00"),
        Decimal("3.00"),
    ]
    assert hasil.ikm == Decimal("75.00")
    assert hasil.mutu.mutu == "C"
    assert hasil.terlemah.pertanyaan.unsur == "Penanganan Pengaduan, Saran dan Masukan"
    assert hasil.responden == 3


def test_nrr_divides_by_answers_given_when_a_respondent_skipped_an_unsur():
    # Unsur 4 answered only by the first respondent (4): its NRR is 4, not 2.
    # NRR: 2,2,2,4,2,2,2,2,2 → Σ 20 → IKM = 25 × 20 / 9 = 55.555… → 55.56 (D).
    survei = skm_survei()
    survei.pertanyaan_set.filter(urutan=4).update(wajib=False)
    answer(survei, [2, 2, 2, 4, 2, 2, 2, 2, 2])
    answer(survei, [2, 2, 2, None, 2, 2, 2, 2, 2])

    hasil = queries.compute_hasil(survei)

    assert hasil.unsur[3].jumlah == 1
    assert hasil.unsur[3].nrr == Decimal("4.00")
    assert hasil.ikm == Decimal("55.56")
    assert hasil.mutu.mutu == "D"


def test_ikm_rounds_half_up_to_two_decimals():
    # One respondent, sum of answers 26 → 25 × 26 / 9 = 72.222… → 72.22; sum 29 → 80.555… → 80.56.
    low, high = skm_survei(), skm_survei()
    answer(low, [3, 3, 3, 3, 3, 3, 3, 3, 2])
    answer(high, [4, 3, 3, 3, 3, 3, 3, 4, 3])

    assert queries.compute_hasil(low).ikm == Decimal("72.22")
    assert queries.compute_hasil(high).ikm == Decimal("80.56")


def test_custom_unsur_weights_replace_the_default():
    survei = skm_survei()
    survei.pertanyaan_set.update(bobot=Decimal("0"))
    survei.pertanyaan_set.filter(urutan=1).update(bobot=Decimal("0.5"))
    survei.pertanyaan_set.filter(urutan=2).update(bobot=Decimal("0.5"))
    answer(survei, [4, 2, 1, 1, 1, 1, 1, 1, 1])

    hasil = queries.compute_hasil(survei)

    assert hasil.ikm == Decimal("75.00")


def test_results_of_other_questions_give_distribution_and_average():
    survei = SurveiFactory()
    likert = PertanyaanFactory(survei=survei, urutan=1, tipe=Pertanyaan.Tipe.LIKERT)
    answer(survei, [5])
    answer(survei, [4])
    answer(survei, [4])

    hasil = queries.compute_hasil(survei)

    item = hasil.pertanyaan[0]
    assert item.pertanyaan == likert
    assert item.nrr == Decimal("4.33")
    assert [count for _, count, _ in item.sebaran_rows()] == [0, 0, 0, 2, 1]
    assert hasil.ikm is None


def test_results_compare_with_the_previous_period():
    lalu = skm_survei(periode="2025")
    answer(lalu, [2] * 9)
    kini = skm_survei(periode="2026", survei_sebelumnya=lalu)
    answer(kini, [3] * 9)

    hasil = queries.compute_hasil(kini, sebelumnya=lalu)

    assert hasil.sebelumnya.ikm == Decimal("50.00")
    assert hasil.selisih_ikm == Decimal("25.00")
    assert hasil.chart_data()["unsur"]["sebelumnya"] == [2.0] * 9


def test_results_use_the_same_number_of_queries_for_few_and_many_responses(
    django_assert_num_queries,
):
    few, many = skm_survei(), skm_survei()
    answer(few, [3] * 9)
    for index in range(40):
        answer(many, [1 + index % 4] * 9)

    with django_assert_num_queries(5):
        queries.compute_hasil(few)
    with django_assert_num_queries(5):
        queries.compute_hasil(many)


def test_results_count_respondents_by_profile_with_one_query():
    survei = SurveiFactory()
    PertanyaanFactory(survei=survei, urutan=1)
    answer(survei, [4], usia="20-29", jenis_kelamin="P")
    answer(survei, [4], usia="20-29", jenis_kelamin="L")
    answer(survei, [4], usia="50+")

    profil = dict(queries.compute_hasil(survei).profil)

    assert profil["usia"] == [("20–29 tahun", 2), ("50 tahun ke atas", 1)]
    assert profil["jenis kelamin"] == [
        ("Laki-laki", 1),
        ("Perempuan", 1),
        ("Tidak diisi", 1),
    ]
    assert profil["pendidikan terakhir"] == [("Tidak diisi", 3)]


def test_results_of_choice_number_and_text_questions():
    survei = SurveiFactory()
    pilihan = PertanyaanFactory(
        survei=survei,
        urutan=1,
        tipe=Pertanyaan.Tipe.PILIHAN,
        pilihan=["Armada", "Jadwal"],
    )
    angka = PertanyaanFactory(survei=survei, urutan=2, tipe=Pertanyaan.Tipe.ANGKA)
    teks = PertanyaanFactory(
        survei=survei, urutan=3, tipe=Pertanyaan.Tipe.TEKS, wajib=False
    )
    for option, number, text in [
        ("Armada", "2", "Bagus"),
        ("Armada", "3", ""),
        ("Jadwal", "7", ""),
    ]:
        services.submit_responden(
            survei,
            raw_answers={pilihan.pk: option, angka.pk: number, teks.pk: text},
            profil={},
            tiket=f"tiket-{number}",
        )

    item_pilihan, item_angka, item_teks = queries.compute_hasil(survei).pertanyaan

    assert item_pilihan.sebaran_rows() == [
        ("Armada", 2, Decimal("66.7")),
        ("Jadwal", 1, Decimal("33.3")),
    ]
    assert (item_angka.jumlah, item_angka.nrr) == (3, Decimal("4.00"))
    assert (item_teks.jumlah, item_teks.teks_list) == (1, ["Bagus"])


def test_results_show_no_ikm_when_custom_weights_do_not_sum_to_one():
    survei = skm_survei()
    survei.pertanyaan_set.update(bobot=Decimal("0.5"))
    answer(survei, [4] * 9)

    hasil = queries.compute_hasil(survei)

    assert hasil.ikm is None and hasil.mutu is None
    assert "harus 1" in hasil.masalah_bobot


def test_results_show_no_ikm_when_only_one_unsur_has_a_weight():
    survei = skm_survei()
    survei.pertanyaan_set.filter(urutan=1).update(bobot=Decimal("0.2"))
    answer(survei, [4] + [1] * 8)

    hasil = queries.compute_hasil(survei)

    assert hasil.ikm is None
    assert "semua unsur" in hasil.masalah_bobot


def test_literal_weight_leaves_out_an_unsur_nobody_answered():
    survei = skm_survei(mode_bobot=Survei.ModeBobot.LITERAL)
    for _ in range(3):
        answer(survei, [4] * 8 + [None])

    hasil = queries.compute_hasil(survei)

    # 0,11 × 9/8 per answered unsur: the same 99,00 as when all nine are answered with 4.
    assert hasil.ikm == Decimal("99.00")


def test_custom_weights_are_divided_by_the_weights_of_the_answered_unsur():
    survei = skm_survei()
    survei.pertanyaan_set.update(bobot=Decimal("0.1"))
    survei.pertanyaan_set.filter(urutan=1).update(bobot=Decimal("0.2"))
    answer(survei, [4] * 8 + [None])

    hasil = queries.compute_hasil(survei)

    assert hasil.ikm == Decimal("100.00")
    assert sum(unsur.bobot for unsur in hasil.unsur if unsur.bobot is not None) == 1


@pytest.mark.parametrize(
    ("setup", "label"),
    [
        ({}, "Eksak: 1 ÷ 9 unsur yang dijawab"),
        ({"mode_bobot": Survei.ModeBobot.LITERAL}, "0,11 per unsur"),
    ],
)
def test_bobot_label_names_the_weights_used(setup, label):
    survei = skm_survei(**setup)
    answer(survei, [4] * 9)

    assert queries.compute_hasil(survei).bobot_label.startswith(label)


def test_bobot_label_lists_custom_weights_per_unsur():
    survei = skm_survei()
    survei.pertanyaan_set.update(bobot=Decimal("0.1"))
    survei.pertanyaan_set.filter(urutan=1).update(bobot=Decimal("0.2"))

    label = queries.compute_hasil(survei).bobot_label

    assert label.startswith("Bobot khusus per unsur: U1 0,2, U2 0,1")
    assert "Eksak" not in label


def test_results_show_the_latest_free_text_of_every_text_question_however_busy_another_is():
    survei = SurveiFactory()
    busy = PertanyaanFactory(
        survei=survei, urutan=1, tipe=Pertanyaan.Tipe.TEKS, wajib=False
    )
    quiet = PertanyaanFactory(
        survei=survei, urutan=2, tipe=Pertanyaan.Tipe.TEKS, wajib=False
    )
    Jawaban.objects.create(
        responden=Responden.objects.create(survei=survei),
        pertanyaan=quiet,
        teks="penting",
    )
    for index in range(200):
        Jawaban.objects.create(
            responden=Responden.objects.create(survei=survei),
            pertanyaan=busy,
            teks=f"x{index}",
        )

    busy_item, quiet_item = queries.compute_hasil(survei).pertanyaan

    assert quiet_item.teks_list == ["penting"]
    assert busy_item.teks_list == [f"x{index}" for index in range(199, 189, -1)]


def test_free_text_results_take_the_same_queries_for_few_and_many_answers(
    django_assert_num_queries,
):
    few, many = SurveiFactory(), SurveiFactory()
    for survei, count in ((few, 1), (many, 30)):
        for urutan in (1, 2):
            pertanyaan = PertanyaanFactory(
                survei=survei, urutan=urutan, tipe=Pertanyaan.Tipe.TEKS, wajib=False
            )
            for index in range(count):
                responden = Responden.objects.create(survei=survei)
                Jawaban.objects.create(
                    responden=responden, pertanyaan=pertanyaan, teks=f"t{index}"
                )

    with django_assert_num_queries(6) as few_queries:
        queries.compute_hasil(few)
    with django_assert_num_queries(len(few_queries)):
        queries.compute_hasil(many)


def test_distribution_percent_of_8_in_42_shows_19_0():
    survei = SurveiFactory()
    PertanyaanFactory(survei=survei, urutan=1, tipe=Pertanyaan.Tipe.YA_TIDAK)
    for value in [1] * 8 + [0] * 34:
        answer(survei, [value])

    hasil = queries.compute_hasil(survei)

    assert hasil.pertanyaan[0].sebaran_rows()[0] == ("Ya", 8, Decimal("19.0"))


def test_results_give_each_unsur_its_konversi_and_mutu():
    survei = skm_survei()
    answer(survei, [4] * 8 + [2])

    hasil = queries.compute_hasil(survei)

    assert [item.mutu.mutu for item in hasil.unsur] == ["A"] * 8 + ["D"]
    assert hasil.unsur[-1].nilai_konversi == Decimal("50.00")


def test_results_of_an_open_survey_are_sementara_and_of_a_closed_one_final():
    open_survei = skm_survei()
    closed = skm_survei(status=Survei.Status.DITUTUP)

    assert queries.compute_hasil(open_survei).sementara is True
    assert queries.compute_hasil(closed).sementara is False
