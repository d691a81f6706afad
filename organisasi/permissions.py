"""The one module that decides who may see and change what.

Roles: every ASN with a Pegawai record is a *pegawai*; one with active subordinates is
also an *atasan* (derived, never stored); the account's `peran` adds one duty: pengelola
kinerja of one OPD, admin BKPSDM (the whole city) or pimpinan (read-only, the whole city).
Superusers count as admin BKPSDM. Views and templates only ask this module.

Hidden objects answer 404 (their existence is not revealed); visible but read-only
objects answer 403 on a write.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

PEGAWAI = "pegawai"
ATASAN = "atasan"
PENGELOLA_OPD = "pengelola_opd"
ADMIN_BKPSDM = "admin_bkpsdm"
PIMPINAN = "pimpinan"

ROLE_LABELS = {
    PEGAWAI: "Pegawai",
    ATASAN: "Atasan",
    PENGELOLA_OPD: "Pengelola Kinerja OPD",
    ADMIN_BKPSDM: "Admin BKPSDM",
    PIMPINAN: "Pimpinan",
}

# --- who the user is --------------------------------------------------------


def pegawai_of(user):
    """The user's Pegawai record, or None for accounts that are not ASN (e.g. a data maintainer)."""
    if not user.is_authenticated:
        return None
    try:
        return user.pegawai
    except AttributeError:  # RelatedObjectDoesNotExist is an AttributeError
        return None


def is_admin_bkpsdm(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_superuser or user.peran == ADMIN_BKPSDM)


def is_pimpinan(user) -> bool:
    return user.is_authenticated and user.peran == PIMPINAN


def is_pengelola(user) -> bool:
    return user.is_authenticated and user.peran == PENGELOLA_OPD and user.opd_dikelola_id is not None


def is_atasan(user) -> bool:
    """Derived: the user's Pegawai has at least one active subordinate (cached per request)."""
    if not hasattr(user, "_is_atasan"):
        pegawai = pegawai_of(user)
        user._is_atasan = bool(pegawai) and pegawai.bawahan.filter(aktif=True).exists()
    return user._is_atasan


def reads_whole_city(user) -> bool:
    return is_admin_bkpsdm(user) or is_pimpinan(user)


def roles(user) -> list[str]:
    """Every role the user holds, in the order the home page shows them."""
    found = []
    if pegawai_of(user):
        found.append(PEGAWAI)
    if is_atasan(user):
        found.append(ATASAN)
    if is_pengelola(user):
        found.append(PENGELOLA_OPD)
    if is_admin_bkpsdm(user):
        found.append(ADMIN_BKPSDM)
    if is_pimpinan(user):
        found.append(PIMPINAN)
    return found


def _managed_opd_path(user) -> str:
    if not hasattr(user, "_opd_path"):
        user._opd_path = user.opd_dikelola.path
    return user._opd_path


# --- lists ------------------------------------------------------------------


class UnitScopedQuerySet(models.QuerySet):
    """Base QuerySet of every model that belongs to a UnitKerja; lists start from visible_to().

    Subclasses say where the unit is (`unit_field`, "" when the row is a unit) and what a
    plain pegawai may see (`pegawai_scope`): "all", "opd" (their own OPD) or "unit" (their
    own unit and the units above it).
    """

    unit_field = "unit"
    pegawai_scope = "opd"

    def _unit_lookup(self, lookup):
        return f"{self.unit_field}__{lookup}" if self.unit_field else lookup

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if reads_whole_city(user) or self.pegawai_scope == "all":
            return self
        condition = Q(pk__in=[])
        if is_pengelola(user):
            condition |= Q(**{self._unit_lookup("path__startswith"): _managed_opd_path(user)})
        pegawai = pegawai_of(user)
        if pegawai is not None:
            condition |= self._pegawai_condition(pegawai)
        return self.filter(condition)

    def _pegawai_condition(self, pegawai):
        unit = pegawai.unit
        if self.pegawai_scope == "opd" and unit.opd_id:
            return Q(**{self._unit_lookup("opd_id"): unit.opd_id})
        return Q(**{self._unit_lookup("pk__in"): unit.ancestor_ids()})


class PegawaiScopedQuerySet(UnitScopedQuerySet):
    """Pegawai: a pegawai sees their OPD, plus their own atasan and direct subordinates even
    across OPDs (a Kepala Dinas reports to the Sekda of another OPD)."""

    def _pegawai_condition(self, pegawai):
        return super()._pegawai_condition(pegawai) | Q(pk=pegawai.atasan_id) | Q(atasan_id=pegawai.pk)


