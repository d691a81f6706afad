"""Reads across models: the SKP in force, the day, week and month pages, quality hints for the
atasan, realisation suggestions and the ASN's home lines. Each function runs a constant number
of queries, whatever the number of activities.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, OuterRef, Q, Subquery, Sum
from django.urls import reverse
from django.utils import timezone

from core.angka import format_angka
from core.homes import HomeLine
from indikator.models import (
    IndikatorKinerjaIndividu,
    PeriodePenilaian,
    RencanaHasilKerja,
    Skp,
)
from kinerja import kalender
from kinerja.models import (
    Aktivitas,
    AturanAktivitas,
    Cuti,
    HariLibur,
    KewajibanLapor,
    Realisasi,
    Status,
)
from organisasi.models import Pegawai
from organisasi.permissions import is_atasan, pegawai_of

FAVOURITE_DAYS = 90
FAVOURITE_COUNT = 4
REPEAT_WINDOW_DAYS = 60
DEFAULT_SLOT_MINUTES = 60

# --- the SKP in force -------------------------------------------------------------------


def _approved_on(skp: Skp) -> datetime.date:
    return (
        timezone.localdate(skp.disetujui_pada)
        if skp.disetujui_pada
        else datetime.date.min
    )


def choose_skp_in_force(skp_list, tanggal: datetime.date) -> Skp | None:
    """Among approved SKP covering the date, the one in force.

    The latest start wins. When several start the same day (after a mutasi both cover the
    whole year), the latest one approved on or before the date is in force; a date before
    any approval takes the first approved (activities may be logged before the SKP is signed).
    """
    if not skp_list:
        return None
    latest_start = max(skp.tanggal_mulai for skp in skp_list)
    candidates = [skp for skp in skp_list if skp.tanggal_mulai == latest_start]
    approved_before = [skp for skp in candidates if _approved_on(skp) <= tanggal]
    if approved_before:
        return max(approved_before, key=lambda skp: (_approved_on(skp), skp.pk))
    return min(candidates, key=lambda skp: (_approved_on(skp), skp.pk))


def _covering(pegawai, tanggal):
    return Q(
        skp__pegawai=pegawai,
        skp__status=Skp.Status.DISETUJUI,
        skp__tanggal_mulai__lte=tanggal,
        skp__tanggal_selesai__gte=tanggal,
    )


def skp_in_force(pegawai, tanggal: datetime.date) -> Skp | None:
    """The pegawai's SKP in force on the date (one query)."""
    skp_list = Skp.objects.filter(
        pegawai=pegawai,
        status=Skp.Status.DISETUJUI,
        tanggal_mulai__lte=tanggal,
        tanggal_selesai__gte=tanggal,
    )
    return choose_skp_in_force(list(skp_list), tanggal)


def rhk_in_force(pegawai, tanggal: datetime.date) -> list[RencanaHasilKerja]:
    """The RHK of the SKP in force on the date, in the SKP's order, each with `satuan_kuantitas`
    (the satuan of its first kuantitas IKI, which the realisation suggestion sums) (one query)."""
    satuan = (
        IndikatorKinerjaIndividu.objects.filter(
            rhk=OuterRef("pk"), aspek=IndikatorKinerjaIndividu.Aspek.KUANTITAS
        )
        .exclude(satuan="")
        .order_by("pk")
        .values("satuan")[:1]
    )
    rows = list(
        RencanaHasilKerja.objects.filter(_covering(pegawai, tanggal))
        .select_related("skp")
        .annotate(satuan_kuantitas=Subquery(satuan))
        .order_by("-jenis", "urutan", "pk")
    )
    skp = choose_skp_in_force(
        list({rhk.skp_id: rhk.skp for rhk in rows}.values()), tanggal
    )
    return [rhk for rhk in rows if skp is not None and rhk.skp_id == skp.pk]


