"""The ASN's own activities: the day with its fast-entry form, the week grid, the month calendar,
and the actions on them. Every page works without JavaScript; kinerja.js sends the entry form
with an `HX-Request` header and gets the form fragment (errors) or a client redirect back.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from core.errors import add_form_errors, flash_errors
from kinerja import kalender, permissions, queries, services
from kinerja.forms import (
    AktivitasForm,
    BuktiForm,
    KunciForm,
    PilihanForm,
    SalinForm,
    parse_date,
)
from kinerja.models import Aktivitas
from organisasi.permissions import get_for_user, pegawai_of, require


def own_pegawai(request):
    """The signed-in ASN (403 for accounts without a Pegawai record, e.g. pimpinan)."""
    require(permissions.can_log_aktivitas(request.user))
    return pegawai_of(request.user)


def _today(request) -> datetime.date:
    return timezone.localdate()


def _day_url(tanggal: datetime.date) -> str:
    return reverse("kinerja:day_of", args=[tanggal])


def _back(request, url: str):
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _report(
    request, done: int, problems: list[str], success: str, nothing: str
) -> None:
    if done:
        messages.success(request, success.format(done))
    elif not problems:
        messages.info(request, nothing)
    for problem in problems:
        messages.warning(request, problem)


# --- the day ---------------------------------------------------------------------------


def _prefill(request) -> dict:
    """A favourite chosen without JavaScript arrives as ?uraian=…&rhk=…&satuan=…."""
    values = {
        "uraian": request.GET.get("uraian", "")[:1000],
        "satuan_output": request.GET.get("satuan", "")[:40],
    }
    if request.GET.get("rhk", "").isdigit():
        values["rhk"] = int(request.GET["rhk"])
    return {name: value for name, value in values.items() if value}


def _render_day(request, pegawai, tanggal, form=None):
    today = permissions.entry_window(request.user).today
    context = queries.day_page(pegawai, tanggal, today=today)
    if form is None:
        initial = {
            **queries.entry_defaults(
                pegawai,
                tanggal,
                context["day"].aktivitas_list,
                context["rhk_list"],
                permissions.entry_window(request.user).aturan,
            ),
            **_prefill(request),
        }
        form = AktivitasForm(initial=initial, rhk_list=context["rhk_list"])
    context.update(
        {
            "form": form,
            "today": today,
            "copy_form": KunciForm(),
            "previous": tanggal - datetime.timedelta(days=1),
            "next": tanggal + datetime.timedelta(days=1),
            "draft_key": f"kinerja-entri-{pegawai.pk}",
        }
    )
    template = "kinerja/aktivitas_day.html" + ("#form" if request.htmx else "")
    return render(request, template, context)


@vary_on_headers("HX-Request")
def day(request, tanggal: datetime.date | None = None):
    """The day view: the fast-entry form on top, the day's activities below."""
    pegawai = own_pegawai(request)
    return _render_day(request, pegawai, tanggal or _today(request))


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def aktivitas_create(request):
    """Save one activity from the fast-entry form; a refusal re-renders the form with what was typed."""
    pegawai = own_pegawai(request)
    if request.method == "GET":
        return redirect("kinerja:day")
    tanggal = parse_date(request.POST.get("tanggal"), _today(request))
    form = AktivitasForm(
        request.POST, request.FILES, rhk_list=queries.rhk_in_force(pegawai, tanggal)
    )
    if form.is_valid():
        try:
            aktivitas, created = services.create_aktivitas(
                pegawai,
                **form.activity_values(),
                kunci=form.cleaned_data["kunci"],
                berkas=form.cleaned_data["berkas"],
                tautan=form.cleaned_data["tautan"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                "Aktivitas tersimpan."
                if created
                else "Aktivitas ini sudah tersimpan sebelumnya.",
            )
            return _back(request, _day_url(aktivitas.tanggal))
    return _render_day(request, pegawai, tanggal, form)


@require_POST
def day_submit(request, tanggal: datetime.date):
    pegawai = own_pegawai(request)
    ids = Aktivitas.objects.of(pegawai).on_day(tanggal).values_list("pk", flat=True)
    _submit(request, pegawai, ids)
    return redirect(_day_url(tanggal))


def _submit(request, pegawai, ids) -> None:
    try:
        done, problems = services.submit_aktivitas(pegawai, ids)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        _report(
            request,
            done,
            problems,
            "{} aktivitas diajukan kepada atasan.",
            "Tidak ada aktivitas yang perlu diajukan.",
        )


@require_POST
def aktivitas_submit(request):
    """Submit the activities ticked on a page (checkboxes named `aktivitas`)."""
    pegawai = own_pegawai(request)
    form = PilihanForm(request.POST)
    if form.is_valid():
        _submit(request, pegawai, form.cleaned_data["aktivitas"])
    else:
        messages.error(request, "Pilih sedikitnya satu aktivitas.")
    return redirect(
        request.POST.get("kembali")
        if _is_local(request.POST.get("kembali"))
        else "kinerja:week"
    )


def _is_local(url) -> bool:
    return bool(url) and url.startswith("/kinerja/") and "//" not in url


@require_POST
def day_copy(request, tanggal: datetime.date):
    """Copy the activities of the last earlier day that has any (usually yesterday) to this day."""
    pegawai = own_pegawai(request)
    form = KunciForm(request.POST)
    source = queries.previous_day_with_entries(pegawai, tanggal)
    if not form.is_valid() or source is None:
        messages.info(request, "Belum ada aktivitas sebelumnya untuk disalin.")
        return redirect(_day_url(tanggal))
    created, problems = services.copy_day(
        pegawai, source=source, to=tanggal, kunci=form.cleaned_data["kunci"]
    )
    _report(
        request,
        len(created),
        problems,
        f"{{}} aktivitas disalin dari {kalender.format_date(source)} sebagai draft.",
        "Tidak ada aktivitas baru yang disalin.",
    )
    return redirect(_day_url(tanggal))


# --- one activity ------------------------------------------------------------------------


def _aktivitas(request, pk, *, edit=None):
    return get_for_user(
        Aktivitas.objects.select_related("rhk", "pegawai__unit", "pegawai__jabatan"),
        request.user,
        pk,
        edit=edit,
    )


def aktivitas_detail(request, pk):
    aktivitas = _aktivitas(request, pk)
    context = {
        "aktivitas": aktivitas,
        "bukti_list": aktivitas.buktidukung_set.all(),
        "history": aktivitas.history.select_related("history_user")[:10],
        "copy_form": SalinForm(initial={"tanggal": _today(request)}),
        "is_owner": permissions.is_own_kinerja(request.user, aktivitas.pegawai),
    }
    if context["is_owner"]:
        context["bukti_form"] = BuktiForm()
    return render(request, "kinerja/aktivitas_detail.html", context)


@require_http_methods(["GET", "POST"])
def aktivitas_update(request, pk):
    aktivitas = _aktivitas(request, pk, edit=permissions.can_edit_aktivitas)
    tanggal = parse_date(request.POST.get("tanggal"), aktivitas.tanggal)
    form = AktivitasForm(
        request.POST or None,
        instance=aktivitas,
        with_evidence=False,
        rhk_list=queries.rhk_in_force(aktivitas.pegawai, tanggal),
    )
    if form.is_valid():
        try:
            aktivitas = services.update_aktivitas(aktivitas, **form.activity_values())
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, "Aktivitas tersimpan.")
            return redirect(_day_url(aktivitas.tanggal))
    return render(
        request, "kinerja/aktivitas_form.html", {"form": form, "aktivitas": aktivitas}
    )