# --- single objects ---------------------------------------------------------


def can_manage_organisasi(user) -> bool:
    """Units, positions, employees and accounts are master data: only BKPSDM changes them."""
    return is_admin_bkpsdm(user)


_EDIT_RULES = {
    "organisasi.UnitKerja": lambda user, obj: can_manage_organisasi(user),
    "organisasi.Jabatan": lambda user, obj: can_manage_organisasi(user),
    "organisasi.Pegawai": lambda user, obj: can_manage_organisasi(user),
}


def can_edit(user, obj) -> bool:
    """May the user change this object? Unknown kinds of object are never editable."""
    rule = _EDIT_RULES.get(obj._meta.label)
    return bool(rule and user.is_authenticated and rule(user, obj))


def can_manage_unit_data(user, unit) -> bool:
    """Unit-level data (indicators, surveys, needs): BKPSDM for every unit, a pengelola OPD for their OPD."""
    if is_admin_bkpsdm(user):
        return True
    return is_pengelola(user) and unit.path.startswith(_managed_opd_path(user))


def managed_by(queryset, user, unit_field: str = "unit"):
    """Narrow a queryset to the rows whose unit-level data the user manages ("" when the rows are units)."""
    if is_admin_bkpsdm(user):
        return queryset
    if is_pengelola(user):
        lookup = f"{unit_field}__path__startswith" if unit_field else "path__startswith"
        return queryset.filter(**{lookup: _managed_opd_path(user)})
    return queryset.none()


def can_view_pegawai_private(user, pegawai) -> bool:
    """Contact data and account state: the person, their atasan, their OPD's pengelola, BKPSDM."""
    own = pegawai_of(user)
    if own is not None and (own.pk == pegawai.pk or own.pk == pegawai.atasan_id):
        return True
    if is_pengelola(user) and pegawai.unit.path.startswith(_managed_opd_path(user)):
        return True
    return reads_whole_city(user)


def get_for_user(queryset, user, pk, *, edit=False):
    """The one way views fetch a single object: 404 when hidden, 403 when read-only on a write."""
    obj = queryset.visible_to(user).filter(pk=pk).first()
    if obj is None:
        raise Http404("Data tidak ditemukan.")
    if edit and not can_edit(user, obj):
        raise PermissionDenied("Anda tidak berwenang mengubah data ini.")
    return obj


def require(allowed: bool) -> None:
    """Raise 403 unless the predicate allowed it (for pages that are not about one object)."""
    if not allowed:
        raise PermissionDenied("Anda tidak berwenang membuka halaman ini.")


# --- indikator: periods, unit indicators, SKP ---------------------------------
# Personal objects (an SKP and what hangs from it) are seen by the person, everyone up
# their atasan chain, the pengelola of their OPD, BKPSDM and pimpinan.


def subordinate_ids(pegawai) -> set[int]:
    """Ids of every pegawai below this one in the atasan chain (one query per level, cached)."""
    if not hasattr(pegawai, "_subordinate_ids"):
        found, level = set(), {pegawai.pk}
        while level:
            level = set(type(pegawai).objects.filter(atasan_id__in=level).values_list("pk", flat=True)) - found
            found |= level
        pegawai._subordinate_ids = found
    return pegawai._subordinate_ids


class PersonalQuerySet(UnitScopedQuerySet):
    """Base QuerySet of objects that belong to one pegawai (set `pegawai_field`)."""

    pegawai_field = "pegawai"
    unit_field = "pegawai__unit"

    def _pegawai_condition(self, pegawai):
        return Q(**{f"{self.pegawai_field}_id__in": {pegawai.pk} | subordinate_ids(pegawai)})


def can_manage_periode(user) -> bool:
    """Periods, their schemes, deadlines and locks are BKPSDM's."""
    return is_admin_bkpsdm(user)


def can_change_locked_periode(user) -> bool:
    """A locked year or period changes only by BKPSDM (and the service asks for a reason)."""
    return is_admin_bkpsdm(user)


def can_add_indikator(user) -> bool:
    """Pengelola OPD and BKPSDM add unit indicators (and import them)."""
    return is_admin_bkpsdm(user) or is_pengelola(user)


def _skp_is_open_for_change(skp) -> bool:
    return skp.status in skp.EDITABLE_STATUSES and not skp.periode.terkunci


def can_edit_skp(user, skp) -> bool:
    """Only the pegawai edits their own SKP, and only while it is a draft or returned in an open year."""
    own = pegawai_of(user)
    return own is not None and own.pk == skp.pegawai_id and _skp_is_open_for_change(skp)


