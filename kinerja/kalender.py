"""The working-day calendar and the entry window, as rules without the database.

National holidays and cuti bersama come from the `holidays` package (Indonesia, in
Indonesian); BKPSDM's own days (`HariLibur` rows) are laid over them by `merge_days_off`.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

import holidays

from core.dates import month_end

LIBUR_NASIONAL = "libur_nasional"
CUTI_BERSAMA = "cuti_bersama"
HARI_KERJA = "hari_kerja"  # a HariLibur row that cancels a day off of the package


@dataclass(frozen=True)
class DayOff:
    nama: str
    jenis: str  # libur_nasional, cuti_bersama, libur_daerah

    @property
    def is_cuti_bersama(self) -> bool:
        return self.jenis == CUTI_BERSAMA


@lru_cache(maxsize=16)
def national_days_off(year: int) -> dict[datetime.date, DayOff]:
    """National holidays and cuti bersama of one year, from the `holidays` package."""
    public = holidays.country_holidays("ID", years=year, language="id")
    government = holidays.country_holidays(
        "ID", years=year, language="id", categories=("government",)
    )
    days = {day: DayOff(str(nama), LIBUR_NASIONAL) for day, nama in public.items()}
    for day, nama in government.items():
        days.setdefault(day, DayOff(str(nama), CUTI_BERSAMA))
    return days


def merge_days_off(
    mulai: datetime.date, selesai: datetime.date, rows
) -> dict[datetime.date, DayOff]:
    """Days off between two dates: the package's, then BKPSDM's rows (`tanggal`, `nama`, `jenis`) over them."""
    days = {}
    for year in range(mulai.year, selesai.year + 1):
        days.update(
            {
                day: off
                for day, off in national_days_off(year).items()
                if mulai <= day <= selesai
            }
        )
    for row in rows:
        if row.jenis == HARI_KERJA:
            days.pop(row.tanggal, None)
        else:
            days[row.tanggal] = DayOff(row.nama, row.jenis)
    return days


def is_weekend(day: datetime.date) -> bool:
    return day.weekday() >= 5


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def week_days(day: datetime.date) -> list[datetime.date]:
    monday = week_start(day)
    return [monday + datetime.timedelta(days=offset) for offset in range(7)]


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def last_of_month(day: datetime.date) -> datetime.date:
    return month_end(day.year, day.month)


def month_weeks(year: int, month: int) -> list[list[datetime.date]]:
    """The weeks (Monday first) that cover the month, each as seven dates."""
    first = datetime.date(year, month, 1)
    last = month_end(year, month)
    weeks, monday = [], week_start(first)
    while monday <= last:
        weeks.append(week_days(monday))
        monday += datetime.timedelta(days=7)
    return weeks


def lock_date(tanggal: datetime.date, hari_tenggang: int) -> datetime.date:
    """The last day an activity of this date can still be entered, changed or submitted."""
    return last_of_month(tanggal) + datetime.timedelta(days=hari_tenggang)


def window_problem(
    tanggal: datetime.date,
    *,
    today: datetime.date,
    hari_tenggang: int,
    hari_rencana: int,
    open_spans,
) -> str:
    """Why an activity cannot be entered or changed on this date (Indonesian), or "" when it can.

    `open_spans` are the (mulai, selesai) of the periode penilaian that are not locked.
    """
    if tanggal > today + datetime.timedelta(days=hari_rencana):
        if hari_rencana:
            return f"Tanggal terlalu jauh ke depan: rencana paling jauh {hari_rencana} hari dari hari ini."
        return "Tanggal tidak boleh di masa depan."
    locked_since = lock_date(tanggal, hari_tenggang)
    if today > locked_since:
        return (
            f"Aktivitas bulan {format_month(tanggal)} sudah dikunci sejak "
            f"{format_date(locked_since)} (batas {hari_tenggang} hari setelah akhir bulan)."
        )
    if not any(mulai <= tanggal <= selesai for mulai, selesai in open_spans):
        return "Tanggal ini tidak berada dalam periode penilaian yang terbuka."
    return ""


MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def format_month(day: datetime.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def format_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_time(value: datetime.time) -> str:
    return f"{value:%H.%M}"


def format_minutes(menit: int | None) -> str:
    """270 → "4 j 30 m"; 45 → "45 m"; 0 or None → "0 m"."""
    menit = menit or 0
    jam, sisa = divmod(menit, 60)
    if jam and sisa:
        return f"{jam} j {sisa} m"
    return f"{jam} j" if jam else f"{sisa} m"


def add_minutes(value: datetime.time, menit: int) -> datetime.time:
    """A time plus minutes, stopping at 23.59 (activities do not cross midnight)."""
    total = min(value.hour * 60 + value.minute + menit, 23 * 60 + 59)
    return datetime.time(total // 60, total % 60)