def satuan_choices(rhk_list) -> list[str]:
    """The kuantitas satuan of these RHK (from rhk_in_force), offered for an activity's output."""
    return sorted(
        {
            rhk.satuan_kuantitas.strip()
            for rhk in rhk_list
            if getattr(rhk, "satuan_kuantitas", None)
        }
    )


# --- the calendar ----------------------------------------------------------------------


def days_off(
    mulai: datetime.date, selesai: datetime.date
) -> dict[datetime.date, kalender.DayOff]:
    """National holidays, cuti bersama and BKPSDM's days between two dates (one query)."""
    return kalender.merge_days_off(
        mulai, selesai, HariLibur.objects.filter(tanggal__range=(mulai, selesai))
    )


def leave_days(
    pegawai, mulai: datetime.date, selesai: datetime.date
) -> dict[datetime.date, Cuti]:
    """Each date of the pegawai's leave between two dates (one query)."""
    days = {}
    for cuti in Cuti.objects.filter(pegawai=pegawai).overlapping(mulai, selesai):
        day = max(cuti.mulai, mulai)
        while day <= min(cuti.selesai, selesai):
            days[day] = cuti
            day += datetime.timedelta(days=1)
    return days


def must_log_daily(pegawai) -> bool:
    """Whether the pegawai's position must log every working day (KewajibanLapor; default yes; two queries)."""
    rules = list(KewajibanLapor.objects.all())
    jenis_jabatan, jenis_unit = (
        Pegawai.objects.filter(pk=pegawai.pk)
        .values_list("jabatan__jenis", "unit__jenis")
        .get()
    )
    matching = [
        rule
        for rule in rules
        if rule.jenis_jabatan in ("", jenis_jabatan)
        and rule.jenis_unit in ("", jenis_unit)
    ]
    if not matching:
        return True
    return max(matching, key=lambda rule: rule.specificity).wajib_harian


def working_days(mulai: datetime.date, selesai: datetime.date, off: dict) -> int:
    day, count = mulai, 0
    while day <= selesai:
        count += not kalender.is_weekend(day) and day not in off
        day += datetime.timedelta(days=1)
    return count


# --- the day page -----------------------------------------------------------------------


def day_activities(pegawai, tanggal: datetime.date) -> list[Aktivitas]:
    return list(
        Aktivitas.objects.of(pegawai).on_day(tanggal).with_related().in_day_order()
    )


def favourites(pegawai, rhk_list, *, today: datetime.date) -> list[dict]:
    """The pegawai's most frequent descriptions of the last 90 days, for RHK still in force (one query)."""
    rows = (
        Aktivitas.objects.of(pegawai)
        .filter(
            tanggal__gte=today - datetime.timedelta(days=FAVOURITE_DAYS),
            rhk__in=rhk_list,
        )
        .values("uraian", "rhk_id", "satuan_output")
        .annotate(kali=Count("pk"), terakhir=Max("tanggal"))
        .order_by("-kali", "-terakhir")[:FAVOURITE_COUNT]
    )
    return [
        {
            **row,
            "label": row["uraian"]
            if len(row["uraian"]) <= 34
            else row["uraian"][:32] + "…",
        }
        for row in rows
    ]


def entry_defaults(
    pegawai, tanggal: datetime.date, day_list, rhk_list, aturan: AturanAktivitas
) -> dict:
    """Initial values of the fast-entry form: the RHK, satuan and slot length of the latest entry,
    starting where the day's last entry ended (one query)."""
    # The latest by date and time: read backwards along the (pegawai, tanggal) index.
    last = (
        Aktivitas.objects.of(pegawai)
        .only("rhk_id", "satuan_output", "menit")
        .order_by("-tanggal", "-jam_mulai")
        .first()
    )
    slot = last.menit if last and last.menit else DEFAULT_SLOT_MINUTES
    mulai = max((a.jam_selesai for a in day_list), default=aturan.jam_kerja_mulai)
    initial = {
        "tanggal": tanggal,
        "jam_mulai": mulai,
        "jam_selesai": kalender.add_minutes(mulai, slot),
        "kuantitas_output": 1,
    }
    rhk_ids = {rhk.pk for rhk in rhk_list}
    if last and last.rhk_id in rhk_ids:
        initial.update(rhk=last.rhk_id, satuan_output=last.satuan_output)
    elif rhk_list:
        initial["rhk"] = rhk_list[0].pk
    return initial


