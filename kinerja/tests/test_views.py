import datetime
import io
import uuid
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from indikator.models import PeriodePenilaian
from kinerja import services
from kinerja.models import Aktivitas, BuktiDukung, Realisasi, Status
from kinerja.tests.conftest import image_bytes
from kinerja.tests.factories import AktivitasFactory, RealisasiFactory
from organisasi.models import Pengguna

pytestmark = [pytest.mark.django_db]

T = datetime.time
DAY = datetime.timedelta(days=1)


def _entry(kin, tanggal=None, **extra):
    return AktivitasFactory(
        pegawai=kin.org.staf, rhk=kin.rhk, tanggal=tanggal or kin.today, **extra
    )


def _post_data(kin, **extra):
    return {
        "tanggal": kin.today.isoformat(),
        "rhk": kin.rhk.pk,
        "uraian": "Memantau pengangkutan sampah di 8 TPS",
        "jam_mulai": "08:00",
        "jam_selesai": "09:30",
        "kuantitas_output": "8",
        "satuan_output": "TPS",
        "kunci": str(uuid.uuid4()),
        **extra,
    }


@pytest.fixture
def staf_client(client, kin):
    client.force_login(kin.org.staf.akun)
    return client


# --- the day and its form ----------------------------------------------------------------------


def test_day_view_shows_the_form_on_top_and_the_days_activities(staf_client, kin):
    _entry(kin, uraian="Memeriksa kebersihan TPS Jalan Juanda")

    response = staf_client.get(reverse("kinerja:day"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index('id="entry-form"') < html.index(
        "Memeriksa kebersihan TPS Jalan Juanda"
    )


def test_day_view_offers_frequent_descriptions_as_chips_that_work_without_javascript(
    staf_client, kin
):
    for offset in range(1, 4):
        _entry(
            kin,
            tanggal=kin.today - offset * DAY,
            uraian="Mengangkut sampah TPS Sidodadi",
        )

    chosen = staf_client.get(
        reverse("kinerja:day"),
        {"uraian": "Mengangkut sampah TPS Sidodadi", "rhk": kin.rhk.pk},
    )

    assert b'class="chip"' in staf_client.get(reverse("kinerja:day")).content
    assert chosen.context["form"].initial["uraian"] == "Mengangkut sampah TPS Sidodadi"


def test_day_view_for_htmx_renders_only_the_form(staf_client, kin):
    response = staf_client.get(reverse("kinerja:day"), headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<form id="entry-form"') and "<nav" not in html


def test_create_saves_the_activity_and_returns_to_its_day(staf_client, kin):
    response = staf_client.post(reverse("kinerja:aktivitas_create"), _post_data(kin))

    aktivitas = Aktivitas.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "kinerja:day_of", args=[kin.today]
    )
    assert (aktivitas.menit, aktivitas.kuantitas_output, aktivitas.status) == (
        90,
        Decimal(8),
        Status.DRAFT,
    )


def test_create_from_javascript_gets_a_client_redirect(staf_client, kin):
    response = staf_client.post(
        reverse("kinerja:aktivitas_create"),
        _post_data(kin),
        headers={"HX-Request": "true"},
    )

    assert (response.status_code, response["HX-Redirect"]) == (
        200,
        reverse("kinerja:day_of", args=[kin.today]),
    )


def test_a_double_submit_of_the_same_form_creates_one_activity(staf_client, kin):
    data = _post_data(kin)

    staf_client.post(reverse("kinerja:aktivitas_create"), data)
    second = staf_client.post(reverse("kinerja:aktivitas_create"), data, follow=True)

    assert Aktivitas.objects.count() == 1
    assert "Aktivitas ini sudah tersimpan sebelumnya." in second.content.decode()


def test_a_refused_entry_keeps_what_was_typed_with_the_message_at_its_field(
    staf_client, kin
):
    _entry(kin, jam_mulai=T(8), jam_selesai=T(10))

    response = staf_client.post(
        reverse("kinerja:aktivitas_create"),
        _post_data(kin, uraian="Menyusun laporan harian", kuantitas_output="1,5"),
    )

    form = response.context["form"]
    assert response.status_code == 200 and Aktivitas.objects.count() == 1
    assert form.errors["jam_mulai"][0].startswith(
        "Bertabrakan dengan aktivitas 08.00–10.00"
    )
    assert (
        "Menyusun laporan harian" in response.content.decode()
        and 'value="1,5"' in response.content.decode()
    )


def test_a_refused_entry_from_javascript_gets_the_form_fragment_back(staf_client, kin):
    response = staf_client.post(
        reverse("kinerja:aktivitas_create"),
        _post_data(kin, jam_selesai="07:00"),
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert response.status_code == 200 and "HX-Redirect" not in response
    assert (
        html.lstrip().startswith('<form id="entry-form"')
        and "Jam selesai harus setelah jam mulai." in html
    )


def test_numbers_are_read_the_indonesian_way(staf_client, kin):
    staf_client.post(
        reverse("kinerja:aktivitas_create"), _post_data(kin, kuantitas_output="2,5")
    )

    assert Aktivitas.objects.get().kuantitas_output == Decimal("2.5")


def test_create_with_a_photo_keeps_it_as_evidence(staf_client, kin):
    photo = SimpleUploadedFile(
        "IMG_0001.jpg", image_bytes("JPEG", (800, 600)), content_type="image/jpeg"
    )

    staf_client.post(
        reverse("kinerja:aktivitas_create"), {**_post_data(kin), "berkas": photo}
    )

    assert list(BuktiDukung.objects.values_list("nama_asli", "jenis_konten")) == [
        ("IMG_0001.jpg", "image/jpeg")
    ]


def test_submitting_the_day_sends_its_entries_to_the_atasan(staf_client, kin):
    _entry(kin)
    _entry(kin, jam_mulai=T(10), jam_selesai=T(11))

    response = staf_client.post(
        reverse("kinerja:day_submit", args=[kin.today]), follow=True
    )

    assert set(Aktivitas.objects.values_list("status", flat=True)) == {Status.DIAJUKAN}
    assert "2 aktivitas diajukan kepada atasan." in response.content.decode()


def test_copying_the_previous_day_fills_today_with_drafts(staf_client, kin):
    _entry(kin, tanggal=kin.today - 3 * DAY, status=Status.DISETUJUI)

    staf_client.post(
        reverse("kinerja:day_copy", args=[kin.today]), {"kunci": str(uuid.uuid4())}
    )

    assert list(
        Aktivitas.objects.filter(tanggal=kin.today).values_list("status", flat=True)
    ) == [Status.DRAFT]


def test_copying_one_activity_to_tomorrow_opens_tomorrow(staf_client, kin):
    aktivitas = _entry(kin)
    tomorrow = kin.today + DAY

    response = staf_client.post(
        reverse("kinerja:aktivitas_copy", args=[aktivitas.pk]),
        {"kunci": str(uuid.uuid4()), "tanggal": tomorrow.isoformat()},
    )

    assert response["Location"] == reverse("kinerja:day_of", args=[tomorrow])
    assert Aktivitas.objects.filter(tanggal=tomorrow).count() == 1


# --- one activity ---------------------------------------------------------------------------


def test_update_changes_a_draft(staf_client, kin):
    aktivitas = _entry(kin)

    staf_client.post(
        reverse("kinerja:aktivitas_update", args=[aktivitas.pk]),
        {**_post_data(kin), "uraian": "Diperbaiki: memeriksa 6 TPS"},
    )

    aktivitas.refresh_from_db()
    assert aktivitas.uraian == "Diperbaiki: memeriksa 6 TPS"


def test_an_approved_activity_cannot_be_opened_for_change(staf_client, kin):
    aktivitas = _entry(kin, disetujui=True)

    assert (
        staf_client.get(
            reverse("kinerja:aktivitas_update", args=[aktivitas.pk])
        ).status_code
        == 403
    )


def test_delete_removes_a_draft(staf_client, kin):
    aktivitas = _entry(kin)

    staf_client.post(reverse("kinerja:aktivitas_delete", args=[aktivitas.pk]))

    assert Aktivitas.objects.count() == 0


# --- week and month ---------------------------------------------------------------------------


def test_week_grid_shows_minutes_per_rhk_and_day(staf_client, kin):
    _entry(kin, tanggal=kin.monday, jam_mulai=T(8), jam_selesai=T(10))

    response = staf_client.get(reverse("kinerja:week_of", args=[kin.monday]))

    assert response.context["week"].rows[0].menit[0] == 120


def test_submitting_the_week_sends_every_editable_entry_up_to_today(staf_client, kin):
    monday = kin.today - datetime.timedelta(days=kin.today.weekday())
    _entry(kin, tanggal=monday)
    _entry(kin, tanggal=kin.today, jam_mulai=T(13), jam_selesai=T(14))

    staf_client.post(reverse("kinerja:week_submit", args=[kin.today]))

    assert set(Aktivitas.objects.values_list("status", flat=True)) == {Status.DIAJUKAN}


def test_month_calendar_names_the_holidays(staf_client, kin):
    response = staf_client.get(reverse("kinerja:month_of", args=[kin.today.year, 12]))

    assert "Hari Raya Natal" in response.content.decode()


def test_an_impossible_month_is_not_found(staf_client, kin):
    assert (
        staf_client.get(
            reverse("kinerja:month_of", args=[kin.today.year, 13])
        ).status_code
        == 404
    )


# --- the atasan's review -----------------------------------------------------------------------


def test_the_atasan_sees_waiting_entries_with_their_hints(client, kin):
    _entry(kin, diajukan=True, uraian="Rapat")
    client.force_login(kin.org.kasi.akun)

    response = client.get(reverse("kinerja:team_review", args=[kin.org.staf.pk]))

    assert (
        "Uraian terlalu singkat untuk menjelaskan pekerjaan."
        in response.content.decode()
    )


def test_the_atasan_approves_a_selection(client, kin):
    first, second = (
        _entry(kin, diajukan=True),
        _entry(kin, diajukan=True, jam_mulai=T(10), jam_selesai=T(11)),
    )
    client.force_login(kin.org.kasi.akun)

    client.post(
        reverse("kinerja:team_decide"),
        {"aktivitas": [first.pk], "aksi": "setujui", "pegawai": kin.org.staf.pk},
    )

    assert list(
        Aktivitas.objects.order_by("jam_mulai").values_list("pk", "status")
    ) == [(first.pk, Status.DISETUJUI), (second.pk, Status.DIAJUKAN)]


def test_returning_without_a_note_is_refused_and_says_why(client, kin):
    aktivitas = _entry(kin, diajukan=True)
    client.force_login(kin.org.kasi.akun)

    response = client.post(
        reverse("kinerja:team_decide"),
        {"aktivitas": [aktivitas.pk], "aksi": "kembalikan", "pegawai": kin.org.staf.pk},
        follow=True,
    )

    aktivitas.refresh_from_db()
    assert aktivitas.status == Status.DIAJUKAN
    assert "Tuliskan catatan untuk pegawai" in response.content.decode()


# --- realisations ----------------------------------------------------------------------------


def _quarter(kin):
    return PeriodePenilaian.objects.get(
        periode=kin.periode, mulai__lte=kin.today, selesai__gte=kin.today
    )


def test_the_realisation_page_offers_the_suggestion_from_approved_activities(
    staf_client, kin
):
    _entry(kin, disetujui=True, kuantitas_output=7, satuan_output="TPS")

    response = staf_client.get(
        reverse("kinerja:realisasi_period", args=[_quarter(kin).pk])
    )

    row, form = response.context["rows"][0]
    assert (row.iki, row.saran.nilai, form.initial["nilai"]) == (
        kin.iki,
        Decimal(7),
        Decimal(7),
    )


def test_saving_and_submitting_a_realisation(staf_client, kin):
    quarter = _quarter(kin)
    prefix = f"iki{kin.iki.pk}"

    staf_client.post(
        reverse("kinerja:realisasi_save", args=[quarter.pk, kin.iki.pk]),
        {f"{prefix}-nilai": "12,5", f"{prefix}-narasi": "Sesuai jadwal"},
    )
    staf_client.post(reverse("kinerja:realisasi_submit", args=[quarter.pk]))

    assert list(Realisasi.objects.values_list("nilai", "status")) == [
        (Decimal("12.5"), Status.DIAJUKAN)
    ]


def test_the_atasan_returns_a_realisation_with_a_note(client, kin):
    realisasi = RealisasiFactory(
        iki=kin.iki, periode_penilaian=_quarter(kin), status=Status.DIAJUKAN
    )
    client.force_login(kin.org.kasi.akun)

    client.post(
        reverse("kinerja:realisasi_decide", args=[realisasi.pk]),
        {"aksi": "kembalikan", "catatan": "Lampirkan bukti"},
    )

    realisasi.refresh_from_db()
    assert (realisasi.status, realisasi.catatan_atasan) == (
        Status.DIKEMBALIKAN,
        "Lampirkan bukti",
    )


# --- evidence ---------------------------------------------------------------------------------


@pytest.fixture
def photo_bukti(kin):
    aktivitas = _entry(kin)
    bukti, _ = services.attach_bukti(
        aktivitas,
        berkas=SimpleUploadedFile("Foto TPS.png", image_bytes("PNG", (40, 30))),
    )
    return bukti


def test_evidence_is_served_as_a_download_that_the_browser_may_not_sniff(
    staf_client, photo_bukti
):
    response = staf_client.get(reverse("kinerja:bukti_download", args=[photo_bukti.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="Foto TPS.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_the_atasan_downloads_the_evidence(client, kin, photo_bukti):
    client.force_login(kin.org.kasi.akun)

    assert (
        client.get(reverse("kinerja:bukti_download", args=[photo_bukti.pk])).status_code
        == 200
    )


def test_another_asn_gets_not_found_for_the_evidence(client, kin, photo_bukti):
    client.force_login(kin.org.staf2.akun)

    assert (
        client.get(reverse("kinerja:bukti_download", args=[photo_bukti.pk])).status_code
        == 404
    )


def test_the_pengelola_of_another_opd_gets_not_found_for_the_evidence(
    client, kin, photo_bukti
):
    kin.org.staf_b.akun.peran, kin.org.staf_b.akun.opd_dikelola = (
        Pengguna.Peran.PENGELOLA_OPD,
        kin.org.opd_b,
    )
    kin.org.staf_b.akun.save()
    client.force_login(kin.org.staf_b.akun)

    assert (
        client.get(reverse("kinerja:bukti_download", args=[photo_bukti.pk])).status_code
        == 404
    )


def test_the_stored_file_has_no_public_address(client, kin, photo_bukti, settings):
    client.force_login(kin.org.staf.akun)
    name = photo_bukti.berkas.name

    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(f"{settings.STATIC_URL}{name}").status_code == 404
    assert client.get(f"/{name}").status_code == 404
    with pytest.raises(ValueError):
        photo_bukti.berkas.url  # noqa: B018


# --- exports --------------------------------------------------------------------------------


def _rows(response):
    book = load_workbook(io.BytesIO(b"".join([response.content])), read_only=True)
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def test_the_pegawai_exports_their_activities_of_a_period(staf_client, kin):
    _entry(kin, uraian="=SUM(A1:A9) bukan rumus")
    AktivitasFactory(pegawai=kin.org.staf2, rhk=kin.rhk, tanggal=kin.today)

    response = staf_client.get(
        reverse("kinerja:export"),
        {
            "unduh": "1",
            "mulai": kin.today.isoformat(),
            "selesai": kin.today.isoformat(),
        },
    )

    rows = _rows(response)
    assert response["Content-Disposition"].startswith("attachment")
    assert len(rows) == 2 and rows[1][6] == "=SUM(A1:A9) bukan rumus"


def test_the_pengelola_exports_a_unit_of_their_opd(client, kin):
    _entry(kin)
    client.force_login(kin.org.pengelola.akun)

    response = client.get(
        reverse("kinerja:unit_export"),
        {
            "unduh": "1",
            "unit": kin.org.bidang_a.pk,
            "mulai": kin.today.isoformat(),
            "selesai": kin.today.isoformat(),
        },
    )

    assert [row[0] for row in _rows(response)] == ["NIP", kin.org.staf.nip]


def test_the_pengelola_cannot_export_a_unit_of_another_opd(client, kin):
    client.force_login(kin.org.pengelola.akun)

    response = client.get(
        reverse("kinerja:unit_export"),
        {
            "unduh": "1",
            "unit": kin.org.opd_b.pk,
            "mulai": kin.today.isoformat(),
            "selesai": kin.today.isoformat(),
        },
    )

    assert response.status_code == 200 and "unit" in response.context["form"].errors


# --- constant queries ------------------------------------------------------------------------


def _many_entries(kin, count, tanggal):
    for n in range(count):
        AktivitasFactory(
            pegawai=kin.org.staf,
            rhk=kin.rhk if n % 2 else kin.rhk_2,
            tanggal=tanggal,
            jam_mulai=T(7 + n // 4, (n % 4) * 15),
            jam_selesai=T(7 + n // 4, (n % 4) * 15 + 10),
            uraian=f"Kegiatan nomor {n} di TPS",
        )


DAY_VIEW_QUERIES = 12
WEEK_GRID_QUERIES = 7
FORM_PAGE_QUERIES = (
    8  # the atasan chain check is a prefix test on a loaded row, no query
)


def test_day_view_takes_a_constant_number_of_queries(
    staf_client, kin, django_assert_num_queries
):
    _many_entries(kin, 1, kin.today)
    with django_assert_num_queries(DAY_VIEW_QUERIES):
        staf_client.get(reverse("kinerja:day"))
    _many_entries(kin, 30, kin.today - DAY)
    _many_entries(kin, 30, kin.today)

    with django_assert_num_queries(DAY_VIEW_QUERIES):
        staf_client.get(reverse("kinerja:day"))


def test_week_grid_takes_a_constant_number_of_queries(
    staf_client, kin, django_assert_num_queries
):
    _many_entries(kin, 1, kin.monday)
    with django_assert_num_queries(WEEK_GRID_QUERIES):
        staf_client.get(reverse("kinerja:week_of", args=[kin.monday]))
    for offset in range(7):
        _many_entries(kin, 12, kin.monday + offset * DAY)

    with django_assert_num_queries(WEEK_GRID_QUERIES):
        staf_client.get(reverse("kinerja:week_of", args=[kin.monday]))


def test_entry_form_page_takes_a_constant_number_of_queries(
    staf_client, kin, django_assert_num_queries
):
    aktivitas = _entry(kin)
    with django_assert_num_queries(FORM_PAGE_QUERIES):
        staf_client.get(reverse("kinerja:aktivitas_update", args=[aktivitas.pk]))
    _many_entries(kin, 40, kin.today - DAY)

    with django_assert_num_queries(FORM_PAGE_QUERIES):
        staf_client.get(reverse("kinerja:aktivitas_update", args=[aktivitas.pk]))
