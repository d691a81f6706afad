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


def units_managed_by(user, units):
    """Narrow a UnitKerja queryset to the units whose surveys and needs the user manages."""
    if is_admin_bkpsdm(user):
        return units
    if is_pengelola(user):
        return units.filter(path__startswith=_managed_opd_path(user))
    return units.none()


def can_manage_unit_data(user, unit) -> bool:
    """BKPSDM manages every unit; a pengelola OPD the units of their own OPD."""
    if is_admin_bkpsdm(user):
        return True
    return is_pengelola(user) and unit.path.startswith(_managed_opd_path(user))


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
