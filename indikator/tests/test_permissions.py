"""Who may do what to indikator's objects: every view × every role (the table), then the predicates."""

from types import SimpleNamespace

import pytest
from django.urls import get_resolver, reverse

from conftest import ROLE_USERS, ViewCase, permission_table, request_as
from indikator import permissions
from indikator.models import IndikatorKinerja, Skp
from indikator.tests.factories import (
    IndikatorKinerjaFactory,
    IndikatorKinerjaIndividuFactory,
    RencanaHasilKerjaFactory,
    SasaranStrategisFactory,
    skp_for,
)
from organisasi.tests.factories import JabatanFactory

pytestmark = pytest.mark.django_db

# The shared roles, plus the atasan's own atasan (reads down the chain) and a colleague of the staf.
ROLES = {**ROLE_USERS, "kabid": lambda o: o.kabid.akun, "rekan": lambda o: o.staf2.akun}
ORDER = [
    "anonim",
    "staf",
    "atasan",
    "kabid",
    "rekan",
    "pengelola",
    "admin",
    "pimpinan",
    "staf_opd_lain",
]


@pytest.fixture
def world(org, chain, staf_draft):
    """Everything the views act on, seen from the staf (owner), the kasi (penilai) and the others.

    staf_draft: the staf's draft, penilai kasi. diajukan: the rekan's SKP waiting for the kasi.
    lama: the staf's 2025 draft of a former jabatan (the owner may delete it). chain.skp_kasi:
    the kasi's approved SKP (reopen, matriks).
    """
    diajukan = skp_for(org.staf2, status=Skp.Status.DIAJUKAN)
    IndikatorKinerjaIndividuFactory(
        rhk=RencanaHasilKerjaFactory(skp=diajukan, rhk_atasan=chain.rhk_kasi)
    )
    lama = skp_for(org.staf, tahun=2025)
    Skp.objects.filter(pk=lama.pk).update(jabatan=JabatanFactory(unit=org.seksi_a))
    rhk = staf_draft.rencanahasilkerja_set.get()
    return SimpleNamespace(
        org=org,
        chain=chain,
        skp=staf_draft,
        rhk=rhk,
        iki=rhk.indikatorkinerjaindividu_set.get(),
        diajukan=diajukan,
        lama=lama,
    )


def _url(name, obj=None):
    return lambda w: reverse(f"indikator:{name}", args=[obj(w).pk] if obj else [])


def skp(w):
    return w.skp


# Statuses in ORDER. 200 = allowed, 302 = login redirect (anonim) or done and redirected,
# 403 = sees it but may not do it, 404 = does not see it.
EVERYONE = [302, 200, 200, 200, 200, 200, 200, 200, 200]
PEGAWAI = [
    302,
    200,
    200,
    200,
    200,
    200,
    200,
    403,
    200,
]  # pimpinan has no Pegawai record
STAF_SKP_READ = [302, 200, 200, 200, 404, 200, 200, 200, 404]
OPD_A_READ = [302, 200, 200, 200, 200, 200, 200, 200, 404]


def owner_only(ok):
    """The staf's own SKP and its parts: the owner changes them, the readers get 403, others 404."""
    return [302, ok, 403, 403, 404, 403, 403, 403, 404]


def unit_managers(ok):
    """Unit-level data of OPD A: its pengelola and BKPSDM change it; readers 403, OPD B 404."""
    return [302, 403, 403, 403, 403, ok, ok, 403, 404]


def indikator_managers(ok):
    """Pages not about one object (add, import): pengelola and BKPSDM."""
    return [302, 403, 403, 403, 403, ok, ok, 403, 403]


def bkpsdm(ok):
    return [302, 403, 403, 403, 403, 403, ok, 403, 403]


SKP_FORM = {
    "pendekatan": "kuantitatif",
    "dukungan_sumber_daya": "",
    "skema_pertanggungjawaban": "",
    "konsekuensi": "",
}
IKI_FORM = {
    "aspek": "kuantitas",
    "uraian": "Jumlah laporan",
    "target": "5",
    "satuan": "laporan",
    "polaritas": "naik",
}

