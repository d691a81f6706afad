import datetime
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from indikator.models import PeriodePenilaian, Skp
from indikator.tests.factories import RencanaHasilKerjaFactory
from kinerja import services
from kinerja.models import Aktivitas, AturanAktivitas, BuktiDukung, Status
from kinerja.tests.conftest import gps_exif, image_bytes
from kinerja.tests.factories import AktivitasFactory, BuktiDukungFactory
from organisasi.models import Pegawai
from organisasi.tests.factories import JabatanFactory

pytestmark = pytest.mark.django_db

T = datetime.time
DAY = datetime.timedelta(days=1)
EIGHT, HALF_PAST_NINE = T(8, 0), T(9, 30)


def _create(
    kin,
    *,
    tanggal=None,
    mulai=EIGHT,
    selesai=HALF_PAST_NINE,
    rhk=None,
    pegawai=None,
    today=None,
    **extra,
):
    tanggal = tanggal or kin.monday
    values = {
        "uraian": "Memantau pengangkutan sampah di TPS Sidodadi",
        "kuantitas_output": Decimal(8),
        "satuan_output": "TPS",
        **extra,
    }
    return services.create_aktivitas(
        pegawai or kin.org.staf,
        tanggal=tanggal,
        jam_mulai=mulai,
        jam_selesai=selesai,
        rhk=rhk or kin.rhk,
        today=today or tanggal,
        **values,
    )


def _errors(excinfo) -> dict:
    return excinfo.value.message_dict


# --- create: the rules -------------------------------------------------------------------------


def test_create_aktivitas_records_a_draft_with_its_minutes(kin):
    aktivitas, created = _create(kin, mulai=T(7, 30), selesai=T(9, 45))

    assert created is True
    assert (aktivitas.status, aktivitas.menit, aktivitas.satuan_output) == (
        Status.DRAFT,
        135,
        "TPS",
    )


def test_create_aktivitas_twice_with_the_same_key_creates_one_activity(kin):
    kunci = uuid.uuid4()

    first, created_first = _create(kin, kunci=kunci)
    second, created_second = _create(kin, kunci=kunci, mulai=T(13, 0), selesai=T(14, 0))

    assert (created_first, created_second, second.pk) == (True, False, first.pk)
    assert Aktivitas.objects.count() == 1


def test_create_aktivitas_refuses_a_date_outside_an_open_period(kin):
    PeriodePenilaian.objects.filter(
        mulai__lte=kin.monday, selesai__gte=kin.monday
    ).update(terkunci=True)

    with pytest.raises(ValidationError) as excinfo:
        _create(kin)

    assert _errors(excinfo) == {
        "tanggal": ["Tanggal ini tidak berada dalam periode penilaian yang terbuka."]
    }


def test_create_aktivitas_refuses_a_date_after_tomorrow(kin):
    with pytest.raises(ValidationError) as excinfo:
        _create(kin, tanggal=kin.monday + 2 * DAY, today=kin.monday)

    assert list(_errors(excinfo)) == ["tanggal"]


def test_create_aktivitas_accepts_a_draft_for_tomorrow(kin):
    aktivitas, created = _create(kin, tanggal=kin.monday + DAY, today=kin.monday)

    assert created is True


def test_create_aktivitas_refuses_a_month_once_its_grace_days_have_passed(kin):
    next_month = (kin.monday.replace(day=28) + 4 * DAY).replace(day=1)

    _create(kin, today=next_month + 4 * DAY)
    with pytest.raises(ValidationError) as excinfo:
        _create(kin, mulai=T(10, 0), selesai=T(11, 0), today=next_month + 5 * DAY)

    assert "sudah dikunci sejak" in _errors(excinfo)["tanggal"][0]


def test_create_aktivitas_refuses_times_that_overlap_another_entry_of_the_day(kin):
    _create(kin, mulai=T(8, 0), selesai=T(9, 30))

    with pytest.raises(ValidationError) as excinfo:
        _create(kin, mulai=T(9, 0), selesai=T(10, 0))

    assert _errors(excinfo) == {
        "jam_mulai": [
            "Bertabrakan dengan aktivitas 08.00–09.30 “Memantau pengangkutan sampah di TPS Sid…”."
        ]
    }


def test_create_aktivitas_accepts_an_entry_starting_when_the_last_one_ended(kin):
    _create(kin, mulai=T(8, 0), selesai=T(9, 30))

    aktivitas, created = _create(kin, mulai=T(9, 30), selesai=T(10, 0))

    assert created is True


