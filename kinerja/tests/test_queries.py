import datetime

import pytest

from kinerja import queries
from kinerja.models import AturanAktivitas, KewajibanLapor
from kinerja.tests.factories import AktivitasFactory, CutiFactory, HariLiburFactory
from organisasi.models import Jabatan, UnitKerja
from organisasi.tests.factories import JabatanFactory, PegawaiFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db

T = datetime.time
DAY = datetime.timedelta(days=1)
GOOD = "Memantau pengangkutan sampah di delapan TPS Kelurahan Sidodadi"
EIGHT, NINE = T(8), T(9)


def _entry(kin, tanggal=None, mulai=EIGHT, selesai=NINE, uraian=GOOD, **extra):
    return AktivitasFactory(
        pegawai=kin.org.staf,
        tanggal=tanggal or kin.monday,
        jam_mulai=mulai,
        jam_selesai=selesai,
        uraian=uraian,
        **{"rhk": kin.rhk, **extra},
    )


def _hints(aktivitas):
    return queries.quality_hints([aktivitas])[aktivitas.pk]


def test_an_ordinary_entry_has_no_hint(kin):
    assert _hints(_entry(kin)) == []


def test_a_description_copied_verbatim_from_many_earlier_days_is_hinted(kin):
    for offset in range(1, 6):
        _entry(kin, tanggal=kin.monday - offset * DAY)

    assert _hints(_entry(kin)) == [
        "Uraian sama persis dengan 5 hari lain dalam 60 hari terakhir."
    ]


def test_a_description_repeated_on_fewer_days_than_the_rule_is_not_hinted(kin):
    for offset in range(1, 5):
        _entry(kin, tanggal=kin.monday - offset * DAY)

    assert _hints(_entry(kin)) == []


def test_a_description_too_short_to_say_anything_is_hinted(kin):
    assert _hints(_entry(kin, uraian="Rapat")) == [
        "Uraian terlalu singkat untuk menjelaskan pekerjaan."
    ]


def test_an_entry_on_a_holiday_on_a_weekend_or_on_leave_is_hinted(kin):
    HariLiburFactory(tanggal=kin.monday + DAY, nama="Cuti bersama Idul Adha")
    CutiFactory(
        pegawai=kin.org.staf, mulai=kin.monday + 2 * DAY, selesai=kin.monday + 2 * DAY
    )

    holiday = _entry(kin, tanggal=kin.monday + DAY)
    saturday = _entry(kin, tanggal=kin.monday + 5 * DAY)
    on_leave = _entry(kin, tanggal=kin.monday + 2 * DAY)

    hints = queries.quality_hints([holiday, saturday, on_leave])
    assert hints == {
        holiday.pk: ["Dicatat pada hari libur: Cuti bersama Idul Adha."],
        saturday.pk: ["Dicatat pada hari Sabtu."],
        on_leave.pk: ["Dicatat pada hari cuti pegawai."],
    }


def test_an_entry_outside_working_hours_is_hinted(kin):
    assert _hints(_entry(kin, mulai=T(19), selesai=T(20))) == [
        "Di luar jam kerja (07.30–16.00)."
    ]


def test_a_day_far_above_the_daily_norm_is_hinted(kin):
    AturanAktivitas.objects.filter(pk=1).update(
        jam_kerja_mulai=T(6), jam_kerja_selesai=T(20)
    )
    _entry(kin, mulai=T(6), selesai=T(12))

    hints = _hints(_entry(kin, mulai=T(12), selesai=T(18)))

    assert len(hints) == 1 and hints[0].startswith(
        "Total hari ini 720 menit, jauh di atas norma harian"
    )


def test_hints_take_a_constant_number_of_queries(kin, django_assert_num_queries):
    few = [_entry(kin)]
    many = [_entry(kin, tanggal=kin.monday + n * DAY) for n in range(1, 10)]
    aturan = AturanAktivitas.current()

    with django_assert_num_queries(4):
        queries.quality_hints(few, aturan=aturan)
    with django_assert_num_queries(4):
        queries.quality_hints(many, aturan=aturan)


def test_favourites_are_the_most_frequent_descriptions_of_rhk_still_in_force(kin):
    for offset in range(3):
        _entry(kin, tanggal=kin.monday - offset * DAY, uraian="Mengangkut sampah TPS")
    _entry(kin, tanggal=kin.monday - 4 * DAY, uraian="Rapat koordinasi seksi")
    AktivitasFactory(
        pegawai=kin.org.staf, rhk=kin.rhk_kasi, tanggal=kin.monday, uraian="RHK lama"
    )

    found = queries.favourites(kin.org.staf, [kin.rhk, kin.rhk_2], today=kin.monday)

    assert [(f["uraian"], f["kali"]) for f in found] == [
        ("Mengangkut sampah TPS", 3),
        ("Rapat koordinasi seksi", 1),
    ]


