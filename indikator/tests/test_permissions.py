import pytest

from indikator import permissions
from indikator.models import IndikatorKinerja, Skp
from indikator.tests.factories import IndikatorKinerjaFactory, SasaranStrategisFactory

pytestmark = pytest.mark.django_db

ROLES = ["staf", "kasi", "kabid", "staf2", "staf_b", "pengelola", "admin", "pimpinan"]


def _user(org, role):
    return org.pimpinan if role == "pimpinan" else getattr(org, role).akun


@pytest.mark.parametrize("role, sees, edits, approves, reopens", [
    ("staf", True, True, False, False),
    ("kasi", True, False, False, False),
    ("kabid", True, False, False, False),
    ("staf2", False, False, False, False),
    ("staf_b", False, False, False, False),
    ("pengelola", True, False, False, False),
    ("admin", True, False, False, False),
    ("pimpinan", True, False, False, False),
])
def test_draft_skp_of_staf_by_role(org, staf_draft, role, sees, edits, approves, reopens):
    user = _user(org, role)

    assert Skp.objects.visible_to(user).filter(pk=staf_draft.pk).exists() is sees
    assert permissions.can_edit_skp(user, staf_draft) is edits
    assert permissions.can_approve_skp(user, staf_draft) is approves
    assert permissions.can_reopen_skp(user, staf_draft) is reopens


@pytest.mark.parametrize("role, edits, approves", [
    ("staf", False, False), ("kasi", False, True), ("kabid", False, False), ("admin", False, False),
])
def test_submitted_skp_of_staf_by_role(org, staf_draft, role, edits, approves):
    Skp.objects.filter(pk=staf_draft.pk).update(status=Skp.Status.DIAJUKAN)
    staf_draft.refresh_from_db()
    user = _user(org, role)

    assert permissions.can_edit_skp(user, staf_draft) is edits
    assert permissions.can_approve_skp(user, staf_draft) is approves


@pytest.mark.parametrize("role, reopens", [("staf", False), ("kasi", False), ("admin", True), ("pimpinan", False)])
def test_approved_skp_is_reopened_only_by_bkpsdm(org, chain, role, reopens):
    assert permissions.can_reopen_skp(_user(org, role), chain.skp_kasi) is reopens


def test_skp_in_a_locked_year_is_not_editable_by_its_owner(org, staf_draft):
    staf_draft.periode.terkunci = True
    staf_draft.periode.save()

    assert permissions.can_edit_skp(org.staf.akun, staf_draft) is False


@pytest.mark.parametrize("role, edits", [
    ("pengelola", True), ("admin", True), ("staf", False), ("kasi", False), ("pimpinan", False), ("staf_b", False),
])
def test_unit_indikator_of_opd_a_is_edited_by_its_pengelola_and_bkpsdm(org, role, edits):
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.bidang_a))

    assert permissions.can_edit_indikator(_user(org, role), indikator) is edits


def test_unit_indikator_is_read_by_the_pegawai_of_its_opd_only(org):
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))

    assert list(IndikatorKinerja.objects.visible_to(org.staf.akun)) == [indikator]
    assert list(IndikatorKinerja.objects.visible_to(org.staf_b.akun)) == []


def test_matriks_belongs_to_the_skp_owner_only_when_they_have_subordinates(org, chain, staf_draft):
    assert permissions.can_fill_matriks(org.kasi.akun, chain.skp_kasi) is True
    assert permissions.can_fill_matriks(org.kabid.akun, chain.skp_kasi) is False
    assert permissions.can_fill_matriks(org.staf.akun, staf_draft) is False