def can_edit_indikator(user, indikator) -> bool:
    """A unit indicator's manager edits it; in a locked year only BKPSDM (the service asks a reason)."""
    if not can_manage_unit_data(user, indikator.sasaran.unit):
        return False
    return not indikator.is_locked() or can_change_locked_periode(user)


def why_skp_not_editable(user, skp) -> str:
    """Why the user may not change this SKP, in Indonesian; empty when they may."""
    if can_edit_skp(user, skp):
        return ""
    if skp.periode.terkunci:
        return f"Periode {skp.periode.tahun} terkunci; SKP tidak dapat diubah."
    own = pegawai_of(user)
    if own is not None and own.pk == skp.pegawai_id:
        return f"SKP berstatus {skp.get_status_display()} tidak dapat diubah."
    return "Hanya pegawai pemilik SKP yang dapat mengubahnya."


def can_delete_skp(user, skp) -> bool:
    """The pegawai discards a never-approved SKP left from a former jabatan, so a new one can be made."""
    own = pegawai_of(user)
    return can_edit_skp(user, skp) and skp.jabatan_id != own.jabatan_id and skp.disetujui_pada is None


def can_approve_skp(user, skp) -> bool:
    """Only the pejabat penilai named on the SKP approves or returns it, once submitted, in an open year."""
    own = pegawai_of(user)
    return (own is not None and own.pk == skp.penilai_id and skp.status == skp.Status.DIAJUKAN
            and not skp.periode.terkunci)


def can_set_ekspektasi(user, skp) -> bool:
    """The pejabat penilai writes the ekspektasi khusus pimpinan until the SKP is approved, in an open year."""
    own = pegawai_of(user)
    return (own is not None and own.pk == skp.penilai_id and skp.status != skp.Status.DISETUJUI
            and not skp.periode.terkunci)


def can_reopen_skp(user, skp) -> bool:
    """BKPSDM alone reopens an approved SKP (with a recorded reason)."""
    return is_admin_bkpsdm(user) and skp.status == skp.Status.DISETUJUI


def can_fill_matriks(user, skp) -> bool:
    """The matriks peran hasil of an SKP belongs to its owner, when they have subordinates."""
    own = pegawai_of(user)
    return own is not None and own.pk == skp.pegawai_id and is_atasan(user)


_EDIT_RULES.update({
    "indikator.Periode": lambda user, obj: can_manage_periode(user),
    "indikator.SasaranStrategis": lambda user, obj: can_manage_unit_data(user, obj.unit),
    "indikator.IndikatorKinerja": can_edit_indikator,
    "indikator.Skp": can_edit_skp,
    "indikator.RencanaHasilKerja": lambda user, obj: can_edit_skp(user, obj.skp),
    "indikator.IndikatorKinerjaIndividu": lambda user, obj: can_edit_skp(user, obj.rhk.skp),
})


# --- needs analysis: surveys and needs ----------------------------------------
#
# Surveys are management tools: pengelola OPD manage their OPD's surveys, BKPSDM all of
# them, pimpinan read all; a plain pegawai sees none (they only answer internal ones).
# Needs (Kebutuhan) follow the same management rule, and every ASN reads the needs of
# their own unit and the units above it.


class ManagedUnitQuerySet(UnitScopedQuerySet):
    """Rows that only managers see: a plain pegawai sees nothing through visible_to()."""

    def _pegawai_condition(self, pegawai):
        return Q(pk__in=[])


def can_open_survei_list(user) -> bool:
    return is_admin_bkpsdm(user) or is_pimpinan(user) or is_pengelola(user)


def can_create_survei(user) -> bool:
    return is_admin_bkpsdm(user) or is_pengelola(user)


def can_create_kebutuhan(user) -> bool:
    return is_admin_bkpsdm(user) or is_pengelola(user)


def can_answer_survei(user, survei) -> bool:
    """Public surveys: anyone with the link. Internal ones: ASN of the survey's unit tree."""
    if not survei.internal:
        return True
    pegawai = pegawai_of(user)
    return pegawai is not None and pegawai.unit.path.startswith(survei.unit.path)


_EDIT_RULES.update({
    "organisasi.Survei": lambda user, obj: can_manage_unit_data(user, obj.unit),
    "organisasi.Pertanyaan": lambda user, obj: can_manage_unit_data(user, obj.survei.unit),
    "organisasi.Kebutuhan": lambda user, obj: can_manage_unit_data(user, obj.unit),
})
