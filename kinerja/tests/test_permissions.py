"""Who may do what to kinerja's objects: the predicates, then every view × role (the table)."""

import datetime

import pytest

from kinerja import permissions
from kinerja.models import Aktivitas, BuktiDukung, Status
from kinerja.tests.factories import AktivitasFactory, BuktiDukungFactory

pytestmark = pytest.mark.django_db

ROLES = ["staf", "kasi", "kabid", "staf2", "staf_b", "pengelola", "admin", "pimpinan"]


def _user(org, role):
    return org.pimpinan if role == "pimpinan" else getattr(org, role).akun


def _today_entry(kin, **extra):
    return AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.today, **extra)


@pytest.mark.parametrize(("role", "sees", "edits", "decides"), [
    ("staf", True, True, False),
    ("kasi", True, False, False),
    ("kabid", True, False, False),
    ("staf2", False, False, False),
    ("staf_b", False, False, False),
    ("pengelola", True, False, False),
    ("admin", True, False, False),
    ("pimpinan", True, False, False),
])
def test_a_draft_activity_of_the_staf_by_role(kin, role, sees, edits, decides):
    aktivitas = _today_entry(kin)
    user = _user(kin.org, role)

    assert Aktivitas.objects.visible_to(user).filter(pk=aktivitas.pk).exists() is sees
    assert permissions.can_edit_aktivitas(user, aktivitas) is edits
    assert permissions.can_decide_aktivitas(user, aktivitas) is decides


@pytest.mark.parametrize(("role", "edits", "decides"), [
    ("staf", False, False), ("kasi", False, True), ("kabid", False, False), ("admin", False, False),
])
def test_a_submitted_activity_is_decided_by_the_direct_atasan_only(kin, role, edits, decides):
    aktivitas = _today_entry(kin, diajukan=True)
    user = _user(kin.org, role)

    assert permissions.can_edit_aktivitas(user, aktivitas) is edits
    assert permissions.can_decide_aktivitas(user, aktivitas) is decides


@pytest.mark.parametrize("status", [Status.DIAJUKAN, Status.DISETUJUI])
def test_the_owner_does_not_edit_a_submitted_or_approved_activity(kin, status):
    assert permissions.can_edit_aktivitas(kin.org.staf.akun, _today_entry(kin, status=status)) is False


def test_the_owner_edits_a_returned_activity(kin):
    assert permissions.can_edit_aktivitas(kin.org.staf.akun, _today_entry(kin, status=Status.DIKEMBALIKAN)) is True


def test_an_activity_of_a_locked_month_is_not_edited(kin):
    old = AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.today.replace(day=1) - datetime.timedelta(days=40))

    assert permissions.can_edit_aktivitas(kin.org.staf.akun, old) is False


def test_tomorrows_draft_is_edited_but_not_submitted(kin):
    tomorrow = AktivitasFactory(pegawai=kin.org.staf, rhk=kin.rhk, tanggal=kin.today + datetime.timedelta(days=1))
    user = kin.org.staf.akun

    assert (permissions.can_edit_aktivitas(user, tomorrow), permissions.can_submit_aktivitas(user, tomorrow)) == (True, False)


@pytest.mark.parametrize(("role", "sees"), [
    ("staf", True), ("kasi", True), ("kabid", True), ("staf2", False), ("staf_b", False), ("pengelola", True),
    ("admin", True), ("pimpinan", True),
])
def test_evidence_is_seen_by_whoever_sees_its_activity(kin, role, sees):
    bukti = BuktiDukungFactory(aktivitas=_today_entry(kin))

    assert BuktiDukung.objects.visible_to(_user(kin.org, role)).filter(pk=bukti.pk).exists() is sees


@pytest.mark.parametrize(("role", "reads"), [
    ("staf", True), ("kasi", True), ("kabid", True), ("staf2", False), ("staf_b", False), ("pengelola", True),
    ("admin", True), ("pimpinan", True),
])
def test_the_kinerja_pages_of_the_staf_are_for_the_same_people(kin, role, reads):
    assert permissions.can_view_kinerja_of(_user(kin.org, role), kin.org.staf) is reads


@pytest.mark.parametrize(("role", "opens"), [
    ("staf", False), ("kasi", False), ("pengelola", True), ("admin", True), ("pimpinan", True)])
def test_the_unit_export_is_for_pengelola_bkpsdm_and_pimpinan(kin, role, opens):
    assert permissions.can_open_unit_export(_user(kin.org, role)) is opens


def test_a_pengelola_exports_only_the_units_of_their_opd(kin):
    user = kin.org.pengelola.akun

    assert (permissions.can_export_unit(user, kin.org.seksi_a), permissions.can_export_unit(user, kin.org.opd_b)) == (
        True, False)
