from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from organisasi import queries_survei, services_survei
from organisasi.models import Jawaban, Kebutuhan, MutuPelayanan, Pertanyaan, Responden, Survei
from organisasi.tests.factories_survei import (
    KebutuhanFactory,
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


def test_ikm_of_all_ones_is_25_and_mutu_d():
    survei = skm_survei()
    answer(survei, [1] * 9)
    answer(survei, [1] * 9)

    hasil = queries_survei.compute_hasil(survei)

    assert hasil.ikm == Decimal("25.00")
    assert hasil.mutu.mutu == "D"


def test_ikm_of_all_fours_is_100_and_mutu_a():
    survei = skm_survei()
    answer(survei, [4] * 9)

    hasil = queries_survei.compute_hasil(survei)

    assert hasil.ikm == Decimal("100.00")
    assert hasil.mutu.mutu == "A"


def test_ikm_with_literal_weight_of_all_fours_is_99():
    survei = skm_survei(mode_bobot=Survei.ModeBobot.LITERAL)
    answer(survei, [4] * 9)

    hasil = queries_survei.compute_hasil(survei)

    assert hasil.ikm == Decimal("99.00")
    assert hasil.mutu.mutu == "A"


def test_ikm_with_literal_weight_of_all_ones_stays_in_band_d():
    survei = skm_survei(mode_bobot=Survei.ModeBobot.LITERAL)
    answer(survei, [1] * 9)

    hasil = queries_survei.compute_hasil(survei)

    assert hasil.ikm == Decimal("24.75")
    assert hasil.mutu.mutu == "D"


def test_ikm_matches_a_hand_worked_example():
    # Unsur sums over 3 respondents: 9, 8, 7, 10, 9, 12, 11, 6, 9 → NRR 3, 2.667, 2.333,
    # 3.333, 3, 4, 3.667, 2, 3; Σ NRR = 27 → IKM = 25 × 27 / 9 = 75.00 (C).
    survei = skm_survei()
    answer(survei, [3, 2, 2, 4, 3, 4, 4, 1, 3])
    answer(survei, [3, 3, 2, 3, 3, 4, 4, 2, 3])
    answer(survei, [3, 3, 3, 3, 3, 4, 3, 3, 3])

    hasil = queries_survei.compute_hasil(survei)

    assert [u.nrr for u in hasil.unsur] == [
        Decimal("3.00"), Decimal("2.67"), Decimal("2.33"), Decimal("3.33"), Decimal("3.00"),
        Decimal("4.00"), Decimal("3.67"), Decimal("2.00"), Decimal("3.00"),
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

    hasil = queries_survei.compute_hasil(survei)

    assert hasil.unsur[3].jumlah == 1
    assert hasil.unsur[3].nrr == Decimal("4.00")
    assert hasil.ikm == Decimal("55.56")
    assert hasil.mutu.mutu == "D"


def test_ikm_rounds_half_up_to_two_decimals():
    # One respondent, sum of answers 26 → 25 × 26 / 9 = 72.222… → 72.22; sum 29 → 80.555… → 80.56.
    low, high = skm_survei(), skm_survei()
    answer(low, [3, 3, 3, 3, 3, 3, 3, 3, 2])
    answer(high, [4, 3, 3, 3, 3, 3, 3, 4, 3])

    assert queries_survei.compute_hasil(low).ikm == Decimal("72.22")
    assert queries_survei.compute_hasil(high).ikm == Decimal("80.56")


@pytest.mark.parametrize(
    ("ikm", "mutu"),
    [
        ("25.00", "D"), ("64.99", "D"), ("65.00", "C"), ("76.60", "C"), ("76.61", "B"),
        ("88.30", "B"), ("88.31", "A"), ("100.00", "A"),
    ],
)
def test_mutu_band_edges_follow_the_regulation(ikm, mutu):
    bands = MutuPelayanan.objects.order_by("batas_bawah")

    assert queries_survei.mutu_for(Decimal(ikm), bands).mutu == mutu


def test_custom_unsur_weights_replace_the_default():
    survei = skm_survei()
    survei.pertanyaan_set.update(bobot=Decimal("0"))
    survei.pertanyaan_set.filter(urutan=1).update(bobot=Decimal("0.5"))
    survei.pertanyaan_set.filter(urutan=2).update(bobot=Decimal("0.5"))
    answer(survei, [4, 2, 1, 1, 1, 1, 1, 1, 1])

    hasil = queries_survei.compute_hasil(survei)

    assert hasil.ikm == Decimal("75.00")


def test_results_of_other_questions_give_distribution_and_average():
    survei = SurveiFactory()
    likert = PertanyaanFactory(survei=survei, urutan=1, tipe=Pertanyaan.Tipe.LIKERT)
    answer(survei, [5])
    answer(survei, [4])
    answer(survei, [4])

    hasil = queries_survei.compute_hasil(survei)

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

    hasil = queries_survei.compute_hasil(kini, sebelumnya=lalu)

    assert hasil.sebelumnya.ikm == Decimal("50.00")
    assert hasil.selisih_ikm == Decimal("25.00")
    assert hasil.chart_data()["unsur"]["sebelumnya"] == [2.0] * 9


def test_results_use_the_same_number_of_queries_for_few_and_many_responses(django_assert_num_queries):
    few, many = skm_survei(), skm_survei()
    answer(few, [3] * 9)
    for index in range(40):
        answer(many, [1 + index % 4] * 9)

    with django_assert_num_queries(5):
        queries_survei.compute_hasil(few)
    with django_assert_num_queries(5):
        queries_survei.compute_hasil(many)


def _submit(survei, raw, tiket="tiket-1", **kwargs):
    return services_survei.submit_responden(
        survei, raw_answers=raw, profil={"usia": "30-39"}, tiket=tiket, ip_address="10.0.0.1", **kwargs
    )


def _raw(survei, values):
    return {p.pk: v for p, v in zip(survei.pertanyaan_set.order_by("urutan"), values, strict=True)}


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

    assert error.value.message_dict == {first.pk: ["Jawaban harus berupa angka bulat 1 sampai 4."]}
    assert Responden.objects.count() == 0
    assert Jawaban.objects.count() == 0


def test_submit_responden_rejects_a_missing_required_answer():
    survei = skm_survei()

    with pytest.raises(ValidationError) as error:
        _submit(survei, _raw(survei, [""] + ["4"] * 8))

    assert list(error.value.message_dict.values()) == [["Pertanyaan ini wajib dijawab."]]
    assert Responden.objects.count() == 0


def test_submit_responden_refuses_a_second_submission_of_the_same_form_ticket():
    survei = skm_survei()
    _submit(survei, _raw(survei, ["4"] * 9))

    with pytest.raises(ValidationError) as error:
        _submit(survei, _raw(survei, ["1"] * 9))

    assert error.value.code == "tiket"
    assert "sudah pernah dikirim" in error.value.messages[0]
    assert Responden.objects.count() == 1


def test_submit_responden_stores_a_hash_of_the_asn_account_and_refuses_a_second_answer(org):
    survei = skm_survei(unit=org.opd_a, internal=True)
    responden = _submit(survei, _raw(survei, ["4"] * 9), pengguna=org.staf.akun)

    with pytest.raises(ValidationError) as error:
        _submit(survei, _raw(survei, ["4"] * 9), tiket="tiket-2", pengguna=org.staf.akun)

    assert error.value.code == "duplikat"
    assert responden.akun_hash == services_survei.account_fingerprint(org.staf.akun)
    assert len(responden.akun_hash) == 64
    assert not any(f.is_relation and f.related_model is type(org.staf.akun) for f in Responden._meta.fields)


def test_submit_responden_refuses_a_closed_survey():
    survei = skm_survei(status=Survei.Status.DITUTUP)

    with pytest.raises(ValidationError) as error:
        _submit(survei, _raw(survei, ["4"] * 9))

    assert error.value.code == "ditutup"


def test_submit_responden_limits_submissions_per_address(monkeypatch):
    monkeypatch.setattr(services_survei, "BATAS_PENGISIAN_PER_JAM", 2)
    survei = skm_survei()
    _submit(survei, _raw(survei, ["4"] * 9), tiket="a")
    _submit(survei, _raw(survei, ["4"] * 9), tiket="b")

    with pytest.raises(ValidationError) as error:
        _submit(survei, _raw(survei, ["4"] * 9), tiket="c")

    assert error.value.code == "batas"


def test_parse_answer_accepts_ya_tidak_words_and_decimal_commas():
    ya_tidak = PertanyaanFactory(tipe=Pertanyaan.Tipe.YA_TIDAK)
    angka = PertanyaanFactory(tipe=Pertanyaan.Tipe.ANGKA)

    assert services_survei.parse_answer(ya_tidak, "Ya").nilai == Decimal("1")
    assert services_survei.parse_answer(angka, "12,5").nilai == Decimal("12.50")


def test_kebutuhan_from_weakest_unsur_carries_the_evidence():
    survei = skm_survei()
    answer(survei, [3, 3, 1, 3, 3, 3, 3, 3, 3])
    hasil = queries_survei.compute_hasil(survei)

    kebutuhan = services_survei.kebutuhan_from_hasil(hasil, pertanyaan_id=hasil.terlemah.pertanyaan.pk)

    assert kebutuhan.sumber == Kebutuhan.Sumber.TEMUAN_SURVEI
    assert kebutuhan.unit == survei.unit
    assert kebutuhan.pertanyaan.unsur == "Waktu Penyelesaian"
    assert kebutuhan.prioritas == Kebutuhan.Prioritas.TINGGI
    assert "NRR 1,00 dari 1 jawaban" in kebutuhan.bukti
    assert "Unsur ini bernilai terendah dalam survei." in kebutuhan.bukti


def test_change_kebutuhan_status_moves_forward_and_keeps_history():
    kebutuhan = KebutuhanFactory()

    services_survei.change_kebutuhan_status(kebutuhan, status=Kebutuhan.Status.DITINDAKLANJUTI)
    services_survei.change_kebutuhan_status(kebutuhan, status=Kebutuhan.Status.SELESAI)

    statuses = list(kebutuhan.history.order_by("history_id").values_list("status", flat=True))
    assert statuses == ["terbuka", "ditindaklanjuti", "selesai"]


def test_change_kebutuhan_status_refuses_skipping_a_step():
    kebutuhan = KebutuhanFactory()

    with pytest.raises(ValidationError):
        services_survei.change_kebutuhan_status(kebutuhan, status=Kebutuhan.Status.SELESAI)

    kebutuhan.refresh_from_db()
    assert kebutuhan.status == Kebutuhan.Status.TERBUKA


def test_delete_pertanyaan_refuses_a_question_with_answers():
    survei = SurveiFactory()
    pertanyaan = PertanyaanFactory(survei=survei)
    answer(survei, [3])

    with pytest.raises(ValidationError):
        services_survei.delete_pertanyaan(pertanyaan)


def test_results_count_respondents_by_profile_with_one_query():
    survei = SurveiFactory()
    PertanyaanFactory(survei=survei, urutan=1)
    answer(survei, [4], usia="20-29", jenis_kelamin="P")
    answer(survei, [4], usia="20-29", jenis_kelamin="L")
    answer(survei, [4], usia="50+")

    profil = dict(queries_survei.compute_hasil(survei).profil)

    assert profil["usia"] == [("20–29 tahun", 2), ("50 tahun ke atas", 1)]
    assert profil["jenis kelamin"] == [("Laki-laki", 1), ("Perempuan", 1), ("Tidak diisi", 1)]
    assert profil["pendidikan terakhir"] == [("Tidak diisi", 3)]


def test_results_of_choice_number_and_text_questions():
    survei = SurveiFactory()
    pilihan = PertanyaanFactory(survei=survei, urutan=1, tipe=Pertanyaan.Tipe.PILIHAN, pilihan=["Armada", "Jadwal"])
    angka = PertanyaanFactory(survei=survei, urutan=2, tipe=Pertanyaan.Tipe.ANGKA)
    teks = PertanyaanFactory(survei=survei, urutan=3, tipe=Pertanyaan.Tipe.TEKS, wajib=False)
    for option, number, text in [("Armada", "2", "Bagus"), ("Armada", "3", ""), ("Jadwal", "7", "")]:
        services_survei.submit_responden(
            survei, raw_answers={pilihan.pk: option, angka.pk: number, teks.pk: text}, profil={},
            tiket=f"tiket-{number}",
        )

    item_pilihan, item_angka, item_teks = queries_survei.compute_hasil(survei).pertanyaan

    assert item_pilihan.sebaran_rows() == [("Armada", 2, Decimal("66.67")), ("Jadwal", 1, Decimal("33.33"))]
    assert (item_angka.jumlah, item_angka.nrr) == (3, Decimal("4.00"))
    assert (item_teks.jumlah, item_teks.teks_list) == (1, ["Bagus"])


# --- review fixes: unsur weights -------------------------------------------------


def test_save_pertanyaan_refuses_a_weight_that_leaves_the_unsur_weights_not_summing_to_one():
    survei = skm_survei()
    first = survei.pertanyaan_set.order_by("urutan").first()
    first.bobot = Decimal("0.5")

    with pytest.raises(ValidationError) as refused:
        services_survei.save_pertanyaan(first)

    assert "semua unsur" in refused.value.message_dict["bobot"][0]
    assert not survei.pertanyaan_set.filter(bobot__isnull=False).exists()


@pytest.mark.parametrize(
    ("weights", "problem"),
    [
        ([None] * 9, None),
        ([Decimal("0.1111")] * 8 + [Decimal("0.1112")], None),
        ([Decimal("0.5")] * 9, "harus 1"),
        ([Decimal("0.2")] + [None] * 8, "semua unsur"),
        ([Decimal("-0.5"), Decimal("1.5")] + [Decimal("0")] * 7, "negatif"),
    ],
)
def test_bobot_problem_allows_only_non_negative_weights_of_every_unsur_summing_to_one(weights, problem):
    result = queries_survei.bobot_problem(weights)

    assert (result is None) if problem is None else problem in result


def test_results_show_no_ikm_when_custom_weights_do_not_sum_to_one():
    survei = skm_survei()
    survei.pertanyaan_set.update(bobot=Decimal("0.5"))
    answer(survei, [4] * 9)

    hasil = queries_survei.compute_hasil(survei)

    assert hasil.ikm is None and hasil.mutu is None
    assert "harus 1" in hasil.masalah_bobot


def test_results_show_no_ikm_when_only_one_unsur_has_a_weight():
    survei = skm_survei()
    survei.pertanyaan_set.filter(urutan=1).update(bobot=Decimal("0.2"))
    answer(survei, [4] + [1] * 8)

    hasil = queries_survei.compute_hasil(survei)

    assert hasil.ikm is None
    assert "semua unsur" in hasil.masalah_bobot


@pytest.mark.parametrize("ikm", ["450.00", "100.01", "24.74", "-5.00"])
def test_mutu_for_an_ikm_outside_every_band_is_none(ikm):
    bands = MutuPelayanan.objects.order_by("batas_bawah")

    assert queries_survei.mutu_for(Decimal(ikm), bands) is None


def test_literal_weight_leaves_out_an_unsur_nobody_answered():
    survei = skm_survei(mode_bobot=Survei.ModeBobot.LITERAL)
    for _ in range(3):
        answer(survei, [4] * 8 + [None])

    hasil = queries_survei.compute_hasil(survei)

    # 0,11 × 9/8 per answered unsur: the same 99,00 as when all nine are answered with 4.
    assert hasil.ikm == Decimal("99.00")


def test_custom_weights_are_divided_by_the_weights_of_the_answered_unsur():
    survei = skm_survei()
    survei.pertanyaan_set.update(bobot=Decimal("0.1"))
    survei.pertanyaan_set.filter(urutan=1).update(bobot=Decimal("0.2"))
    answer(survei, [4] * 8 + [None])

    hasil = queries_survei.compute_hasil(survei)

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

    assert queries_survei.compute_hasil(survei).bobot_label.startswith(label)


def test_bobot_label_lists_custom_weights_per_unsur():
    survei = skm_survei()
    survei.pertanyaan_set.update(bobot=Decimal("0.1"))
    survei.pertanyaan_set.filter(urutan=1).update(bobot=Decimal("0.2"))

    label = queries_survei.compute_hasil(survei).bobot_label

    assert label.startswith("Bobot khusus per unsur: U1 0,2, U2 0,1")
    assert "Eksak" not in label


# --- review fixes: answered questions ------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("tipe", Pertanyaan.Tipe.YA_TIDAK), ("pilihan", ["Buruk", "Baik"]), ("bobot", Decimal("1"))],
)
def test_save_pertanyaan_refuses_changing_how_an_answered_question_is_scored(field, value):
    survei = SurveiFactory()
    pertanyaan = PertanyaanFactory(survei=survei, tipe=Pertanyaan.Tipe.LIKERT)
    answer(survei, [5])
    setattr(pertanyaan, field, value)

    with pytest.raises(ValidationError) as refused:
        services_survei.save_pertanyaan(pertanyaan)

    assert "sudah dijawab" in refused.value.message_dict[field][0]
    pertanyaan.refresh_from_db()
    assert pertanyaan.tipe == Pertanyaan.Tipe.LIKERT and pertanyaan.pilihan == [] and pertanyaan.bobot is None


def test_save_pertanyaan_allows_rewording_an_answered_question():
    survei = SurveiFactory()
    pertanyaan = PertanyaanFactory(survei=survei)
    answer(survei, [5])
    pertanyaan.teks = "Bagaimana pelayanan petugas kami?"

    services_survei.save_pertanyaan(pertanyaan)

    pertanyaan.refresh_from_db()
    assert pertanyaan.teks == "Bagaimana pelayanan petugas kami?"


def test_migration_0005_hashes_existing_accounts_like_the_service():
    import importlib

    migration = importlib.import_module("organisasi.migrations.0005_responden_akun_hash")

    class Akun:
        pk = 42

    assert migration.account_fingerprint(42) == services_survei.account_fingerprint(Akun())


def test_results_show_the_latest_free_text_of_every_text_question_however_busy_another_is():
    survei = SurveiFactory()
    busy = PertanyaanFactory(survei=survei, urutan=1, tipe=Pertanyaan.Tipe.TEKS, wajib=False)
    quiet = PertanyaanFactory(survei=survei, urutan=2, tipe=Pertanyaan.Tipe.TEKS, wajib=False)
    Jawaban.objects.create(responden=Responden.objects.create(survei=survei), pertanyaan=quiet, teks="penting")
    for index in range(200):
        Jawaban.objects.create(responden=Responden.objects.create(survei=survei), pertanyaan=busy, teks=f"x{index}")

    busy_item, quiet_item = queries_survei.compute_hasil(survei).pertanyaan

    assert quiet_item.teks_list == ["penting"]
    assert busy_item.teks_list == [f"x{index}" for index in range(199, 189, -1)]


def test_free_text_results_take_the_same_queries_for_few_and_many_answers(django_assert_num_queries):
    few, many = SurveiFactory(), SurveiFactory()
    for survei, count in ((few, 1), (many, 30)):
        for urutan in (1, 2):
            pertanyaan = PertanyaanFactory(survei=survei, urutan=urutan, tipe=Pertanyaan.Tipe.TEKS, wajib=False)
            for index in range(count):
                responden = Responden.objects.create(survei=survei)
                Jawaban.objects.create(responden=responden, pertanyaan=pertanyaan, teks=f"t{index}")

    with django_assert_num_queries(6) as few_queries:
        queries_survei.compute_hasil(few)
    with django_assert_num_queries(len(few_queries)):
        queries_survei.compute_hasil(many)


def test_update_survei_refuses_new_weights_for_answered_unsur():
    survei = skm_survei()
    answer(survei, [4] * 9)
    weights = {p.pk: Decimal("0.2") if p.urutan == 1 else Decimal("0.1") for p in survei.pertanyaan_set.all()}

    with pytest.raises(ValidationError) as refused:
        services_survei.update_survei(survei, bobot=weights)

    assert "sudah dijawab" in refused.value.messages[0]
    assert not survei.pertanyaan_set.filter(bobot__isnull=False).exists()