def test_create_aktivitas_refuses_an_end_before_the_start(kin):
    with pytest.raises(ValidationError) as excinfo:
        _create(kin, mulai=T(10, 0), selesai=T(9, 0))

    assert _errors(excinfo) == {"jam_selesai": ["Jam selesai harus setelah jam mulai."]}


def test_create_aktivitas_refuses_a_day_beyond_the_maximum_minutes(kin):
    _create(kin, mulai=T(6, 0), selesai=T(17, 0))

    with pytest.raises(ValidationError) as excinfo:
        _create(kin, mulai=T(17, 0), selesai=T(19, 0))

    assert _errors(excinfo) == {
        "jam_selesai": [
            "Total hari ini menjadi 780 menit; paling banyak 720 menit sehari."
        ]
    }


def test_the_maximum_minutes_follow_the_rule_bkpsdm_sets(kin):
    AturanAktivitas.objects.filter(pk=1).update(menit_maksimal_per_hari=60)

    with pytest.raises(ValidationError) as excinfo:
        _create(kin, mulai=T(8, 0), selesai=T(9, 30))

    assert list(_errors(excinfo)) == ["jam_selesai"]


def test_create_aktivitas_refuses_an_rhk_of_someone_elses_skp(kin):
    with pytest.raises(ValidationError) as excinfo:
        _create(kin, rhk=kin.rhk_kasi)

    assert _errors(excinfo) == {
        "rhk": ["Pilih RHK dari SKP yang berlaku pada tanggal ini."]
    }


def test_create_aktivitas_needs_an_approved_skp(kin):
    Skp.objects.filter(pk=kin.skp.pk).update(status=Skp.Status.DIKEMBALIKAN)

    with pytest.raises(ValidationError) as excinfo:
        _create(kin)

    assert _errors(excinfo)["rhk"][0].startswith(
        "Belum ada SKP disetujui yang berlaku pada"
    )


def test_after_a_mutasi_the_activity_belongs_to_the_skp_approved_by_its_date(kin):
    Skp.objects.filter(pk=kin.skp.pk).update(
        disetujui_pada=datetime.datetime(kin.monday.year, 1, 10, tzinfo=datetime.UTC)
    )
    new_skp = Skp.objects.create(
        pegawai=kin.org.staf,
        periode=kin.periode,
        jabatan=JabatanFactory(),
        penilai=kin.org.kasi,
        status=Skp.Status.DISETUJUI,
        tanggal_mulai=kin.skp.tanggal_mulai,
        tanggal_selesai=kin.skp.tanggal_selesai,
        disetujui_pada=datetime.datetime.combine(
            kin.monday + 2 * DAY, T(10, 0), tzinfo=datetime.UTC
        ),
    )
    new_rhk = RencanaHasilKerjaFactory(skp=new_skp, uraian="RHK jabatan baru")

    before, _ = _create(kin, tanggal=kin.monday, rhk=kin.rhk)
    after, _ = _create(kin, tanggal=kin.monday + 3 * DAY, rhk=new_rhk)
    with pytest.raises(ValidationError) as excinfo:
        _create(
            kin,
            tanggal=kin.monday + 3 * DAY,
            rhk=kin.rhk,
            mulai=T(13, 0),
            selesai=T(14, 0),
        )

    assert (before.rhk, after.rhk) == (kin.rhk, new_rhk)
    assert list(_errors(excinfo)) == ["rhk"]


def test_create_aktivitas_gives_every_broken_rule_at_its_field_at_once(kin):
    with pytest.raises(ValidationError) as excinfo:
        _create(
            kin,
            rhk=kin.rhk_kasi,
            mulai=T(10, 0),
            selesai=T(9, 0),
            uraian="  ",
            tautan="ftp://x",
        )

    assert sorted(_errors(excinfo)) == ["jam_selesai", "rhk", "tautan", "uraian"]


# --- create: evidence ------------------------------------------------------------------------


def test_create_aktivitas_stores_a_photo_privately_without_its_location(kin, settings):
    photo = SimpleUploadedFile(
        "IMG_20260701_0800.jpg", image_bytes("JPEG", (3000, 2000), exif=gps_exif())
    )

    aktivitas, _ = _create(kin, berkas=photo)

    bukti = aktivitas.buktidukung_set.get()
    path = Path(bukti.berkas.path)
    assert path.is_relative_to(Path(settings.MEDIA_ROOT) / "bukti")
    assert "IMG_" not in bukti.berkas.name and len(path.stem) >= 32
    assert (bukti.nama_asli, bukti.jenis_konten, bukti.pegawai) == (
        "IMG_20260701_0800.jpg",
        "image/jpeg",
        kin.org.staf,
    )
    with Image.open(path) as stored:
        assert max(stored.size) == 1600
        assert dict(stored.getexif()) == {}