@dataclass
class Day:
    tanggal: datetime.date
    aktivitas_list: list = field(default_factory=list)
    off: kalender.DayOff | None = None
    cuti: Cuti | None = None

    @property
    def menit(self) -> int:
        return sum(a.menit for a in self.aktivitas_list)

    @property
    def is_weekend(self) -> bool:
        return kalender.is_weekend(self.tanggal)

    @property
    def submittable(self) -> int:
        return sum(
            1 for a in self.aktivitas_list if a.status in Aktivitas.EDITABLE_STATUSES
        )

    @property
    def counts(self) -> dict[str, int]:
        found = defaultdict(int)
        for aktivitas in self.aktivitas_list:
            found[aktivitas.status] += 1
        return dict(found)


def day_summary(pegawai, tanggal: datetime.date, aktivitas_list) -> Day:
    """The day with its activities, day off and leave (two queries)."""
    return Day(
        tanggal,
        aktivitas_list,
        days_off(tanggal, tanggal).get(tanggal),
        leave_days(pegawai, tanggal, tanggal).get(tanggal),
    )


def day_page(pegawai, tanggal: datetime.date, *, today: datetime.date) -> dict:
    """What the day view shows besides its form (five queries)."""
    aktivitas_list = day_activities(pegawai, tanggal)
    rhk_list = rhk_in_force(pegawai, tanggal)
    return {
        "day": day_summary(pegawai, tanggal, aktivitas_list),
        "rhk_list": rhk_list,
        "favourites": favourites(pegawai, rhk_list, today=today),
        "satuan_list": satuan_choices(rhk_list),
    }


def previous_day_with_entries(pegawai, tanggal: datetime.date) -> datetime.date | None:
    """The last date before this one that has activities (the source of "salin hari sebelumnya")."""
    return (
        Aktivitas.objects.of(pegawai)
        .filter(tanggal__lt=tanggal)
        .order_by("-tanggal")
        .values_list("tanggal", flat=True)
        .first()
    )


# --- the week grid ----------------------------------------------------------------------


@dataclass
class WeekRow:
    rhk_id: int
    uraian: str
    menit: list[int]

    @property
    def total(self) -> int:
        return sum(self.menit)


@dataclass
class Week:
    days: list[Day]
    rows: list[WeekRow]

    @property
    def total(self) -> int:
        return sum(day.menit for day in self.days)

    @property
    def monday(self) -> datetime.date:
        return self.days[0].tanggal

    @property
    def submittable(self) -> int:
        return sum(
            day.counts.get(Status.DRAFT, 0) + day.counts.get(Status.DIKEMBALIKAN, 0)
            for day in self.days
        )


def week_grid(pegawai, day: datetime.date) -> Week:
    """RHK × day minutes of the week (Monday first) with totals per day (three queries)."""
    dates = kalender.week_days(day)
    aktivitas_list = list(
        Aktivitas.objects.of(pegawai)
        .between(dates[0], dates[-1])
        .select_related("rhk")
        .in_day_order()
    )
    off = days_off(dates[0], dates[-1])
    leave = leave_days(pegawai, dates[0], dates[-1])
    days = {d: Day(d, [], off.get(d), leave.get(d)) for d in dates}
    rows = {}
    for aktivitas in aktivitas_list:
        days[aktivitas.tanggal].aktivitas_list.append(aktivitas)
        row = rows.setdefault(
            aktivitas.rhk_id, WeekRow(aktivitas.rhk_id, aktivitas.rhk.uraian, [0] * 7)
        )
        row.menit[aktivitas.tanggal.weekday()] += aktivitas.menit
    return Week(list(days.values()), list(rows.values()))


