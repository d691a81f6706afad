"""organisasi's lines on the home page (the beranda app gathers every app's lines)."""

import datetime

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from core.homes import HomeLine
from organisasi import permissions
from organisasi.models import Kebutuhan, Pegawai, Survei, UnitKerja

SURVEI_CLOSING_DAYS = 7


def home_context(user) -> dict:
    """organisasi's lines on the home page: the user's roles, their own record, their direct
    subordinates, the OPD they manage and the city totals, as far as their roles reach."""
    pegawai = permissions.pegawai_of(user)
    context = {"roles": permissions.roles(user), "pegawai": pegawai}
    if pegawai is not None and permissions.is_atasan(user):
        context["bawahan_list"] = pegawai.bawahan.active().select_related("jabatan")[
            :50
        ]
    if permissions.is_pengelola(user):
        opd = user.opd_dikelola
        context["opd"] = opd
        context["opd_pegawai_count"] = (
            Pegawai.objects.active().in_unit_tree(opd).count()
        )
    if permissions.reads_whole_city(user):
        context["kota"] = {
            "opd": UnitKerja.objects.opd_list().filter(aktif=True).count(),
            "unit": UnitKerja.objects.filter(aktif=True).count(),
            "pegawai": Pegawai.objects.active().count(),
            "tanpa_akun": Pegawai.objects.active().filter(akun__isnull=True).count(),
        }
    return context


def home_lines(user, *, today: datetime.date | None = None) -> list[HomeLine]:
    """organisasi's "what to do now" lines: one query per role the user holds.

    The pengelola (and BKPSDM): open needs nothing answers yet, surveys closing within
    a week; BKPSDM: active pegawai without a login; pimpinan: the city at a glance.
    """
    today = today or timezone.localdate()
    lines = []
    if permissions.is_pengelola(user) or permissions.is_admin_bkpsdm(user):
        lines += _unit_data_lines(user, today)
    if permissions.is_admin_bkpsdm(user):
        lines += _account_lines()
    if permissions.is_pimpinan(user):
        lines += _city_lines()
    return lines


def _unit_data_lines(user, today) -> list[HomeLine]:
    needs = (
        permissions.managed_by(Kebutuhan.objects, user)
        .still_open()
        .unanswered()
        .count()
    )
    closing = (
        permissions.managed_by(Survei.objects, user)
        .filter(
            status=Survei.Status.DIBUKA,
            tanggal_tutup__range=(
                today,
                today + datetime.timedelta(days=SURVEI_CLOSING_DAYS),
            ),
        )
        .count()
    )
    lines = []
    if needs:
        lines.append(
            HomeLine(
                f"{needs} kebutuhan terbuka belum dijawab indikator atau rencana.",
                reverse("organisasi:kebutuhan_list") + "?tanpa_jawaban=on",
                needs,
                "warning",
            )
        )
    if closing:
        lines.append(
            HomeLine(
                f"{closing} survei ditutup dalam {SURVEI_CLOSING_DAYS} hari: "
                "pastikan target responden tercapai.",
                reverse("organisasi:survei_list"),
                closing,
                "warning",
            )
        )
    return lines


def _account_lines() -> list[HomeLine]:
    count = Pegawai.objects.active().filter(akun__isnull=True).count()
    if not count:
        return []
    return [
        HomeLine(
            f"{count} pegawai aktif belum punya akun.",
            reverse("organisasi:akun_issue"),
            count,
            "warning",
        )
    ]


def _city_lines() -> list[HomeLine]:
    totals = Pegawai.objects.active().aggregate(
        pegawai=Count("pk"), opd=Count("unit__opd", distinct=True)
    )
    needs = Kebutuhan.objects.still_open().count()
    return [
        HomeLine(
            f"Kota hari ini: {totals['pegawai']} pegawai aktif di {totals['opd']} "
            "perangkat daerah.",
            reverse("organisasi:unit_list"),
            totals["pegawai"],
            "info",
        ),
        HomeLine(
            f"{needs} kebutuhan organisasi belum selesai di seluruh kota.",
            reverse("organisasi:kebutuhan_list"),
            needs,
            "info" if not needs else "warning",
        ),
    ]
