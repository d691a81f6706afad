import datetime

import pytest

from organisasi import queries
from organisasi.tests.factories import KebutuhanFactory, PegawaiFactory, SurveiFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 10)
BUKA = datetime.date(2026, 5, 1)


def _texts(lines):
    return [(line.count, line.url) for line in lines]


def test_home_lines_tell_the_pengelola_the_open_needs_nothing_answers(org):
    KebutuhanFactory(unit=org.seksi_a)
    KebutuhanFactory(unit=org.bidang_a)
    KebutuhanFactory(unit=org.seksi_a, status="selesai")
    KebutuhanFactory(unit=org.opd_b)

    lines = queries.home_lines(org.pengelola.akun, today=TODAY)

    assert _texts(lines) == [(2, "/organisasi/kebutuhan/?tanpa_jawaban=on")]


def test_home_lines_tell_the_pengelola_the_surveys_closing_within_a_week(org):
    for tutup in (TODAY, TODAY + datetime.timedelta(days=7)):
        SurveiFactory(unit=org.opd_a, tanggal_buka=BUKA, tanggal_tutup=tutup)
    SurveiFactory(
        unit=org.opd_a,
        tanggal_buka=BUKA,
        tanggal_tutup=TODAY + datetime.timedelta(days=8),
    )
    SurveiFactory(
        unit=org.opd_a, tanggal_buka=BUKA, tanggal_tutup=TODAY, status="ditutup"
    )
    SurveiFactory(unit=org.opd_b, tanggal_buka=BUKA, tanggal_tutup=TODAY)

    lines = queries.home_lines(org.pengelola.akun, today=TODAY)

    assert _texts(lines) == [(2, "/organisasi/survei/")]
    assert "ditutup dalam 7 hari" in lines[0].text


def test_home_lines_tell_bkpsdm_the_pegawai_without_an_account(org):
    PegawaiFactory(jabatan=org.staf.jabatan, akun=None)

    lines = queries.home_lines(org.admin.akun, today=TODAY)

    assert _texts(lines) == [(1, "/organisasi/akun/terbitkan/")]


def test_home_lines_give_the_pimpinan_the_city_at_a_glance(org):
    KebutuhanFactory(unit=org.opd_b)

    lines = queries.home_lines(org.pimpinan, today=TODAY)

    assert [line.count for line in lines] == [9, 1]
    assert "9 pegawai aktif di 2 perangkat daerah" in lines[0].text


def test_home_lines_have_nothing_for_a_plain_pegawai(org):
    assert queries.home_lines(org.staf.akun, today=TODAY) == []


@pytest.mark.parametrize(
    ("role", "expected"),
    [("pengelola", 3), ("admin", 3), ("pimpinan", 2)],  # pengelola: + their OPD
)
def test_home_lines_take_one_query_per_line_kind_whatever_the_data(
    org, django_assert_num_queries, role, expected
):
    for _ in range(3):
        KebutuhanFactory(unit=org.seksi_a)
        SurveiFactory(unit=org.opd_a, tanggal_buka=BUKA, tanggal_tutup=TODAY)
    user = {"pengelola": org.pengelola.akun, "admin": org.admin.akun}.get(
        role, org.pimpinan
    )

    with django_assert_num_queries(expected):
        queries.home_lines(user, today=TODAY)
