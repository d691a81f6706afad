from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from indikator.models import IndikatorKinerjaIndividu, PerilakuKerja, Polaritas, compute_capaian
from indikator.tests.factories import IndikatorKinerjaFactory, RencanaHasilKerjaFactory

pytestmark = pytest.mark.django_db


def test_capaian_higher_is_better_divides_realisasi_by_target():
    assert compute_capaian(45, 50, Polaritas.NAIK) == Decimal(90)


def test_capaian_higher_is_better_is_not_capped_above_100():
    assert compute_capaian(150, 100, Polaritas.NAIK) == Decimal(150)


def test_capaian_lower_is_better_uses_two_minus_ratio():
    assert compute_capaian(Decimal("6.5"), 8, Polaritas.TURUN) == Decimal("118.75")
    assert compute_capaian(9, 8, Polaritas.TURUN) == Decimal("87.5")


def test_capaian_lower_is_better_is_zero_when_realisasi_reaches_twice_the_target():
    assert compute_capaian(20, 10, Polaritas.TURUN) == Decimal(0)
    assert compute_capaian(35, 10, Polaritas.TURUN) == Decimal(0)


def test_capaian_range_above_uses_upper_bound():
    assert compute_capaian(92, 80, Polaritas.RENTANG, target_atas=90).quantize(Decimal("0.1")) == Decimal("102.2")


def test_capaian_range_below_uses_lower_bound():
    assert compute_capaian(70, 80, Polaritas.RENTANG, target_atas=90) == Decimal("87.5")


def test_capaian_range_inside_is_100():
    assert compute_capaian(85, 80, Polaritas.RENTANG, target_atas=90) == Decimal(100)


def test_capaian_with_target_zero_cannot_be_computed():
    assert compute_capaian(5, 0, Polaritas.NAIK) is None
    assert compute_capaian(0, 0, Polaritas.TURUN) is None


def test_indikator_kinerja_refuses_negative_target():
    indikator = IndikatorKinerjaFactory.build(target=-1, sasaran=None)

    with pytest.raises(ValidationError) as error:
        indikator.clean()

    assert error.value.message_dict["target"] == ["Target tidak boleh negatif."]


def test_indikator_kinerja_refuses_range_with_lower_bound_above_upper():
    indikator = IndikatorKinerjaFactory.build(target=90, target_atas=80, polaritas=Polaritas.RENTANG)

    with pytest.raises(ValidationError) as error:
        indikator.clean()

    assert "melebihi batas atasnya" in error.value.message_dict["target_atas"][0]


def test_iki_refuses_waktu_target_longer_than_the_skp_period(staf_draft):
    rhk = RencanaHasilKerjaFactory(skp=staf_draft)
    iki = IndikatorKinerjaIndividu(rhk=rhk, aspek="waktu", uraian="Ketepatan waktu", target=13, satuan="bulan")

    with pytest.raises(ValidationError) as error:
        iki.full_clean()

    assert error.value.message_dict["target"] == ["Target waktu melebihi periode SKP (12 bulan)."]


def test_iki_accepts_a_qualitative_target_without_number(staf_draft):
    rhk = RencanaHasilKerjaFactory(skp=staf_draft)
    iki = IndikatorKinerjaIndividu(rhk=rhk, aspek="kualitas", uraian="Mutu layanan",
                                   target_kualitatif="Tidak ada keluhan berulang")

    iki.full_clean()

    assert iki.target_display == "Tidak ada keluhan berulang"


def test_iki_needs_a_number_or_a_qualitative_target(staf_draft):
    iki = IndikatorKinerjaIndividu(rhk=RencanaHasilKerjaFactory(skp=staf_draft), aspek="kuantitas", uraian="x")

    with pytest.raises(ValidationError) as error:
        iki.full_clean()

    assert error.value.message_dict["target"] == ["Isi target angka (dengan satuan) atau target kualitatif."]


def test_rhk_refuses_to_intervene_the_rhk_of_someone_elses_atasan(chain, staf_draft):
    rhk = RencanaHasilKerjaFactory.build(skp=staf_draft, rhk_atasan=chain.rhk_kabid)

    with pytest.raises(ValidationError) as error:
        rhk.full_clean()

    assert error.value.message_dict["rhk_atasan"] == ["RHK yang diintervensi harus milik pejabat penilai Anda sendiri."]


def test_berakhlak_master_has_seven_values_with_three_official_guides_each():
    values = list(PerilakuKerja.objects.prefetch_related("panduan"))

    assert [v.nama for v in values] == ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal",
                                        "Adaptif", "Kolaboratif"]
    assert all(len(v.panduan.all()) == 3 for v in values)
    assert values[2].panduan.all()[2].uraian == "Melaksanakan tugas dengan kualitas terbaik"
    assert values[5].panduan.all()[2].uraian == "Bertindak proaktif"


def test_capaian_lower_is_better_range_above_uses_two_minus_ratio_to_the_upper_bound():
    assert compute_capaian(9, 7, Polaritas.TURUN, target_atas=8) == Decimal("87.5")


def test_capaian_lower_is_better_range_below_uses_two_minus_ratio_to_the_lower_bound():
    assert compute_capaian(Decimal("6.5"), 7, Polaritas.TURUN, target_atas=8).quantize(Decimal("1")) == Decimal(107)


def test_capaian_lower_is_better_range_inside_is_100():
    assert compute_capaian(Decimal("7.5"), 7, Polaritas.TURUN, target_atas=8) == Decimal(100)


def test_capaian_higher_is_better_range_uses_the_bound_on_the_side_of_the_realisasi():
    above = compute_capaian(92, 80, Polaritas.NAIK, target_atas=90).quantize(Decimal("0.1"))
    below = compute_capaian(70, 80, Polaritas.NAIK, target_atas=90)

    assert (above, below) == (Decimal("102.2"), Decimal("87.5"))


def test_unit_indikator_and_iki_both_accept_a_lower_is_better_range(staf_draft):
    indikator = IndikatorKinerjaFactory.build(target=7, target_atas=8, polaritas=Polaritas.TURUN, satuan="bulan")
    iki = IndikatorKinerjaIndividu(rhk=RencanaHasilKerjaFactory(skp=staf_draft), aspek="waktu", uraian="Waktu",
                                   target=7, target_atas=8, satuan="bulan", polaritas=Polaritas.TURUN)

    indikator.clean()
    iki.full_clean()


def test_unit_indikator_and_iki_both_refuse_polarity_rentang_without_upper_bound(staf_draft):
    indikator = IndikatorKinerjaFactory.build(target=80, polaritas=Polaritas.RENTANG)
    iki = IndikatorKinerjaIndividu(rhk=RencanaHasilKerjaFactory(skp=staf_draft), aspek="kuantitas", uraian="x",
                                   target=80, satuan="%", polaritas=Polaritas.RENTANG)

    with pytest.raises(ValidationError) as indikator_error:
        indikator.clean()
    with pytest.raises(ValidationError) as iki_error:
        iki.full_clean()

    expected = ["Polaritas rentang memerlukan batas atas target."]
    assert indikator_error.value.message_dict["target_atas"] == expected
    assert iki_error.value.message_dict["target_atas"] == expected