def test_create_aktivitas_with_a_refused_file_saves_nothing(kin, settings):
    with pytest.raises(ValidationError) as excinfo:
        _create(
            kin, berkas=SimpleUploadedFile("laporan.pdf", image_bytes("PNG", (20, 20)))
        )

    assert list(_errors(excinfo)) == ["berkas"]
    assert (Aktivitas.objects.count(), BuktiDukung.objects.count()) == (0, 0)
    assert not (Path(settings.MEDIA_ROOT) / "bukti").exists()


def test_create_aktivitas_keeps_a_link_as_evidence(kin):
    aktivitas, _ = _create(kin, tautan="https://drive.example.id/foto-tps")

    assert list(aktivitas.buktidukung_set.values_list("tautan", "berkas")) == [
        ("https://drive.example.id/foto-tps", "")
    ]


# --- update and delete ------------------------------------------------------------------------


def test_update_aktivitas_refuses_an_approved_activity(kin):
    aktivitas = AktivitasFactory(
        pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday, disetujui=True
    )

    with pytest.raises(ValidationError, match="Disetujui tidak dapat diubah"):
        services.update_aktivitas(
            aktivitas, uraian="Diubah setelah disetujui", today=kin.monday
        )


def test_update_aktivitas_of_a_returned_activity_keeps_it_returned_with_the_note(kin):
    aktivitas = AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.monday,
        status=Status.DIKEMBALIKAN,
        catatan_atasan="Sebutkan TPS-nya",
    )

    changed = services.update_aktivitas(
        aktivitas,
        uraian="Memeriksa TPS Jalan Juanda dan Jalan Pahlawan",
        today=kin.monday,
    )

    assert (changed.status, changed.catatan_atasan, changed.uraian) == (
        Status.DIKEMBALIKAN,
        "Sebutkan TPS-nya",
        "Memeriksa TPS Jalan Juanda dan Jalan Pahlawan",
    )


def test_update_aktivitas_does_not_clash_with_itself(kin):
    aktivitas, _ = _create(kin, mulai=T(8, 0), selesai=T(9, 0))

    changed = services.update_aktivitas(
        aktivitas, jam_selesai=T(9, 30), today=kin.monday
    )

    assert changed.menit == 90


def test_delete_aktivitas_removes_its_evidence_file_after_commit(
    kin, django_capture_on_commit_callbacks
):
    aktivitas, _ = _create(
        kin, berkas=SimpleUploadedFile("foto.png", image_bytes("PNG", (40, 30)))
    )
    path = Path(aktivitas.buktidukung_set.get().berkas.path)

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_aktivitas(aktivitas, today=kin.monday)

    assert (Aktivitas.objects.count(), path.exists()) == (0, False)


def test_delete_aktivitas_refuses_a_submitted_activity(kin):
    aktivitas = AktivitasFactory(
        pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday, diajukan=True
    )

    with pytest.raises(ValidationError):
        services.delete_aktivitas(aktivitas, today=kin.monday)


# --- copy ------------------------------------------------------------------------------------


def test_copy_day_copies_the_entries_as_drafts_without_evidence(kin):
    source = AktivitasFactory(
        pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday, disetujui=True
    )
    BuktiDukungFactory(aktivitas=source)

    created, problems = services.copy_day(
        kin.org.staf,
        source=kin.monday,
        to=kin.monday + DAY,
        kunci=uuid.uuid4(),
        today=kin.monday + DAY,
    )

    assert problems == []
    assert [
        (a.tanggal, a.status, a.uraian, a.buktidukung_set.count()) for a in created
    ] == [(kin.monday + DAY, Status.DRAFT, source.uraian, 0)]


def test_copy_day_twice_from_the_same_form_copies_once(kin):
    AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday)
    kunci = uuid.uuid4()

    services.copy_day(
        kin.org.staf,
        source=kin.monday,
        to=kin.monday + DAY,
        kunci=kunci,
        today=kin.monday + DAY,
    )
    again, problems = services.copy_day(
        kin.org.staf,
        source=kin.monday,
        to=kin.monday + DAY,
        kunci=kunci,
        today=kin.monday + DAY,
    )

    assert (again, problems, Aktivitas.objects.count()) == ([], [], 2)


