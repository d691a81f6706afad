"""Every role × every organisasi view: the answer each must get."""

import pytest
from django.urls import reverse

from conftest import ROLE_USERS, ViewCase, permission_table, request_as
from organisasi import permissions
from organisasi.models import PenerbitanAkun, Pengguna
from organisasi.tests.factories import KebutuhanFactory, skm_survei

pytestmark = pytest.mark.django_db

ROLES = list(ROLE_USERS)


def user_for(org, role):
    return ROLE_USERS[role](org)


# (name, method, url builder, expected status per role in ROLES order)
# 200 = allowed, 302 = redirected (login or after a successful POST), 403 = read-only, 404 = hidden.
CASES = [
    (
        "pegawai_list",
        "get",
        lambda o: reverse("organisasi:pegawai_list"),
        [302, 200, 200, 200, 200, 200, 200],
    ),
    (
        "pegawai_detail same OPD",
        "get",
        lambda o: reverse("organisasi:pegawai_detail", args=[o.staf2.pk]),
        [302, 200, 200, 200, 200, 200, 404],
    ),
    (
        "pegawai_detail other OPD",
        "get",
        lambda o: reverse("organisasi:pegawai_detail", args=[o.kepala_b.pk]),
        [302, 404, 404, 404, 200, 200, 200],
    ),
    (
        "pegawai_create",
        "get",
        lambda o: reverse("organisasi:pegawai_create"),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "pegawai_update",
        "get",
        lambda o: reverse("organisasi:pegawai_update", args=[o.staf2.pk]),
        [302, 403, 403, 403, 200, 403, 404],
    ),
    (
        "pegawai_atasan",
        "get",
        lambda o: reverse("organisasi:pegawai_atasan", args=[o.staf2.pk]),
        [302, 403, 403, 200, 200, 403, 404],
    ),
    (
        "pegawai_deactivate",
        "post",
        lambda o: reverse("organisasi:pegawai_deactivate", args=[o.staf2.pk]),
        [302, 403, 403, 403, 302, 403, 404],
    ),
    (
        "unit_list",
        "get",
        lambda o: reverse("organisasi:unit_list"),
        [302, 200, 200, 200, 200, 200, 200],
    ),
    (
        "unit_detail",
        "get",
        lambda o: reverse("organisasi:unit_detail", args=[o.seksi_a.pk]),
        [302, 200, 200, 200, 200, 200, 200],
    ),
    (
        "unit_create",
        "get",
        lambda o: reverse("organisasi:unit_create"),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "unit_update",
        "get",
        lambda o: reverse("organisasi:unit_update", args=[o.seksi_a.pk]),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "jabatan_list",
        "get",
        lambda o: reverse("organisasi:jabatan_list"),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "jabatan_create",
        "get",
        lambda o: reverse("organisasi:jabatan_create"),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "jabatan_update",
        "get",
        lambda o: reverse("organisasi:jabatan_update", args=[o.staf.jabatan_id]),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "akun_issue",
        "get",
        lambda o: reverse("organisasi:akun_issue"),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "password_change",
        "get",
        lambda o: reverse("password_change"),
        [302, 200, 200, 200, 200, 200, 200],
    ),
    # A read-only user posting a change gets 403 too (200 here: the allowed user's empty form is refused).
    (
        "unit_create post",
        "post",
        lambda o: reverse("organisasi:unit_create"),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "unit_update post",
        "post",
        lambda o: reverse("organisasi:unit_update", args=[o.seksi_a.pk]),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "jabatan_create post",
        "post",
        lambda o: reverse("organisasi:jabatan_create"),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "jabatan_update post",
        "post",
        lambda o: reverse("organisasi:jabatan_update", args=[o.staf.jabatan_id]),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "pegawai_create post",
        "post",
        lambda o: reverse("organisasi:pegawai_create"),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "pegawai_update post",
        "post",
        lambda o: reverse("organisasi:pegawai_update", args=[o.staf2.pk]),
        [302, 403, 403, 403, 200, 403, 404],
    ),
    (
        "akun_issue post",
        "post",
        lambda o: reverse("organisasi:akun_issue"),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    # A job is its issuer's (the admin here); anyone else who may issue accounts would get 404.
    (
        "akun_job",
        "get",
        lambda o: reverse("organisasi:akun_job", args=[_job(o).pk]),
        [302, 403, 403, 403, 200, 403, 403],
    ),
    (
        "akun_download",
        "post",
        lambda o: reverse("organisasi:akun_download", args=[_job(o).pk]),
        [302, 403, 403, 403, 302, 403, 403],
    ),
]


def _job(o):
    return PenerbitanAkun.objects.create(unit=o.opd_a, diminta_oleh=o.admin.akun)


TABLE = [
    ViewCase(name, method, url, dict(zip(ROLES, expected, strict=True)))
    for name, method, url, expected in CASES
]


@permission_table(TABLE)
def test_view_answers_each_role_as_the_table_says(org, client, case, role, user_for):
    response = request_as(client, case, user_for(org), case.url(org))

    assert response.status_code == case.expected[role]


def _pengelola_opd_lain(o):
    """The kepala of OPD B made pengelola of OPD B: manages the surveys and needs of another OPD."""
    account = o.kepala_b.akun
    account.peran, account.opd_dikelola = Pengguna.Peran.PENGELOLA_OPD, o.opd_b
    account.save()
    return account


def _survei_url(name, kind):
    def url(o):
        survei = skm_survei(unit=o.bidang_a)
        objects = {
            "survei": [survei.pk],
            "pertanyaan": [survei.pk, survei.pertanyaan_set.first().pk],
            "kebutuhan": [KebutuhanFactory(unit=o.seksi_a).pk],
            None: [],
        }
        return reverse(f"organisasi:{name}", args=objects[kind])

    return url


SURVEI_ROLES = {**ROLE_USERS, "pengelola_opd_lain": _pengelola_opd_lain}
SURVEI_COLUMNS = [
    "admin",
    "pimpinan",
    "pengelola",
    "staf",
    "staf_opd_lain",
    "pengelola_opd_lain",
]

# Surveys and needs: (url name, kind of object in the URL, method, expected status per role in SURVEI_COLUMNS order)
SURVEI_CASES = [
    ("survei_list", None, "get", (200, 200, 200, 403, 403, 200)),
    ("survei_create", None, "get", (200, 403, 200, 403, 403, 200)),
    ("survei_detail", "survei", "get", (200, 200, 200, 404, 404, 404)),
    ("survei_update", "survei", "get", (200, 403, 200, 404, 404, 404)),
    ("pertanyaan_create", "survei", "post", (200, 403, 200, 404, 404, 404)),
    ("pertanyaan_update", "pertanyaan", "get", (200, 403, 200, 404, 404, 404)),
    ("pertanyaan_delete", "pertanyaan", "post", (302, 403, 302, 404, 404, 404)),
    ("survei_hasil", "survei", "get", (200, 200, 200, 404, 404, 404)),
    ("survei_laporan", "survei", "get", (200, 200, 200, 404, 404, 404)),
    ("survei_export", "survei", "get", (200, 200, 200, 404, 404, 404)),
    ("survei_import", "survei", "get", (200, 403, 200, 404, 404, 404)),
    ("survei_import_template", "survei", "get", (200, 403, 200, 404, 404, 404)),
    ("kebutuhan_list", None, "get", (200, 200, 200, 200, 200, 200)),
    ("kebutuhan_create", None, "get", (200, 403, 200, 403, 403, 200)),
    ("kebutuhan_detail", "kebutuhan", "get", (200, 200, 200, 200, 404, 404)),
    ("kebutuhan_update", "kebutuhan", "get", (200, 403, 200, 403, 404, 404)),
    ("kebutuhan_status", "kebutuhan", "post", (302, 403, 302, 403, 404, 404)),
    # A read-only user posting a change gets 403 too (200 here: the allowed user's empty form is refused).
    ("survei_create", None, "post", (200, 403, 200, 403, 403, 200)),
    ("survei_update", "survei", "post", (200, 403, 200, 404, 404, 404)),
    ("pertanyaan_update", "pertanyaan", "post", (200, 403, 200, 404, 404, 404)),
    ("survei_import", "survei", "post", (200, 403, 200, 404, 404, 404)),
    ("kebutuhan_create", None, "post", (200, 403, 200, 403, 403, 200)),
    ("kebutuhan_update", "kebutuhan", "post", (200, 403, 200, 403, 404, 404)),
]
SURVEI_TABLE = [
    ViewCase(
        name
        if (name, "get") not in {(n, m) for n, _, m, _ in SURVEI_CASES}
        or method == "get"
        else f"{name} {method}",
        method,
        _survei_url(name, kind),
        dict(zip(SURVEI_COLUMNS, expected, strict=True)),
        data={"status": "ditindaklanjuti"} if name == "kebutuhan_status" else None,
    )
    for name, kind, method, expected in SURVEI_CASES
]


@permission_table(SURVEI_TABLE, roles=SURVEI_ROLES)
def test_survey_and_need_views_follow_the_permission_table(
    org, client, case, role, user_for
):
    response = request_as(client, case, user_for(org), case.url(org))

    assert response.status_code == case.expected[role]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("staf", ["pegawai"]),
        ("atasan", ["pegawai", "atasan"]),
        ("pengelola", ["pegawai", "pengelola_opd"]),
        ("admin", ["pegawai", "admin_bkpsdm"]),
        ("pimpinan", ["pimpinan"]),
    ],
)
def test_roles_are_derived_for_each_kind_of_user(org, role, expected):
    assert permissions.roles(user_for(org, role)) == expected