CASES = [
    ("skp_list", "get", _url("skp_list"), PEGAWAI, None),
    (
        "skp_create",
        "post",
        _url("skp_create"),
        [302, 302, 302, 302, 302, 302, 302, 403, 302],
        {"pendekatan": "x"},
    ),
    ("skp_bawahan", "get", _url("skp_bawahan"), PEGAWAI, None),
    ("skp_detail", "get", _url("skp_detail", skp), STAF_SKP_READ, None),
    ("skp_update get", "get", _url("skp_update", skp), owner_only(200), None),
    ("skp_update post", "post", _url("skp_update", skp), owner_only(302), SKP_FORM),
    ("rhk_create get", "get", _url("rhk_create", skp), owner_only(200), None),
    (
        "rhk_create post",
        "post",
        _url("rhk_create", skp),
        owner_only(302),
        {"jenis": "tambahan", "uraian": "RHK baru"},
    ),
    (
        "rhk_update get",
        "get",
        _url("rhk_update", lambda w: w.rhk),
        owner_only(200),
        None,
    ),
    (
        "rhk_update post",
        "post",
        _url("rhk_update", lambda w: w.rhk),
        owner_only(302),
        {"jenis": "tambahan", "uraian": "X"},
    ),
    ("rhk_delete", "post", _url("rhk_delete", lambda w: w.rhk), owner_only(302), None),
    (
        "iki_create get",
        "get",
        _url("iki_create", lambda w: w.rhk),
        owner_only(200),
        None,
    ),
    (
        "iki_create post",
        "post",
        _url("iki_create", lambda w: w.rhk),
        owner_only(302),
        IKI_FORM,
    ),
    (
        "iki_update get",
        "get",
        _url("iki_update", lambda w: w.iki),
        owner_only(200),
        None,
    ),
    (
        "iki_update post",
        "post",
        _url("iki_update", lambda w: w.iki),
        owner_only(302),
        IKI_FORM,
    ),
    ("iki_delete", "post", _url("iki_delete", lambda w: w.iki), owner_only(302), None),
    ("skp_submit", "post", _url("skp_submit", skp), owner_only(302), None),
    (
        "skp_approve",
        "post",
        _url("skp_approve", lambda w: w.diajukan),
        [302, 404, 302, 403, 403, 403, 403, 403, 404],
        None,
    ),
    (
        "skp_return",
        "post",
        _url("skp_return", lambda w: w.diajukan),
        [302, 404, 302, 403, 403, 403, 403, 403, 404],
        {"alasan": "Tambah aspek waktu"},
    ),
    (
        "skp_reopen",
        "post",
        _url("skp_reopen", lambda w: w.chain.skp_kasi),
        [302, 404, 403, 403, 404, 403, 302, 403, 404],
        {"alasan": "Salah target"},
    ),
    (
        "skp_request_revision",
        "post",
        _url("skp_request_revision", lambda w: w.chain.skp_kasi),
        [302, 404, 403, 200, 404, 403, 403, 403, 404],
        {"alasan": "RHK kabid berubah"},
    ),
    ("skp_delete", "post", _url("skp_delete", lambda w: w.lama), owner_only(302), None),
    ("skp_copy_forward", "post", _url("skp_copy_forward", skp), owner_only(302), None),
    (
        "ekspektasi_update get",
        "get",
        _url("ekspektasi_update", skp),
        [302, 403, 200, 403, 404, 403, 403, 403, 404],
        None,
    ),
    (
        "ekspektasi_update post",
        "post",
        _url("ekspektasi_update", skp),
        [302, 403, 302, 403, 404, 403, 403, 403, 404],
        {"simpan": "1"},
    ),
    (
        "matriks get",
        "get",
        _url("matriks", lambda w: w.chain.skp_kasi),
        [302, 404, 200, 403, 404, 403, 403, 403, 404],
        None,
    ),
    (
        "matriks post",
        "post",
        _url("matriks", lambda w: w.chain.skp_kasi),
        [302, 404, 302, 403, 404, 403, 403, 403, 404],
        {"dorong": ""},
    ),
    ("skp_pdf", "get", _url("skp_pdf", skp), STAF_SKP_READ, None),
    ("skp_export", "get", _url("skp_export", skp), STAF_SKP_READ, None),
    ("skp_import get", "get", _url("skp_import", skp), owner_only(200), None),
    ("skp_import post", "post", _url("skp_import", skp), owner_only(200), None),
    ("indikator_list", "get", _url("indikator_list"), EVERYONE, None),
    (
        "indikator_create get",
        "get",
        _url("indikator_create"),
        indikator_managers(200),
        None,
    ),
    (
        "indikator_create post",
        "post",
        _url("indikator_create"),
        indikator_managers(200),
        {"kode": ""},
    ),
    (
        "sasaran_create get",
        "get",
        _url("sasaran_create"),
        indikator_managers(200),
        None,
    ),
    (
        "sasaran_create post",
        "post",
        _url("sasaran_create"),
        indikator_managers(200),
        {"kode": ""},
    ),
    (
        "indikator_import get",
        "get",
        _url("indikator_import"),
        indikator_managers(200),
        None,
    ),
    (
        "indikator_import post",
        "post",
        _url("indikator_import"),
        indikator_managers(200),
        None,
    ),
    ("indikator_export", "get", _url("indikator_export"), EVERYONE, None),
    (
        "indikator_detail",
        "get",
        _url("indikator_detail", lambda w: w.chain.indikator),
        OPD_A_READ,
        None,
    ),
    (
        "indikator_update get",
        "get",
        _url("indikator_update", lambda w: w.chain.indikator),
        unit_managers(200),
        None,
    ),
    (
        "indikator_update post",
        "post",
        _url("indikator_update", lambda w: w.chain.indikator),
        unit_managers(200),
        {"kode": ""},
    ),
    (
        "realisasi_save get",
        "get",
        _url("realisasi_save", lambda w: w.chain.indikator),
        unit_managers(200),
        None,
    ),
    (
        "realisasi_save post",
        "post",
        _url("realisasi_save", lambda w: w.chain.indikator),
        unit_managers(200),
        {"nilai": ""},
    ),
    ("periode_list", "get", _url("periode_list"), EVERYONE, None),
    ("periode_create get", "get", _url("periode_create"), bkpsdm(200), None),
    ("periode_create post", "post", _url("periode_create"), bkpsdm(200), {"tahun": ""}),
    (
        "periode_detail",
        "get",
        _url("periode_detail", lambda w: w.chain.periode),
        EVERYONE,
        None,
    ),
    (
        "periode_update get",
        "get",
        _url("periode_update", lambda w: w.chain.periode),
        bkpsdm(200),
        None,
    ),
    (
        "periode_update post",
        "post",
        _url("periode_update", lambda w: w.chain.periode),
        bkpsdm(200),
        {"skema": ""},
    ),
    (
        "periode_lock",
        "post",
        _url("periode_lock", lambda w: w.chain.periode),
        bkpsdm(302),
        {"terkunci": "1"},
    ),
]

