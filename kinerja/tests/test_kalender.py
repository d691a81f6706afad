import datetime
from types import SimpleNamespace

import pytest

from kinerja import kalender

D = datetime.date


def test_national_days_off_include_holidays_and_cuti_bersama_in_indonesian():
    days = kalender.national_days_off(2026)

    assert days[D(2026, 12, 25)] == kalender.DayOff(
        "Hari Raya Natal", kalender.LIBUR_NASIONAL
    )
    assert days[D(2026, 12, 24)].is_cuti_bersama is True
    assert days[D(2026, 12, 24)].nama == "Cuti Bersama Hari Raya Natal"


def test_bkpsdm_rows_add_local_days_off_and_cancel_a_day_of_the_package():
    rows = [
        SimpleNamespace(tanggal=D(2026, 12, 24), nama="", jenis=kalender.HARI_KERJA),
        SimpleNamespace(
            tanggal=D(2026, 12, 28), nama="Libur daerah", jenis="libur_daerah"
        ),
    ]

    days = kalender.merge_days_off(D(2026, 12, 20), D(2026, 12, 31), rows)

    assert sorted(days) == [D(2026, 12, 25), D(2026, 12, 28)]
    assert days[D(2026, 12, 28)].nama == "Libur daerah"


def test_month_weeks_start_on_monday_and_cover_the_whole_month():
    weeks = kalender.month_weeks(2026, 11)

    assert (weeks[0][0], weeks[-1][-1], len(weeks)) == (
        D(2026, 10, 26),
        D(2026, 12, 6),
        6,
    )


def test_lock_date_is_the_month_end_plus_the_grace_days():
    assert kalender.lock_date(D(2026, 2, 10), 5) == D(2026, 3, 5)


OPEN_2026 = [(D(2026, 1, 1), D(2026, 12, 31))]


@pytest.mark.parametrize(
    ("tanggal", "today", "spans", "expected"),
    [
        (D(2026, 11, 30), D(2026, 12, 5), OPEN_2026, ""),
        (
            D(2026, 11, 30),
            D(2026, 12, 6),
            OPEN_2026,
            "Aktivitas bulan November 2026 sudah dikunci sejak 5 Desember 2026",
        ),
        (D(2026, 12, 3), D(2026, 12, 2), OPEN_2026, ""),
        (D(2026, 12, 4), D(2026, 12, 2), OPEN_2026, "Tanggal terlalu jauh ke depan"),
        (
            D(2026, 12, 2),
            D(2026, 12, 2),
            [],
            "Tanggal ini tidak berada dalam periode penilaian yang terbuka.",
        ),
    ],
)
def test_window_problem_names_the_rule_a_date_breaks(tanggal, today, spans, expected):
    problem = kalender.window_problem(
        tanggal, today=today, hari_tenggang=5, hari_rencana=1, open_spans=spans
    )

    assert problem.startswith(expected) if expected else problem == ""


def test_without_planning_days_a_future_date_is_refused():
    problem = kalender.window_problem(
        D(2026, 12, 3),
        today=D(2026, 12, 2),
        hari_tenggang=5,
        hari_rencana=0,
        open_spans=OPEN_2026,
    )

    assert problem == "Tanggal tidak boleh di masa depan."


@pytest.mark.parametrize(
    ("menit", "text"),
    [(0, "0 m"), (None, "0 m"), (45, "45 m"), (60, "1 j"), (270, "4 j 30 m")],
)
def test_minutes_are_written_in_hours_and_minutes(menit, text):
    assert kalender.format_minutes(menit) == text


def test_adding_minutes_stops_before_midnight():
    assert kalender.add_minutes(datetime.time(23, 0), 120) == datetime.time(23, 59)
