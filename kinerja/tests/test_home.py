import datetime

import pytest

from kinerja import queries
from kinerja.tests.factories import AktivitasFactory
from organisasi.models import Pengguna

pytestmark = [pytest.mark.django_db]

T = datetime.time
DAY = datetime.timedelta(days=1)
GOOD = "Memantau pengangkutan sampah di delapan TPS Kelurahan Sidodadi"
EIGHT, NINE = T(8), T(9)


def _entry(kin, tanggal=None, mulai=EIGHT, selesai=NINE, uraian=GOOD, **extra):
    return AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=tanggal or kin.monday,
        jam_mulai=mulai,
        jam_selesai=selesai,
        uraian=uraian,
        **extra,
    )


def test_home_lines_say_what_the_asn_does_now(kin):
    today = kin.monday
    _entry(kin, tanggal=today, mulai=T(8), selesai=T(10))
    _entry(
        kin,
        tanggal=today - DAY,
        status="dikembalikan",
        catatan_atasan="Sebutkan TPS-nya",
    )
    _entry(kin, tanggal=today - 2 * DAY, diajukan=True)

    lines = queries.home_lines(kin.org.staf.akun, today=today)

    texts = [line.text for line in lines]
    assert texts[:3] == [
        "Hari ini: 1 aktivitas, 2 j.",
        "1 aktivitas dikembalikan atasan untuk diperbaiki.",
        "1 aktivitas menunggu persetujuan atasan.",
    ]
    assert lines[1].detail == "Sebutkan TPS-nya" and lines[1].level == "danger"
    assert texts[3].startswith("Bulan ini ") and texts[3].endswith(
        "dari norma 6.750 menit."
    )
    assert texts[4:] == [
        "Jumlah TPS diangkut: 0 dari 40 TPS (0 %).",
        "Ketepatan waktu pengangkutan: 0 dari 100 % (0 %).",
    ]


def test_home_lines_take_a_constant_number_of_queries(kin, django_assert_num_queries):
    _entry(kin)
    user = Pengguna.objects.select_related("pegawai").get(
        pk=kin.org.staf.akun_id
    )  # as a request's user
    with django_assert_num_queries(5):
        queries.home_lines(user, today=kin.monday)
    for offset in range(1, 30):
        _entry(kin, tanggal=kin.monday - offset * DAY, status="dikembalikan")

    user = Pengguna.objects.select_related("pegawai").get(pk=kin.org.staf.akun_id)
    with django_assert_num_queries(6):  # the latest return note, once there is one
        queries.home_lines(user, today=kin.monday)
