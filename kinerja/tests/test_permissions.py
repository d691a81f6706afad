"""Who may do what to kinerja's objects: the predicates, then every view × role (the table)."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import ROLE_USERS, ViewCase, permission_table, request_as
from indikator.models import PeriodePenilaian
from kinerja import permissions, services
from kinerja.models import Aktivitas, BuktiDukung, Status
from kinerja.tests.conftest import image_bytes
from kinerja.tests.factories import (
    AktivitasFactory,
    BuktiDukungFactory,
    RealisasiFactory,
)
from kinerja.urls import urlpatterns

pytestmark = pytest.mark.django_db

ROLES = ["staf", "kasi", "kabid", "staf2", "staf_b", "pengelola", "admin", "pimpinan"]


def _user(org, role):
    return org.pimpinan if role == "pimpinan" else getattr(org, role).akun


def _today_entry(kin, **extra):
    return AktivitasFactory(
        pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.today, **extra
    )


@pytest.mark.parametrize(
    ("role", "sees", "edits", "decides"),
    [
        ("staf", True, True, False),
        ("kasi", True, False, False),
        ("kabid", True, False, False),
        ("staf2", False, False, False),
        ("staf_b", False, False, False),
        ("pengelola", True, False, False),
        ("admin", True, False, False),
        ("pimpinan", True, False, False),
    ],
)
def test_a_draft_activity_of_the_staf_by_role(kin, role, sees, edits, decides):
    aktivitas = _today_entry(kin)
    user = _user(kin.org, role)

    assert Aktivitas.objects.visible_to(user).filter(pk=aktivitas.pk).exists() is sees
    assert permissions.can_edit_aktivitas(user, aktivitas) is edits
    assert permissions.can_decide_aktivitas(user, aktivitas) is decides


@pytest.mark.parametrize(
    ("role", "edits", "decides"),
    [
        ("staf", False, False),
        ("kasi", False, True),
        ("kabid", False, False),
        ("admin", False, False),
    ],
)
def test_a_submitted_activity_is_decided_by_the_direct_atasan_only(
    kin, role, edits, decides
):
    aktivitas = _today_entry(kin, diajukan=True)
    user = _user(kin.org, role)

    assert permissions.can_edit_aktivitas(user, aktivitas) is edits
    assert permissions.can_decide_aktivitas(user, aktivitas) is decides


@pytest.mark.parametrize("status", [Status.DIAJUKAN, Status.DISETUJUI])
def test_the_owner_does_not_edit_a_submitted_or_approved_activity(kin, status):
    assert (
        permissions.can_edit_aktivitas(
            kin.org.staf.akun, _today_entry(kin, status=status)
        )
        is False
    )


def test_the_owner_edits_a_returned_activity(kin):
    assert (
        permissions.can_edit_aktivitas(
            kin.org.staf.akun, _today_entry(kin, status=Status.DIKEMBALIKAN)
        )
        is True
    )


def test_an_activity_of_a_locked_month_is_not_edited(kin):
    old = AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.today.replace(day=1) - datetime.timedelta(days=40),
    )

    assert permissions.can_edit_aktivitas(kin.org.staf.akun, old) is False


def test_tomorrows_draft_is_edited_but_not_submitted(kin):
    tomorrow = AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.today + datetime.timedelta(days=1),
    )
    user = kin.org.staf.akun

    assert (
        permissions.can_edit_aktivitas(user, tomorrow),
        permissions.can_submit_aktivitas(user, tomorrow),
    ) == (True, False)


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("staf", True),
        ("kasi", True),
        ("kabid", True),
        ("staf2", False),
        ("staf_b", False),
        ("pengelola", True),
        ("admin", True),
        ("pimpinan", True),
    ],
)
def test_evidence_is_seen_by_whoever_sees_its_activity(kin, role, sees):
    bukti = BuktiDukungFactory(aktivitas=_today_entry(kin))

    assert (
        BuktiDukung.objects.visible_to(_user(kin.org, role))
        .filter(pk=bukti.pk)
        .exists()
        is sees
    )


@pytest.mark.parametrize(
    ("role", "reads"),
    [
        ("staf", True),
        ("kasi", True),
        ("kabid", True),
        ("staf2", False),
        ("staf_b", False),
        ("pengelola", True),
        ("admin", True),
        ("pimpinan", True),
    ],
)
def test_the_kinerja_pages_of_the_staf_are_for_the_same_people(kin, role, reads):
    assert permissions.can_view_kinerja_of(_user(kin.org, role), kin.org.staf) is reads


@pytest.mark.parametrize(
    ("role", "opens"),
    [
        ("staf", False),
        ("kasi", False),
        ("pengelola", True),
        ("admin", True),
        ("pimpinan", True),
    ],
)
def test_the_unit_export_is_for_pengelola_bkpsdm_and_pimpinan(kin, role, opens):
    assert permissions.can_open_unit_export(_user(kin.org, role)) is opens


def test_a_pengelola_exports_only_the_units_of_their_opd(kin):
    user = kin.org.pengelola.akun

    assert (
        permissions.can_export_unit(user, kin.org.seksi_a),
        permissions.can_export_unit(user, kin.org.opd_b),
    ) == (True, False)


# --- every view × every role ---------------------------------------------------------------

ROLE_ORDER = list(
    ROLE_USERS
)  # anonim, staf, atasan (the kasi), pengelola, admin, pimpinan, staf_opd_lain


@pytest.fixture
def objects(kin):
    """What the table's URLs point at: the staf's draft, evidence and submitted realisation."""
    quarter = PeriodePenilaian.objects.get(
        periode=kin.periode, mulai__lte=kin.today, selesai__gte=kin.today
    )
    aktivitas = _today_entry(kin)
    bukti, _ = services.attach_bukti(
        aktivitas, berkas=SimpleUploadedFile("foto.png", image_bytes("PNG", (20, 20)))
    )
    realisasi = RealisasiFactory(
        iki=kin.iki_waktu, periode_penilaian=quarter, status=Status.DIAJUKAN
    )
    return SimpleNamespace(
        kin=kin,
        org=kin.org,
        today=kin.today,
        aktivitas=aktivitas,
        bukti=bukti,
        quarter=quarter,
        realisasi=realisasi,
    )


def _case(name, method, url, expected, data=None):
    return ViewCase(
        name, method, url, dict(zip(ROLE_ORDER, expected, strict=True)), data
    )


OWN = [
    302,
    200,
    200,
    200,
    200,
    403,
    200,
]  # every ASN on their own page; pimpinan has no activities
OWN_POST = [302, 302, 302, 302, 302, 403, 302]
STAF_DRAFT_SEEN = [302, 200, 200, 200, 200, 200, 404]
STAF_DRAFT_CHANGED = [302, 302, 403, 403, 403, 403, 404]

CASES = [
    _case("day", "get", lambda o: reverse("kinerja:day"), OWN),
    _case("day_of", "get", lambda o: reverse("kinerja:day_of", args=[o.today]), OWN),
    _case(
        "day_copy",
        "post",
        lambda o: reverse("kinerja:day_copy", args=[o.today]),
        OWN_POST,
    ),
    _case(
        "day_submit",
        "post",
        lambda o: reverse("kinerja:day_submit", args=[o.today]),
        OWN_POST,
    ),
    _case(
        "aktivitas_create",
        "post",
        lambda o: reverse("kinerja:aktivitas_create"),
        [302, 200, 200, 200, 200, 403, 200],
    ),
    _case(
        "aktivitas_submit",
        "post",
        lambda o: reverse("kinerja:aktivitas_submit"),
        OWN_POST,
    ),
    _case(
        "aktivitas_detail",
        "get",
        lambda o: reverse("kinerja:aktivitas_detail", args=[o.aktivitas.pk]),
        STAF_DRAFT_SEEN,
    ),
    _case(
        "aktivitas_update",
        "get",
        lambda o: reverse("kinerja:aktivitas_update", args=[o.aktivitas.pk]),
        [302, 200, 403, 403, 403, 403, 404],
    ),
    _case(
        "aktivitas_delete",
        "post",
        lambda o: reverse("kinerja:aktivitas_delete", args=[o.aktivitas.pk]),
        STAF_DRAFT_CHANGED,
    ),
    _case(
        "aktivitas_copy",
        "post",
        lambda o: reverse("kinerja:aktivitas_copy", args=[o.aktivitas.pk]),
        STAF_DRAFT_CHANGED,
    ),
    _case(
        "aktivitas_bukti_add",
        "post",
        lambda o: reverse("kinerja:aktivitas_bukti_add", args=[o.aktivitas.pk]),
        STAF_DRAFT_CHANGED,
    ),
    _case("week", "get", lambda o: reverse("kinerja:week"), OWN),
    _case("week_of", "get", lambda o: reverse("kinerja:week_of", args=[o.today]), OWN),
    _case(
        "week_copy",
        "post",
        lambda o: reverse("kinerja:week_copy", args=[o.today]),
        OWN_POST,
    ),
    _case(
        "week_submit",
        "post",
        lambda o: reverse("kinerja:week_submit", args=[o.today]),
        OWN_POST,
    ),
    _case("month", "get", lambda o: reverse("kinerja:month"), OWN),
    _case(
        "month_of",
        "get",
        lambda o: reverse("kinerja:month_of", args=[o.today.year, o.today.month]),
        OWN,
    ),
    _case(
        "bukti_download",
        "get",
        lambda o: reverse("kinerja:bukti_download", args=[o.bukti.pk]),
        STAF_DRAFT_SEEN,
    ),
    _case(
        "bukti_delete",
        "post",
        lambda o: reverse("kinerja:bukti_delete", args=[o.bukti.pk]),
        STAF_DRAFT_CHANGED,
    ),
    _case(
        "team",
        "get",
        lambda o: reverse("kinerja:team"),
        [302, 403, 200, 403, 403, 403, 403],
    ),
    _case(
        "team_review",
        "get",
        lambda o: reverse("kinerja:team_review", args=[o.org.staf.pk]),
        STAF_DRAFT_SEEN,
    ),
    _case(
        "team_decide",
        "post",
        lambda o: reverse("kinerja:team_decide"),
        [302, 403, 302, 403, 403, 403, 403],
    ),
    _case("realisasi_list", "get", lambda o: reverse("kinerja:realisasi_list"), OWN),
    _case(
        "realisasi_period",
        "get",
        lambda o: reverse("kinerja:realisasi_period", args=[o.quarter.pk]),
        OWN,
    ),
    _case(
        "realisasi_period_of",
        "get",
        lambda o: reverse(
            "kinerja:realisasi_period_of", args=[o.quarter.pk, o.org.staf.pk]
        ),
        STAF_DRAFT_SEEN,
    ),
    _case(
        "realisasi_save",
        "post",
        lambda o: reverse("kinerja:realisasi_save", args=[o.quarter.pk, o.kin.iki.pk]),
        [302, 200, 404, 404, 404, 403, 404],
    ),
    _case(
        "realisasi_submit",
        "post",
        lambda o: reverse("kinerja:realisasi_submit", args=[o.quarter.pk]),
        OWN_POST,
    ),
    _case(
        "realisasi_decide",
        "post",
        lambda o: reverse("kinerja:realisasi_decide", args=[o.realisasi.pk]),
        [302, 403, 302, 403, 403, 403, 404],
    ),
    _case("export", "get", lambda o: reverse("kinerja:export"), OWN),
    _case(
        "unit_export",
        "get",
        lambda o: reverse("kinerja:unit_export"),
        [302, 403, 403, 200, 200, 200, 403],
    ),
]


@permission_table(CASES)
def test_view_answers_each_role_as_the_table_says(
    objects, client, case, role, user_for
):
    response = request_as(client, case, user_for(objects.org), case.url(objects))

    assert response.status_code == case.expected[role]


def test_the_table_covers_every_kinerja_view():
    assert {pattern.name for pattern in urlpatterns} == {case.name for case in CASES}