def test_the_entry_form_starts_where_the_day_ended_with_the_latest_rhk_satuan_and_slot(
    kin,
):
    AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.monday - DAY,
        jam_mulai=T(13),
        jam_selesai=T(16),
    )
    day_list = [
        _entry(kin, mulai=T(7, 30), selesai=T(10)),
        _entry(
            kin, mulai=T(10), selesai=T(11, 15), rhk=kin.rhk_2, satuan_output="laporan"
        ),
    ]

    initial = queries.entry_defaults(
        kin.org.staf,
        kin.monday,
        day_list,
        [kin.rhk, kin.rhk_2],
        AturanAktivitas.current(),
    )

    assert (initial["jam_mulai"], initial["jam_selesai"]) == (T(11, 15), T(12, 30))
    assert (initial["rhk"], initial["satuan_output"]) == (kin.rhk_2.pk, "laporan")


def test_an_empty_day_starts_at_the_start_of_the_working_day(kin):
    initial = queries.entry_defaults(
        kin.org.staf, kin.monday, [], [kin.rhk], AturanAktivitas.current()
    )

    assert (initial["jam_mulai"], initial["jam_selesai"], initial["rhk"]) == (
        T(7, 30),
        T(8, 30),
        kin.rhk.pk,
    )


def test_guru_need_not_log_daily_but_other_positions_must(org):
    sekolah = UnitKerjaFactory(jenis=UnitKerja.Jenis.SEKOLAH, induk=org.opd_a)
    guru = PegawaiFactory(
        jabatan=JabatanFactory(jenis=Jabatan.Jenis.FUNGSIONAL, unit=sekolah)
    )
    tata_usaha = PegawaiFactory(
        jabatan=JabatanFactory(jenis=Jabatan.Jenis.PELAKSANA, unit=sekolah)
    )

    assert (
        queries.must_log_daily(guru),
        queries.must_log_daily(tata_usaha),
        queries.must_log_daily(org.staf),
    ) == (False, True, True)


def test_the_most_specific_reporting_rule_wins(org):
    KewajibanLapor.objects.create(jenis_jabatan="pelaksana", wajib_harian=False)
    KewajibanLapor.objects.create(
        jenis_jabatan="pelaksana", jenis_unit="seksi", wajib_harian=True
    )

    assert queries.must_log_daily(org.staf) is True
    assert queries.must_log_daily(org.staf_b) is False


def test_the_month_calendar_marks_days_off_leave_and_days_without_entries(kin):
    monday = kin.monday
    HariLiburFactory(tanggal=monday + DAY, nama="Libur daerah", jenis="libur_daerah")
    CutiFactory(pegawai=kin.org.staf, mulai=monday + 2 * DAY, selesai=monday + 2 * DAY)
    _entry(kin, tanggal=monday, mulai=T(8), selesai=T(10))

    weeks, required = queries.month_calendar(
        kin.org.staf, monday.year, monday.month, today=monday + 7 * DAY
    )

    cells = {cell.day.tanggal: cell for week in weeks for cell in week}
    assert required is True
    assert (cells[monday].day.menit, cells[monday].missing) == (120, False)
    assert (cells[monday + DAY].day.off.nama, cells[monday + DAY].missing) == (
        "Libur daerah",
        False,
    )
    assert (
        cells[monday + 2 * DAY].day.cuti is not None,
        cells[monday + 2 * DAY].missing,
    ) == (True, False)
    assert (cells[monday + 3 * DAY].missing, cells[monday + 5 * DAY].missing) == (
        True,
        False,
    )


def test_the_week_grid_sums_minutes_per_rhk_and_day(kin):
    _entry(kin, mulai=T(8), selesai=T(9))
    _entry(kin, mulai=T(9), selesai=T(9, 30))
    AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk_2, tanggal=kin.monday + 2 * DAY)

    week = queries.week_grid(kin.org.staf, kin.monday + 3 * DAY)

    assert [(row.uraian, row.menit) for row in week.rows] == [
        (kin.rhk.uraian, [90, 0, 0, 0, 0, 0, 0]),
        (kin.rhk_2.uraian, [0, 0, 60, 0, 0, 0, 0]),
    ]
    assert ([day.menit for day in week.days], week.total, week.submittable) == (
        [90, 0, 60, 0, 0, 0, 0],
        150,
        3,
    )
