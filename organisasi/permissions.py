"""Who a user is: roles, the unit tree, the atasan chain, and the scoped QuerySets built on them.

Roles: every ASN with a Pegawai record is a *pegawai*; one with active subordinates is
also an *atasan* (derived, never stored); the account's `peran` adds one duty: pengelola
kinerja of one OPD, admin BKPSDM (the whole city) or pimpinan (read-only, the whole city).
Superusers count as admin BKPSDM. This module also holds organisasi's own predicates
(units, positions, pegawai, surveys, needs); every later app has a `permissions.py` with
the predicates for its own models, built only from the pieces here.

Hidden objects answer 404 (their existence is not revealed); visible but read-only
objects answer 403 on a write.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404


class Peran(models.TextChoices):
    """The roles a user can hold, in the order the home page shows them.

    ATASAN is derived from the atasan chain and never stored; the account's `peran` field
    stores one of the others (STORED_PERAN).
    """

    PEGAWAI = "pegawai", "Pegawai"
    ATASAN = "atasan", "Atasan"
    PENGELOLA_OPD = "pengelola_opd", "Pengelola Kinerja OPD"
    ADMIN_BKPSDM = "admin_bkpsdm", "Admin BKPSDM"
    PIMPINAN = "pimpinan", "Pimpinan"


STORED_PERAN = [
    (value, label) for value, label in Peran.choices if value != Peran.ATASAN
]


def pegawai_of(user):
    """The user's Pegawai record, or None for accounts that are not ASN (e.g. a data maintainer)."""
    if not user.is_authenticated:
        return None
    try:
        return user.pegawai
    except AttributeError:  # RelatedObjectDoesNotExist is an AttributeError
        return None


def kepala_daerah_of(user):
    """The user's KepalaDaerah record (Wali Kota or Wakil), or None; active terms only."""
    if not user.is_authenticated:
        return None
    try:
        kepala_daerah = user.kepala_daerah
    except AttributeError:  # RelatedObjectDoesNotExist is an AttributeError
        return None
    return kepala_daerah if kepala_daerah.aktif else None


def is_admin_bkpsdm(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.peran == Peran.ADMIN_BKPSDM)
    )


def is_pimpinan(user) -> bool:
    return user.is_authenticated and user.peran == Peran.PIMPINAN


def is_pengelola(user) -> bool:
    return (
        user.is_authenticated
        and user.peran == Peran.PENGELOLA_OPD
        and user.opd_dikelola_id is not None
    )


def is_atasan(user) -> bool:
    """Derived: the user's Pegawai has at least one active subordinate (cached per request)."""
    if not hasattr(user, "_is_atasan"):
        pegawai = pegawai_of(user)
        user._is_atasan = bool(pegawai) and pegawai.bawahan.filter(aktif=True).exists()
    return user._is_atasan


def reads_whole_city(user) -> bool:
    return is_admin_bkpsdm(user) or is_pimpinan(user)


def roles(user) -> list[Peran]:
    """Every role the user holds, in the order the home page shows them."""
    held = {
        Peran.PEGAWAI: pegawai_of(user) is not None,
        Peran.ATASAN: is_atasan(user),
        Peran.PENGELOLA_OPD: is_pengelola(user),
        Peran.ADMIN_BKPSDM: is_admin_bkpsdm(user),
        Peran.PIMPINAN: is_pimpinan(user),
    }
    return [peran for peran in Peran if held[peran]]


def _managed_opd_path(user) -> str:
    if not hasattr(user, "_opd_path"):
        user._opd_path = user.opd_dikelola.path
    return user._opd_path


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
            condition |= Q(
                **{self._unit_lookup("path__startswith"): _managed_opd_path(user)}
            )
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
        return (
            super()._pegawai_condition(pegawai)
            | Q(pk=pegawai.atasan_id)
            | Q(atasan_id=pegawai.pk)
        )


def can_manage_organisasi(user) -> bool:
    """Units, positions, employees and accounts are master data: only BKPSDM changes them."""
    return is_admin_bkpsdm(user)


def can_edit_struktur(user, obj) -> bool:
    """A unit, a position or a pegawai record (the `edit` predicate of their views)."""
    return can_manage_organisasi(user)


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