@pytest.mark.parametrize(
    ("viewer", "expected"),
    [
        ("staf", True),
        ("atasan", True),
        ("pengelola", True),
        ("admin", True),
        ("pimpinan", True),
        ("staf_opd_lain", False),
    ],
)
def test_private_profile_data_is_for_self_atasan_pengelola_and_city(
    org, viewer, expected
):
    assert (
        permissions.can_view_pegawai_private(user_for(org, viewer), org.staf)
        is expected
    )


def test_colleague_in_the_same_opd_does_not_see_private_data(org):
    assert permissions.can_view_pegawai_private(org.staf2.akun, org.staf) is False


def test_anonymous_user_sees_nothing():
    from django.contrib.auth.models import AnonymousUser

    from organisasi.models import Pegawai

    assert list(Pegawai.objects.visible_to(AnonymousUser())) == []


def test_atasan_in_another_opd_sees_the_subordinate_and_is_seen(org):
    from organisasi.models import Pegawai, Pengguna

    Pegawai.objects.filter(pk=org.kepala_b.pk).update(
        atasan=org.kepala, atasan_manual=True
    )
    atasan, bawahan = (
        Pengguna.objects.get(pk=org.kepala.akun_id),
        Pengguna.objects.get(pk=org.kepala_b.akun_id),
    )

    seen_by_atasan = set(Pegawai.objects.visible_to(atasan).filter(pk=org.kepala_b.pk))
    seen_by_bawahan = set(Pegawai.objects.visible_to(bawahan).filter(pk=org.kepala.pk))

    assert (seen_by_atasan, seen_by_bawahan) == ({org.kepala_b}, {org.kepala})