@require_POST
def aktivitas_delete(request, pk):
    aktivitas = _aktivitas(request, pk, edit=permissions.can_edit_aktivitas)
    try:
        services.delete_aktivitas(aktivitas)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "Aktivitas dihapus.")
    return redirect(_day_url(aktivitas.tanggal))


@require_POST
def aktivitas_copy(request, pk):
    """Copy one activity (not its evidence) to another date, as a draft."""
    aktivitas = _aktivitas(request, pk)
    require(aktivitas.pegawai_id == own_pegawai(request).pk)
    form = SalinForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pilih tanggal tujuan salinan.")
        return redirect(_day_url(aktivitas.tanggal))
    tujuan = form.cleaned_data["tanggal"]
    created, problems = services.copy_aktivitas(
        aktivitas, to=tujuan, kunci=form.cleaned_data["kunci"]
    )
    _report(
        request,
        len(created),
        problems,
        f"Aktivitas disalin ke {kalender.format_date(tujuan)} sebagai draft.",
        "Salinan ini sudah dibuat sebelumnya.",
    )
    return redirect(_day_url(tujuan if created else aktivitas.tanggal))


# --- the week and the month ------------------------------------------------------------------


@vary_on_headers("HX-Request")
def week(request, tanggal: datetime.date | None = None):
    """RHK × day minutes of the week with totals per day; submit or copy the week."""
    pegawai = own_pegawai(request)
    tanggal = tanggal or _today(request)
    grid = queries.week_grid(pegawai, tanggal)
    context = {
        "week": grid,
        "today": _today(request),
        "copy_form": KunciForm(),
        "previous": grid.monday - datetime.timedelta(days=7),
        "next": grid.monday + datetime.timedelta(days=7),
    }
    return render(request, "kinerja/aktivitas_week.html", context)


@require_POST
def week_submit(request, tanggal: datetime.date):
    pegawai = own_pegawai(request)
    monday = kalender.week_start(tanggal)
    ids = (
        Aktivitas.objects.of(pegawai)
        .between(monday, monday + datetime.timedelta(days=6))
        .values_list("pk", flat=True)
    )
    _submit(request, pegawai, ids)
    return redirect("kinerja:week_of", tanggal=monday)


@require_POST
def week_copy(request, tanggal: datetime.date):
    """Copy last week's activities to the same weekdays of this week."""
    pegawai = own_pegawai(request)
    monday = kalender.week_start(tanggal)
    form = KunciForm(request.POST)
    if form.is_valid():
        created, problems = services.copy_week(
            pegawai,
            source_monday=monday - datetime.timedelta(days=7),
            to_monday=monday,
            kunci=form.cleaned_data["kunci"],
        )
        _report(
            request,
            len(created),
            problems,
            "{} aktivitas minggu lalu disalin sebagai draft.",
            "Tidak ada aktivitas minggu lalu yang disalin.",
        )
    return redirect("kinerja:week_of", tanggal=monday)


def month(request, tahun: int | None = None, bulan: int | None = None):
    """The month calendar: minutes per day, days without entries, weekends, holidays, cuti bersama, leave."""
    pegawai = own_pegawai(request)
    today = _today(request)
    tahun, bulan = tahun or today.year, bulan or today.month
    if not (2000 <= tahun <= 2100 and 1 <= bulan <= 12):
        raise Http404("Bulan tidak dikenal.")
    first = datetime.date(tahun, bulan, 1)
    previous = first - datetime.timedelta(days=1)
    following = kalender.last_of_month(first) + datetime.timedelta(days=1)
    weeks, required = queries.month_calendar(pegawai, tahun, bulan, today=today)
    context = {
        "weeks": weeks,
        "wajib_harian": required,
        "first": first,
        "last": following - datetime.timedelta(days=1),
        "today": today,
        "previous": previous,
        "following": following,
        "day_names": kalender.DAYS,
    }
    return render(request, "kinerja/aktivitas_month.html", context)