# --- the month calendar -----------------------------------------------------------------


@dataclass
class MonthCell:
    day: Day
    in_month: bool
    missing: (
        bool  # a past working day without any entry, for someone who must log daily
    )


def month_calendar(
    pegawai, year: int, month: int, *, today: datetime.date
) -> tuple[list[list[MonthCell]], bool]:
    """The weeks of the month, each day with its minutes, day off, leave and missing entries, and
    whether the pegawai must log daily (five queries)."""
    weeks = kalender.month_weeks(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    totals = defaultdict(list)
    for aktivitas in (
        Aktivitas.objects.of(pegawai)
        .between(first, last)
        .only("tanggal", "menit", "status")
    ):
        totals[aktivitas.tanggal].append(aktivitas)
    off = days_off(first, last)
    leave = leave_days(pegawai, first, last)
    required = must_log_daily(pegawai)
    cells = []
    for week in weeks:
        row = []
        for d in week:
            day = Day(d, totals.get(d, []), off.get(d), leave.get(d))
            working = not day.is_weekend and day.off is None and day.cuti is None
            in_month = d.month == month
            row.append(
                MonthCell(
                    day,
                    in_month,
                    required
                    and in_month
                    and working
                    and d < today
                    and not day.aktivitas_list,
                )
            )
        cells.append(row)
    return cells, required


# --- the atasan's team ------------------------------------------------------------------


def team_of(atasan) -> list[Pegawai]:
    """The atasan's active direct subordinates, each with `menunggu` (waiting) and `terakhir`
    (their latest entry date) (two queries)."""
    bawahan = list(
        Pegawai.objects.active()
        .filter(atasan=atasan)
        .select_related("jabatan")
        .order_by("nama")
    )
    stats = {
        row["pegawai_id"]: row
        for row in Aktivitas.objects.filter(pegawai__in=bawahan)
        .values("pegawai_id")
        .annotate(
            menunggu=Count("pk", filter=Q(status=Status.DIAJUKAN)),
            terakhir=Max("tanggal"),
        )
    }
    for pegawai in bawahan:
        row = stats.get(pegawai.pk, {})
        pegawai.menunggu, pegawai.terakhir = row.get("menunggu", 0), row.get("terakhir")
    return sorted(
        bawahan, key=lambda pegawai: -pegawai.menunggu
    )  # who waits first, then by name


def group_by_day(aktivitas_list) -> list[tuple[datetime.date, list[Aktivitas], int]]:
    """(date, activities, minutes) in the order the activities come."""
    days = {}
    for aktivitas in aktivitas_list:
        days.setdefault(aktivitas.tanggal, []).append(aktivitas)
    return [(day, items, sum(a.menit for a in items)) for day, items in days.items()]


REVIEW_LIMIT = 300


def review_days(
    pegawai, *, since: datetime.date | None = None
) -> list[tuple[datetime.date, list[Aktivitas], int]]:
    """A subordinate's activities for the atasan, newest day first, each with `.hints`: those
    waiting for approval, or (with `since`) everything since that date (six queries)."""
    aktivitas_list = (
        Aktivitas.objects.of(pegawai)
        .with_related()
        .select_related("pegawai")
        .order_by("-tanggal", "jam_mulai")
    )
    aktivitas_list = (
        aktivitas_list.filter(tanggal__gte=since) if since else aktivitas_list.waiting()
    )
    aktivitas_list = list(aktivitas_list[:REVIEW_LIMIT])
    hints = quality_hints(aktivitas_list)
    for aktivitas in aktivitas_list:
        aktivitas.hints = hints.get(aktivitas.pk, [])
    return group_by_day(aktivitas_list)


# --- quality hints for the atasan ---------------------------------------------------------


def normalise_uraian(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def quality_hints(
    aktivitas_list, *, aturan: AturanAktivitas | None = None
) -> dict[int, list[str]]:
    """Hints beside each activity, never blocking (four queries for any number of activities).

    Copied verbatim from many other days, too short, on a day off or leave, outside working
    hours, or on a day far above the daily norm.
    """
    aktivitas_list = list(aktivitas_list)
    if not aktivitas_list:
        return {}
    aturan = aturan or AturanAktivitas.current()
    pegawai_ids = {a.pegawai_id for a in aktivitas_list}
    dates = [a.tanggal for a in aktivitas_list]
    first, last = min(dates), max(dates)
    off = days_off(first, last)
    leave = _leave_by_pegawai(pegawai_ids, first, last)
    repeats = _repeated_days(
        aktivitas_list, first - datetime.timedelta(days=REPEAT_WINDOW_DAYS), last
    )
    day_totals = {
        (row["pegawai_id"], row["tanggal"]): row["menit"]
        for row in Aktivitas.objects.filter(
            pegawai__in=pegawai_ids, tanggal__in=set(dates)
        )
        .values("pegawai_id", "tanggal")
        .annotate(menit=Sum("menit"))
    }
    hints = {}
    for aktivitas in aktivitas_list:
        found = []
        other_days = repeats.get((aktivitas.pegawai_id, aktivitas.uraian), 1) - 1
        if other_days >= aturan.hari_uraian_berulang:
            found.append(
                f"Uraian sama persis dengan {other_days} hari lain dalam {REPEAT_WINDOW_DAYS} hari terakhir."
            )
        if len(normalise_uraian(aktivitas.uraian)) < aturan.panjang_uraian_minimal:
            found.append("Uraian terlalu singkat untuk menjelaskan pekerjaan.")
        found += _day_hints(
            aktivitas,
            off,
            leave,
            aturan,
            day_totals.get((aktivitas.pegawai_id, aktivitas.tanggal), 0),
        )
        hints[aktivitas.pk] = found
    return hints


def _leave_by_pegawai(pegawai_ids, first, last) -> set[tuple[int, datetime.date]]:
    days = set()
    for cuti in Cuti.objects.filter(pegawai__in=pegawai_ids).overlapping(first, last):
        day = max(cuti.mulai, first)
        while day <= min(cuti.selesai, last):
            days.add((cuti.pegawai_id, day))
            day += datetime.timedelta(days=1)
    return days


def _repeated_days(aktivitas_list, since, until) -> dict[tuple[int, str], int]:
    """(pegawai, uraian) → on how many days that exact description appears in the window."""
    rows = (
        Aktivitas.objects.filter(
            pegawai__in={a.pegawai_id for a in aktivitas_list},
            uraian__in={a.uraian for a in aktivitas_list},
            tanggal__range=(since, until),
        )
        .values("pegawai_id", "uraian")
        .annotate(hari=Count("tanggal", distinct=True))
    )
    return {(row["pegawai_id"], row["uraian"]): row["hari"] for row in rows}


def _day_hints(aktivitas, off, leave, aturan, day_total) -> list[str]:
    found = []
    day_off = off.get(aktivitas.tanggal)
    if day_off is not None:
        found.append(f"Dicatat pada hari libur: {day_off.nama}.")
    elif kalender.is_weekend(aktivitas.tanggal):
        found.append(f"Dicatat pada hari {kalender.DAYS[aktivitas.tanggal.weekday()]}.")
    if (aktivitas.pegawai_id, aktivitas.tanggal) in leave:
        found.append("Dicatat pada hari cuti pegawai.")
    if (
        aktivitas.jam_mulai < aturan.jam_kerja_mulai
        or aktivitas.jam_selesai > aturan.jam_kerja_selesai
    ):
        found.append(
            f"Di luar jam kerja ({kalender.format_time(aturan.jam_kerja_mulai)}–"
            f"{kalender.format_time(aturan.jam_kerja_selesai)})."
        )
    norm = daily_norm(aturan, aktivitas.tanggal, off)
    if norm and day_total * 100 > norm * aturan.persen_hari_tinggi:
        found.append(
            f"Total hari ini {format_angka(day_total)} menit, jauh di atas norma harian "
            f"{format_angka(norm)} menit."
        )
    return found


def daily_norm(aturan: AturanAktivitas, tanggal: datetime.date, off: dict) -> int:
    """The monthly norm spread over the month's working days (days off outside `off` count as working)."""
    first, last = kalender.month_start(tanggal), kalender.last_of_month(tanggal)
    count = working_days(first, last, off)
    return round(aturan.norma_menit_bulanan / count) if count else 0


# --- realisations -----------------------------------------------------------------------


@dataclass(frozen=True)
class Saran:
    """A suggested realisation and how it was found."""

    nilai: Decimal | None
    dasar: str


def iki_for_periode(
    pegawai, periode_penilaian: PeriodePenilaian
) -> list[IndikatorKinerjaIndividu]:
    """The IKI of the pegawai's approved SKP covering any day of the period (one query)."""
    return list(
        IndikatorKinerjaIndividu.objects.filter(
            rhk__skp__pegawai=pegawai,
            rhk__skp__status=Skp.Status.DISETUJUI,
            rhk__skp__tanggal_mulai__lte=periode_penilaian.selesai,
            rhk__skp__tanggal_selesai__gte=periode_penilaian.mulai,
        )
        .select_related("rhk__skp")
        .order_by(
            "rhk__skp__tanggal_mulai", "-rhk__jenis", "rhk__urutan", "rhk_id", "pk"
        )
    )


def is_on_time(
    aktivitas_tanggal: datetime.date, diajukan_pada: datetime.datetime | None
) -> bool:
    """Submitted by the end of the activity's month (not in the grace days after it)."""
    return diajukan_pada is not None and timezone.localdate(
        diajukan_pada
    ) <= kalender.last_of_month(aktivitas_tanggal)


def suggest_realisasi(
    pegawai, iki_list, periode_penilaian: PeriodePenilaian
) -> dict[int, Saran]:
    """A value for each IKI from the period's approved activities of its RHK (one query).

    Kuantitas: the sum of the output whose satuan is the IKI's satuan. Waktu: the share of
    activities submitted on time, in percent. Kualitas: none (the pegawai judges).
    """
    rows = Aktivitas.objects.filter(
        pegawai=pegawai,
        status=Status.DISETUJUI,
        rhk__in={iki.rhk_id for iki in iki_list},
        tanggal__range=(periode_penilaian.mulai, periode_penilaian.selesai),
    ).values_list(
        "rhk_id", "satuan_output", "kuantitas_output", "tanggal", "diajukan_pada"
    )
    output, counts = defaultdict(Decimal), defaultdict(lambda: [0, 0])
    for rhk_id, satuan, kuantitas, tanggal, diajukan_pada in rows:
        output[(rhk_id, satuan.strip().lower())] += kuantitas
        counts[rhk_id][0] += 1
        counts[rhk_id][1] += is_on_time(tanggal, diajukan_pada)
    return {iki.pk: _saran(iki, output, counts) for iki in iki_list}


def _saran(iki, output, counts) -> Saran:
    total, on_time = counts.get(iki.rhk_id, (0, 0))
    if iki.aspek == IndikatorKinerjaIndividu.Aspek.KUANTITAS:
        nilai = output.get((iki.rhk_id, iki.satuan.strip().lower()), Decimal(0))
        return Saran(
            nilai, f"jumlah output “{iki.satuan}” dari {total} aktivitas yang disetujui"
        )
    if iki.aspek == IndikatorKinerjaIndividu.Aspek.WAKTU:
        if not total:
            return Saran(None, "belum ada aktivitas yang disetujui")
        share = (Decimal(on_time) * 100 / total).quantize(Decimal("0.01"))
        return Saran(
            share, f"{on_time} dari {total} aktivitas diajukan tepat waktu (persen)"
        )
    return Saran(None, "diisi berdasarkan penilaian kualitas hasil kerja")


@dataclass
class RealisasiRow:
    iki: IndikatorKinerjaIndividu
    realisasi: Realisasi | None
    saran: Saran


def realisasi_rows(pegawai, periode_penilaian: PeriodePenilaian) -> list[RealisasiRow]:
    """Each IKI of the period with its realisation (and evidence) and the suggestion (four queries)."""
    iki_list = iki_for_periode(pegawai, periode_penilaian)
    existing = {
        r.iki_id: r
        for r in Realisasi.objects.filter(
            pegawai=pegawai,
            periode_penilaian=periode_penilaian,
            iki__in=iki_list,
        )
        .select_related("periode_penilaian__periode", "pegawai")
        .prefetch_related("buktidukung_set")
    }
    saran = suggest_realisasi(pegawai, iki_list, periode_penilaian)
    return [RealisasiRow(iki, existing.get(iki.pk), saran[iki.pk]) for iki in iki_list]


def periode_list_of(pegawai) -> list[PeriodePenilaian]:
    """The periode penilaian of the years in which the pegawai has an approved SKP, newest first,
    each with `jumlah` realisations and how many `menunggu` / `dikembalikan` (two queries)."""
    periode_list = list(
        PeriodePenilaian.objects.filter(
            periode__skp__pegawai=pegawai,
            periode__skp__status=Skp.Status.DISETUJUI,
        )
        .distinct()
        .select_related("periode")
        .order_by("-periode__tahun", "-nomor")
    )
    stats = {
        row["periode_penilaian_id"]: row
        for row in Realisasi.objects.filter(pegawai=pegawai)
        .values("periode_penilaian_id")
        .annotate(
            jumlah=Count("pk"),
            menunggu=Count("pk", filter=Q(status=Status.DIAJUKAN)),
            dikembalikan=Count("pk", filter=Q(status=Status.DIKEMBALIKAN)),
        )
    }
    for periode_penilaian in periode_list:
        row = stats.get(periode_penilaian.pk, {})
        periode_penilaian.jumlah = row.get("jumlah", 0)
        periode_penilaian.menunggu = row.get("menunggu", 0)
        periode_penilaian.dikembalikan = row.get("dikembalikan", 0)
    return periode_list


def current_periode_penilaian(today: datetime.date) -> PeriodePenilaian | None:
    return (
        PeriodePenilaian.objects.filter(mulai__lte=today, selesai__gte=today)
        .select_related("periode")
        .first()
    )


# --- the ASN's home -------------------------------------------------------------------


def home_lines(user, *, today: datetime.date | None = None) -> list[HomeLine]:
    """kinerja's lines on the ASN home: five queries, one more with a returned activity, one more for an atasan."""
    pegawai = pegawai_of(user)
    if pegawai is None:
        return []
    today = today or timezone.localdate()
    aturan = AturanAktivitas.current()
    lines = _activity_lines(pegawai, today, aturan)
    if is_atasan(user):
        waiting = Aktivitas.objects.filter(
            pegawai__atasan=pegawai, status=Status.DIAJUKAN
        ).count()
        if waiting:
            lines.append(
                HomeLine(
                    f"{waiting} aktivitas bawahan menunggu persetujuan Anda.",
                    reverse("kinerja:team"),
                    waiting,
                    "warning",
                )
            )
    return lines + _iki_lines(pegawai, today)


def _activity_lines(pegawai, today, aturan) -> list[HomeLine]:
    first, last = kalender.month_start(today), kalender.last_of_month(today)
    month = Q(tanggal__range=(first, last))
    stats = Aktivitas.objects.of(pegawai).aggregate(
        hari_ini=Count("pk", filter=Q(tanggal=today)),
        menit_hari_ini=Sum("menit", filter=Q(tanggal=today)),
        menit_bulan=Sum("menit", filter=month),
        disetujui_bulan=Sum("menit", filter=month & Q(status=Status.DISETUJUI)),
        menunggu=Count("pk", filter=Q(status=Status.DIAJUKAN)),
        dikembalikan=Count("pk", filter=Q(status=Status.DIKEMBALIKAN)),
    )
    day_url = reverse("kinerja:day")
    lines = [
        HomeLine(
            f"Hari ini: {stats['hari_ini']} aktivitas, {kalender.format_minutes(stats['menit_hari_ini'])}.",
            day_url,
            stats["hari_ini"],
            "success" if stats["hari_ini"] else "info",
        )
    ]
    if stats["dikembalikan"]:
        latest = (
            Aktivitas.objects.of(pegawai)
            .filter(status=Status.DIKEMBALIKAN)
            .order_by("-diputuskan_pada")
            .only("catatan_atasan", "tanggal")
            .first()
        )
        lines.append(
            HomeLine(
                f"{stats['dikembalikan']} aktivitas dikembalikan atasan untuk diperbaiki.",
                reverse("kinerja:day_of", args=[latest.tanggal]),
                stats["dikembalikan"],
                "danger",
                detail=latest.catatan_atasan,
            )
        )
    if stats["menunggu"]:
        lines.append(
            HomeLine(
                f"{stats['menunggu']} aktivitas menunggu persetujuan atasan.",
                reverse("kinerja:week"),
                stats["menunggu"],
                "info",
            )
        )
    lines.append(
        HomeLine(
            f"Bulan ini {format_angka(stats['menit_bulan'] or 0)} menit tercatat "
            f"({format_angka(stats['disetujui_bulan'] or 0)} disetujui) dari norma "
            f"{format_angka(aturan.norma_menit_bulanan)} menit.",
            reverse("kinerja:month_of", args=[today.year, today.month]),
            level="info",
        )
    )
    return lines


def _iki_lines(pegawai, today) -> list[HomeLine]:
    """Each IKI of the SKP in force today against its yearly target (two queries)."""
    iki_list = list(
        IndikatorKinerjaIndividu.objects.filter(
            _covering_iki(pegawai, today)
        ).select_related("rhk__skp")
    )
    skp = choose_skp_in_force(
        list({iki.rhk.skp_id: iki.rhk.skp for iki in iki_list}.values()), today
    )
    iki_list = [
        iki
        for iki in iki_list
        if skp is not None and iki.rhk.skp_id == skp.pk and iki.target
    ]
    if not iki_list:
        return []
    realised = defaultdict(list)
    for iki_id, nilai in (
        Realisasi.objects.filter(iki__in=iki_list, nilai__isnull=False)
        .exclude(status=Status.DRAFT)
        .order_by("periode_penilaian__mulai")
        .values_list("iki_id", "nilai")
    ):
        realised[iki_id].append(nilai)
    url = reverse("kinerja:realisasi_list")
    return [_iki_line(iki, realised.get(iki.pk, []), url) for iki in iki_list]


def _covering_iki(pegawai, tanggal):
    return Q(
        rhk__skp__pegawai=pegawai,
        rhk__skp__status=Skp.Status.DISETUJUI,
        rhk__skp__tanggal_mulai__lte=tanggal,
        rhk__skp__tanggal_selesai__gte=tanggal,
    )


def _iki_line(iki, values, url) -> HomeLine:
    """Counts add up over the periods; a percentage or an index is the latest period's value."""
    cumulative = (
        iki.aspek == IndikatorKinerjaIndividu.Aspek.KUANTITAS
        and iki.satuan.strip() != "%"
    )
    so_far = (
        sum(values, Decimal(0))
        if cumulative
        else (values[-1] if values else Decimal(0))
    )
    percent = round(so_far * 100 / iki.target) if iki.target else 0
    return HomeLine(
        f"{iki.uraian}: {format_angka(so_far)} dari {format_angka(iki.target)} {iki.satuan} ({percent} %).",
        url,
        level="success" if percent >= 100 else "info",
    )