def can_correct_atasan(user, pegawai) -> bool:
    """Who may correct a pegawai's atasan by hand: BKPSDM anywhere, a pengelola OPD in their OPD.

    The structure itself (units, positions) stays with BKPSDM (can_manage_organisasi).
    """
    if is_admin_bkpsdm(user):
        return True
    return is_pengelola(user) and pegawai.unit.path.startswith(_managed_opd_path(user))


def can_view_pegawai_private(user, pegawai) -> bool:
    """Contact data and account state: the person, their atasan, their OPD's pengelola, BKPSDM."""
    own = pegawai_of(user)
    if own is not None and (own.pk == pegawai.pk or own.pk == pegawai.atasan_id):
        return True
    if is_pengelola(user) and pegawai.unit.path.startswith(_managed_opd_path(user)):
        return True
    return reads_whole_city(user)


def get_for_user(queryset, user, pk, *, edit: Callable[[Any, Any], bool] | None = None):
    """The one way views fetch a single object: 404 when hidden, 403 when `edit` refuses.

    `edit` is the owning app's predicate `(user, obj) -> bool` for the change the view makes.
    """
    obj = queryset.visible_to(user).filter(pk=pk).first()
    if obj is None:
        raise Http404("Data tidak ditemukan.")
    if edit is not None and not edit(user, obj):
        raise PermissionDenied("Anda tidak berwenang mengubah data ini.")
    return obj


def require(allowed: bool) -> None:
    """Raise 403 unless the predicate allowed it (for pages that are not about one object)."""
    if not allowed:
        raise PermissionDenied("Anda tidak berwenang membuka halaman ini.")


def is_self_or_above(own, pegawai) -> bool:
    """Is `own` the pegawai, or anywhere above them in the atasan chain? (no query)"""
    if own.pk == pegawai.pk:
        return True
    return bool(own.atasan_path) and pegawai.atasan_path.startswith(own.atasan_path)


class PersonalQuerySet(UnitScopedQuerySet):
    """Base QuerySet of objects that belong to one pegawai (set `pegawai_field`).

    Personal objects (an SKP, an activity, a realisation) are seen by the person, everyone up
    their atasan chain, the pengelola of their OPD, BKPSDM and pimpinan.
    """

    pegawai_field = "pegawai"
    unit_field = "pegawai__unit"

    def _pegawai_condition(self, pegawai):
        # One indexed prefix condition on the atasan chain (Pegawai.atasan_path), not a list of ids.
        return pegawai.subtree_q(self.pegawai_field)


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


def can_edit_survei(user, survei) -> bool:
    """A survey's questions, settings and imports: the manager of its unit."""
    return can_manage_unit_data(user, survei.unit)


def can_edit_pertanyaan(user, pertanyaan) -> bool:
    return can_edit_survei(user, pertanyaan.survei)


def can_edit_kebutuhan(user, kebutuhan) -> bool:
    """A need's text, status and follow-up: the manager of its unit."""
    return can_manage_unit_data(user, kebutuhan.unit)


#
# Accounts. A superuser, a staff account (the Django admin) and the city-wide roles (admin
# BKPSDM, pimpinan) are special: only a superuser changes their password, flags, groups,
# permissions or role, so no admin can take over another admin (or a superuser).

SPECIAL_PERAN = (Peran.ADMIN_BKPSDM, Peran.PIMPINAN)


def is_special_account(account) -> bool:
    """A superuser, a staff account, or an account with a city-wide role."""
    return account.is_superuser or account.is_staff or account.peran in SPECIAL_PERAN


def special_accounts_q(prefix: str = "") -> Q:
    """Q for the special accounts (`prefix` leads to the account, e.g. "akun__")."""
    return (
        Q(**{f"{prefix}is_superuser": True})
        | Q(**{f"{prefix}is_staff": True})
        | Q(**{f"{prefix}peran__in": SPECIAL_PERAN})
    )


def can_change_account(user, account) -> bool:
    """An account's password, flags, groups, permissions, role or login: a superuser for a
    special account; for the others, whoever the admin's model permissions let in."""
    return user.is_superuser or not is_special_account(account)


def can_grant_peran(user, peran: str) -> bool:
    """Making someone admin BKPSDM or pimpinan makes a special account: a superuser's act."""
    return user.is_superuser or peran not in SPECIAL_PERAN