def test_copy_day_reports_the_entries_that_break_a_rule_and_copies_the_rest(kin):
    AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.monday,
        jam_mulai=T(8),
        jam_selesai=T(9),
    )
    AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.monday,
        jam_mulai=T(13),
        jam_selesai=T(14),
    )
    AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.monday + DAY,
        jam_mulai=T(8, 30),
        jam_selesai=T(9),
    )

    created, problems = services.copy_day(
        kin.org.staf,
        source=kin.monday,
        to=kin.monday + DAY,
        kunci=uuid.uuid4(),
        today=kin.monday + DAY,
    )

    assert [a.jam_mulai for a in created] == [T(13)]
    assert len(problems) == 1 and "Bertabrakan" in problems[0]


def test_copy_week_puts_each_entry_on_the_same_weekday_of_the_next_week(kin):
    for offset in (0, 2):
        AktivitasFactory(
            pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday + offset * DAY
        )
    next_monday = kin.monday + 7 * DAY

    created, _ = services.copy_week(
        kin.org.staf,
        source_monday=kin.monday,
        to_monday=next_monday,
        kunci=uuid.uuid4(),
        today=next_monday + 4 * DAY,
    )

    assert [a.tanggal for a in created] == [next_monday, next_monday + 2 * DAY]


def test_copy_aktivitas_to_two_dates_from_the_same_page_makes_two_copies(kin):
    source = AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday)
    kunci = uuid.uuid4()

    services.copy_aktivitas(
        source, to=kin.monday + DAY, kunci=kunci, today=kin.monday + DAY
    )
    services.copy_aktivitas(
        source, to=kin.monday + 2 * DAY, kunci=kunci, today=kin.monday + DAY
    )
    services.copy_aktivitas(
        source, to=kin.monday + 2 * DAY, kunci=kunci, today=kin.monday + DAY
    )

    assert sorted(Aktivitas.objects.values_list("tanggal", flat=True)) == [
        kin.monday + n * DAY for n in range(3)
    ]


# --- submit and decide -----------------------------------------------------------------------


def test_submit_aktivitas_sends_drafts_and_returned_entries_to_the_atasan(kin):
    draft = AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday)
    returned = AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.monday,
        status=Status.DIKEMBALIKAN,
        jam_mulai=T(10),
        jam_selesai=T(11),
    )
    approved = AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.monday,
        disetujui=True,
        jam_mulai=T(13),
        jam_selesai=T(14),
    )

    done, problems = services.submit_aktivitas(
        kin.org.staf, [draft.pk, returned.pk, approved.pk], today=kin.monday
    )

    assert (done, problems) == (2, [])
    assert list(
        Aktivitas.objects.order_by("jam_mulai").values_list("status", flat=True)
    ) == [Status.DIAJUKAN, Status.DIAJUKAN, Status.DISETUJUI]
    assert [h.status for h in draft.history.order_by("history_date")] == [
        Status.DRAFT,
        Status.DIAJUKAN,
    ]


def test_submit_aktivitas_leaves_a_future_day_as_a_draft_and_says_why(kin):
    tomorrow = AktivitasFactory(
        pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday + DAY
    )

    done, problems = services.submit_aktivitas(
        kin.org.staf, [tomorrow.pk], today=kin.monday
    )

    tomorrow.refresh_from_db()
    assert (done, tomorrow.status) == (0, Status.DRAFT)
    assert problems == [
        f"{kin.monday.day + 1} Juli {kin.monday.year}: aktivitas tanggal depan belum dapat diajukan."
    ]


def test_submit_aktivitas_ignores_activities_of_someone_else(kin):
    other = AktivitasFactory(pegawai=kin.org.staf2, rhk=kin.rhk, tanggal=kin.monday)

    done, _ = services.submit_aktivitas(kin.org.staf, [other.pk], today=kin.monday)

    other.refresh_from_db()
    assert (done, other.status) == (0, Status.DRAFT)


def test_submit_aktivitas_is_refused_without_an_atasan(kin):
    Pegawai.objects.filter(pk=kin.org.staf.pk).update(atasan=None)
    draft = AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday)

    with pytest.raises(ValidationError, match="belum punya atasan langsung"):
        services.submit_aktivitas(kin.org.staf, [draft.pk], today=kin.monday)


def _waiting(kin, **extra):
    return AktivitasFactory(
        pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday, diajukan=True, **extra
    )