TABLE = [
    ViewCase(name, method, url, dict(zip(ORDER, expected, strict=True)), data)
    for name, method, url, expected, data in CASES
]


@permission_table(TABLE, roles=ROLES)
def test_view_answers_each_role_as_the_table_says(client, world, case, role, user_for):
    response = request_as(client, case, user_for(world.org), case.url(world))

    assert response.status_code == case.expected[role]


def test_the_table_covers_every_indikator_url():
    indikator_urls = next(
        p
        for p in get_resolver().url_patterns
        if getattr(p, "namespace", None) == "indikator"
    )

    assert {case.name.split()[0] for case in TABLE} == {
        p.name for p in indikator_urls.url_patterns
    }


def _user(org, role):
    return org.pimpinan if role == "pimpinan" else getattr(org, role).akun


@pytest.mark.parametrize(
    "role, sees, edits, approves, reopens",
    [
        ("staf", True, True, False, False),
        ("kasi", True, False, False, False),
        ("kabid", True, False, False, False),
        ("staf2", False, False, False, False),
        ("staf_b", False, False, False, False),
        ("pengelola", True, False, False, False),
        ("admin", True, False, False, False),
        ("pimpinan", True, False, False, False),
    ],
)
def test_draft_skp_of_staf_by_role(
    org, staf_draft, role, sees, edits, approves, reopens
):
    user = _user(org, role)

    assert Skp.objects.visible_to(user).filter(pk=staf_draft.pk).exists() is sees
    assert permissions.can_edit_skp(user, staf_draft) is edits
    assert permissions.can_approve_skp(user, staf_draft) is approves
    assert permissions.can_reopen_skp(user, staf_draft) is reopens


@pytest.mark.parametrize(
    "role, edits, approves",
    [
        ("staf", False, False),
        ("kasi", False, True),
        ("kabid", False, False),
        ("admin", False, False),
    ],
)
def test_submitted_skp_of_staf_by_role(org, staf_draft, role, edits, approves):
    Skp.objects.filter(pk=staf_draft.pk).update(status=Skp.Status.DIAJUKAN)
    staf_draft.refresh_from_db()
    user = _user(org, role)

    assert permissions.can_edit_skp(user, staf_draft) is edits
    assert permissions.can_approve_skp(user, staf_draft) is approves


@pytest.mark.parametrize(
    "role, reopens",
    [("staf", False), ("kasi", False), ("admin", True), ("pimpinan", False)],
)
def test_approved_skp_is_reopened_only_by_bkpsdm(org, chain, role, reopens):
    assert permissions.can_reopen_skp(_user(org, role), chain.skp_kasi) is reopens


def test_skp_in_a_locked_year_is_not_editable_by_its_owner(org, staf_draft):
    staf_draft.periode.terkunci = True
    staf_draft.periode.save()

    assert permissions.can_edit_skp(org.staf.akun, staf_draft) is False


@pytest.mark.parametrize(
    "role, edits",
    [
        ("pengelola", True),
        ("admin", True),
        ("staf", False),
        ("kasi", False),
        ("pimpinan", False),
        ("staf_b", False),
    ],
)
def test_unit_indikator_of_opd_a_is_edited_by_its_pengelola_and_bkpsdm(
    org, role, edits
):
    indikator = IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.bidang_a)
    )

    assert permissions.can_edit_indikator(_user(org, role), indikator) is edits


def test_unit_indikator_is_read_by_the_pegawai_of_its_opd_only(org):
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))

    assert list(IndikatorKinerja.objects.visible_to(org.staf.akun)) == [indikator]
    assert list(IndikatorKinerja.objects.visible_to(org.staf_b.akun)) == []


def test_matriks_belongs_to_the_skp_owner_only_when_they_have_subordinates(
    org, chain, staf_draft
):
    assert permissions.can_fill_matriks(org.kasi.akun, chain.skp_kasi) is True
    assert permissions.can_fill_matriks(org.kabid.akun, chain.skp_kasi) is False
    assert permissions.can_fill_matriks(org.staf.akun, staf_draft) is False
