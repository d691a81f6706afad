import pytest
from django.core.exceptions import ValidationError

from indikator.models import IndikatorKinerjaIndividu, PerilakuKerja, Polaritas
from indikator.tests.factories import IndikatorKinerjaFactory, RencanaHasilKerjaFactory

pytestmark = pytest.mark.django_db


def test_indikator_kinerja_refuses_negative_target():
    indikator = IndikatorKinerjaFactory.build(target=-1, sasaran=None)

    with pytest.raises(ValidationError) as error:
        indikator.clean()

    assert error.value.message_dict["target"] == ["Target tidak boleh negatif."]


def test_indikator_kinerja_refuses_range_with_lower_bound_above_upper():
    indikator = IndikatorKinerjaFactory.build(
        target=90, target_atas=80, polaritas=Polaritas.RENTANG
    )

    with pytest.raises(ValidationError) as error:
        indikator.clean()

    assert "melebihi batas atasnya" in error.value.message_dict["target_atas"][0]


def test_iki_refuses_waktu_target_longer_than_the_skp_period(staf_draft):
    rhk = RencanaHasilKerjaFactory(skp=staf_draft)
    iki = IndikatorKinerjaIndividu(
        rhk=rhk, aspek="waktu", uraian="Ketepatan waktu", target=13, satuan="bulan"
    )

    with pytest.raises(ValidationError) as error:
        iki.full_clean()

    assert error.value.message_dict["target"] == [
        "Target waktu melebihi periode SKP (12 bulan)."
    ]


def test_iki_accepts_a_qualitative_target_without_number(staf_draft):
    staf_draft.pendekatan = "kualitatif"
    rhk = RencanaHasilKerjaFactory(skp=staf_draft)
    iki = IndikatorKinerjaIndividu(
        rhk=rhk,
        aspek="",
        uraian="Mutu layanan",
        target_kualitatif="Tidak ada keluhan berulang",
    )

    iki.full_clean()

    assert iki.target_display == "Tidak ada keluhan berulang"


def test_iki_of_a_kuantitatif_skp_needs_a_numeric_target(staf_draft):
    iki = IndikatorKinerjaIndividu(
        rhk=RencanaHasilKerjaFactory(skp=staf_draft), aspek="kuantitas", uraian="x"
    )

    with pytest.raises(ValidationError) as error:
        iki.full_clean()

    assert error.value.message_dict["target"] == [
        "Pendekatan kuantitatif: isi target angka dengan satuannya."
    ]


def test_rhk_refuses_to_intervene_the_rhk_of_someone_elses_atasan(chain, staf_draft):
    rhk = RencanaHasilKerjaFactory.build(skp=staf_draft, rhk_atasan=chain.rhk_kabid)

    with pytest.raises(ValidationError) as error:
        rhk.full_clean()

    assert error.value.message_dict["rhk_atasan"] == [
        "RHK yang diintervensi harus milik pejabat penilai Anda sendiri."
    ]


def test_berakhlak_master_has_seven_values_with_three_official_guides_each():
    values = list(PerilakuKerja.objects.prefetch_related("panduan"))

    assert [v.nama for v in values] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    assert all(len(v.panduan.all()) == 3 for v in values)
    assert (
        values[2].panduan.all()[2].uraian
        == "Melaksanakan tugas dengan kualitas terbaik"
    )
    assert values[5].panduan.all()[2].uraian == "Bertindak proaktif"


def test_unit_indikator_and_iki_both_accept_a_lower_is_better_range(staf_draft):
    indikator = IndikatorKinerjaFactory.build(
        target=7, target_atas=8, polaritas=Polaritas.TURUN, satuan="bulan"
    )
    iki = IndikatorKinerjaIndividu(
        rhk=RencanaHasilKerjaFactory(skp=staf_draft),
        aspek="waktu",
        uraian="Waktu",
        target=7,
        target_atas=8,
        satuan="bulan",
        polaritas=Polaritas.TURUN,
    )

    indikator.clean()
    iki.full_clean()


def test_unit_indikator_and_iki_both_refuse_polarity_rentang_without_upper_bound(
    staf_draft,
):
    indikator = IndikatorKinerjaFactory.build(target=80, polaritas=Polaritas.RENTANG)
    iki = IndikatorKinerjaIndividu(
        rhk=RencanaHasilKerjaFactory(skp=staf_draft),
        aspek="kuantitas",
        uraian="x",
        target=80,
        satuan="%",
        polaritas=Polaritas.RENTANG,
    )

    with pytest.raises(ValidationError) as indikator_error:
        indikator.clean()
    with pytest.raises(ValidationError) as iki_error:
        iki.full_clean()

    expected = ["Polaritas rentang memerlukan batas atas target."]
    assert indikator_error.value.message_dict["target_atas"] == expected
    assert iki_error.value.message_dict["target_atas"] == expected