def test_approve_aktivitas_records_who_approved_and_when(kin):
    aktivitas = _waiting(kin)

    done = services.approve_aktivitas(
        [aktivitas.pk], by=kin.org.kasi.akun, today=kin.monday
    )

    aktivitas.refresh_from_db()
    assert (done, aktivitas.status, aktivitas.diputuskan_oleh) == (
        1,
        Status.DISETUJUI,
        kin.org.kasi.akun,
    )
    assert aktivitas.diputuskan_pada is not None


def test_only_the_current_atasan_approves(kin):
    aktivitas = _waiting(kin)
    Pegawai.objects.filter(pk=kin.org.staf.pk).update(atasan=kin.org.kabid)

    by_old_atasan = services.approve_aktivitas(
        [aktivitas.pk], by=kin.org.kasi.akun, today=kin.monday
    )
    by_new_atasan = services.approve_aktivitas(
        [aktivitas.pk], by=kin.org.kabid.akun, today=kin.monday
    )

    assert (by_old_atasan, by_new_atasan) == (0, 1)


def test_nobody_approves_their_own_activity(kin):
    own = AktivitasFactory(
        pegawai=kin.org.kasi, rhk=kin.rhk_kasi, tanggal=kin.monday, diajukan=True
    )

    assert (
        services.approve_aktivitas([own.pk], by=kin.org.kasi.akun, today=kin.monday)
        == 0
    )


def test_approving_twice_decides_once(kin):
    aktivitas = _waiting(kin)

    first = services.approve_aktivitas(
        [aktivitas.pk], by=kin.org.kasi.akun, today=kin.monday
    )
    second = services.return_aktivitas(
        [aktivitas.pk], by=kin.org.kasi.akun, catatan="Terlambat", today=kin.monday
    )

    aktivitas.refresh_from_db()
    assert (first, second, aktivitas.status) == (1, 0, Status.DISETUJUI)


def test_return_aktivitas_needs_a_note_for_the_pegawai(kin):
    aktivitas = _waiting(kin)

    with pytest.raises(ValidationError) as excinfo:
        services.return_aktivitas(
            [aktivitas.pk], by=kin.org.kasi.akun, catatan=" ", today=kin.monday
        )

    assert list(_errors(excinfo)) == ["catatan"]


def test_return_aktivitas_keeps_the_note_and_the_reason_in_the_history(kin):
    aktivitas = _waiting(kin)

    services.return_aktivitas(
        [aktivitas.pk],
        by=kin.org.kasi.akun,
        catatan="Lampirkan foto TPS",
        today=kin.monday,
    )

    aktivitas.refresh_from_db()
    assert (aktivitas.status, aktivitas.catatan_atasan) == (
        Status.DIKEMBALIKAN,
        "Lampirkan foto TPS",
    )
    assert aktivitas.history.latest().history_change_reason == "Lampirkan foto TPS"


def test_activities_of_a_locked_period_are_not_decided(kin):
    aktivitas = _waiting(kin)
    PeriodePenilaian.objects.filter(
        mulai__lte=kin.monday, selesai__gte=kin.monday
    ).update(terkunci=True)

    assert (
        services.approve_aktivitas(
            [aktivitas.pk], by=kin.org.kasi.akun, today=kin.monday
        )
        == 0
    )


# --- evidence ------------------------------------------------------------------------------


def test_attach_bukti_refuses_a_link_that_is_not_http(kin):
    aktivitas = AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday)

    with pytest.raises(ValidationError) as excinfo:
        services.attach_bukti(aktivitas, tautan="javascript:alert(1)")

    assert list(_errors(excinfo)) == ["tautan"]


def test_attach_bukti_is_refused_once_the_activity_is_approved(kin):
    aktivitas = AktivitasFactory(
        pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday, disetujui=True
    )

    with pytest.raises(ValidationError, match="status Disetujui"):
        services.attach_bukti(aktivitas, tautan="https://contoh.id/foto")


def test_attach_bukti_twice_with_the_same_key_adds_one(kin):
    aktivitas = AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.monday)
    kunci = uuid.uuid4()

    services.attach_bukti(aktivitas, tautan="https://contoh.id/foto", kunci=kunci)
    services.attach_bukti(aktivitas, tautan="https://contoh.id/foto", kunci=kunci)

    assert aktivitas.buktidukung_set.count() == 1


def test_delete_bukti_is_refused_once_the_activity_is_submitted(kin):
    bukti = BuktiDukungFactory(aktivitas=_waiting(kin))

    with pytest.raises(ValidationError):
        services.delete_bukti(bukti)
