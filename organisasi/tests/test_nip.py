import datetime

import pytest

from organisasi import nip as nip_rules

TODAY = datetime.date(2026, 11, 30)


def errors(nip, status):
    return nip_rules.nip_errors(nip, status, today=TODAY)


def test_pns_nip_from_the_regulation_example_is_valid():
    assert errors("196608011988031001", nip_rules.PNS) == []


def test_pppk_nip_from_the_domain_example_is_valid():
    assert errors("200012312024211001", nip_rules.PPPK) == []


def test_pppk_paruh_waktu_nip_uses_the_pppk_layout():
    assert errors("199505052025241014", nip_rules.PPPK_PARUH_WAKTU) == []


def test_pppk_number_checked_as_pns_is_refused_for_its_month():
    result = errors("200012312024211001", nip_rules.PNS)

    assert result == ["Digit 13–14 NIP PNS adalah bulan TMT CPNS (01–12), bukan 21."]


def test_pns_number_checked_as_pppk_is_refused_for_its_marker():
    result = errors("196608011988031001", nip_rules.PPPK)

    assert any("Digit ke-13 NI PPPK harus 2" in message for message in result)


def test_nip_with_impossible_birth_date_is_refused():
    assert errors("196602301988031001", nip_rules.PNS) == [
        "Digit 1–8 NIP (19660230) bukan tanggal lahir yang sah (format TTTTBBHH)."
    ]


def test_nip_gender_digit_must_be_one_or_two():
    assert errors("196608011988033001", nip_rules.PNS) == [
        "Digit ke-15 NIP (jenis kelamin) harus 1 (pria) atau 2 (wanita), bukan 3."
    ]


def test_nip_sequence_zero_is_refused_with_the_excel_hint():
    result = errors("196608011988031000", nip_rules.PNS)

    assert len(result) == 1
    assert result[0].startswith("Digit 16–18 NIP (nomor urut) harus 001–999.")
    assert "Excel" in result[0]


def test_appointment_before_age_eighteen_is_refused():
    assert errors("200001012010011001", nip_rules.PNS) == [
        "Tahun TMT CPNS pada NIP (2010) kurang dari 18 tahun setelah tahun lahir (2000)."
    ]


def test_appointment_in_the_future_is_refused():
    assert errors("199001012030011001", nip_rules.PNS) == [
        "Tahun TMT CPNS pada NIP (2030) ada di masa depan."
    ]


@pytest.mark.parametrize(
    "value", ["1966080119880310", "19660801198803100A", "1966080119880310011"]
)
def test_nip_must_be_eighteen_digits(value):
    assert errors(value, nip_rules.PNS)[0].startswith("NIP harus 18 digit angka")


@pytest.mark.parametrize("value", ["1.96608E+17", "1,97E+17", "196608011988031000.0"])
def test_nip_that_excel_turned_into_a_number_is_explained(value):
    result = errors(value, nip_rules.PNS)

    assert len(result) == 1
    assert "terbaca sebagai angka oleh Excel" in result[0]


def test_spaces_between_nip_groups_are_ignored():
    assert nip_rules.normalize_nip("19660801 198803 1 001") == "196608011988031001"
    assert errors("19660801 198803 1 001", nip_rules.PNS) == []


def test_birth_date_is_read_from_the_nip():
    assert nip_rules.birth_date("196608011988031001") == datetime.date(1966, 8, 1)
