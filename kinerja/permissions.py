"""What may be done to kinerja's models: activities, realisations and their evidence.

Built only from organisasi.permissions (who the user is) and kinerja's models. Seeing follows
the owner (`PersonalQuerySet.visible_to`: the pegawai, their atasan chain, their OPD's
pengelola, BKPSDM, pimpinan); evidence follows the object it belongs to. The entry window
(rules and open periods) is read once per request and kept on the user object.
"""

from kinerja.models import Aktivitas, BuktiDukung, EntryWindow, Realisasi, Status
from organisasi.permissions import (
    can_manage_unit_data,
    is_pengelola,
    is_self_or_above,
    pegawai_of,
    reads_whole_city,
)


def entry_window(user) -> EntryWindow:
    """Today, the rules and the open periods, loaded once per request (two queries)."""
    if not hasattr(user, "_kinerja_window"):
        user._kinerja_window = EntryWindow.load()
    return user._kinerja_window


def _is_owner(user, obj) -> bool:
    own = pegawai_of(user)
    return own is not None and own.pk == obj.pegawai_id


def _is_atasan_of(user, pegawai) -> bool:
    """The pegawai's atasan as stored now (the `atasan` of the pegawai at decision time)."""
    own = pegawai_of(user)
    return own is not None and pegawai.atasan_id == own.pk and pegawai.pk != own.pk


def is_own_kinerja(user, pegawai) -> bool:
    """The page is about the user's own activities or realisations."""
    own = pegawai_of(user)
    return own is not None and own.pk == pegawai.pk


def can_decide_for(user, pegawai) -> bool:
    """The user decides this pegawai's submissions: their atasan now (each item is checked again)."""
    return _is_atasan_of(user, pegawai)


def can_log_aktivitas(user) -> bool:
    """Every ASN logs their own activities; accounts without a Pegawai record do not."""
    return pegawai_of(user) is not None


def can_edit_aktivitas(user, aktivitas: Aktivitas) -> bool:
    """The owner changes or deletes a Draft or Dikembalikan activity while its date is open."""
    return (
        _is_owner(user, aktivitas)
        and aktivitas.is_editable_status
        and entry_window(user).is_open(aktivitas.tanggal)
    )


def can_submit_aktivitas(user, aktivitas: Aktivitas) -> bool:
    """The owner submits an editable activity of today or earlier (a planned day waits until it comes)."""
    return (
        can_edit_aktivitas(user, aktivitas)
        and aktivitas.tanggal <= entry_window(user).today
    )


def can_decide_aktivitas(user, aktivitas: Aktivitas) -> bool:
    """The pegawai's atasan approves or returns a submitted activity while its period is open."""
    return (
        aktivitas.status == Status.DIAJUKAN
        and _is_atasan_of(user, aktivitas.pegawai)
        and entry_window(user).period_open(aktivitas.tanggal)
    )


def can_edit_bukti(user, bukti: BuktiDukung) -> bool:
    """Evidence is added or removed by whoever may change the object it belongs to."""
    if bukti.aktivitas_id:
        return can_edit_aktivitas(user, bukti.aktivitas)
    return can_edit_realisasi(user, bukti.realisasi)


def can_fill_realisasi(user, pegawai, periode_penilaian) -> bool:
    """The pegawai writes their own realisations of an unlocked periode penilaian."""
    own = pegawai_of(user)
    return own is not None and own.pk == pegawai.pk and not periode_penilaian.is_locked


def can_edit_realisasi(user, realisasi: Realisasi) -> bool:
    """The owner changes a Draft or Dikembalikan realisation of an unlocked period."""
    return (
        _is_owner(user, realisasi)
        and realisasi.is_editable_status
        and not realisasi.periode_penilaian.is_locked
    )


def can_decide_realisasi(user, realisasi: Realisasi) -> bool:
    """The pegawai's atasan approves or returns a submitted realisation of an unlocked period."""
    return (
        realisasi.status == Status.DIAJUKAN
        and _is_atasan_of(user, realisasi.pegawai)
        and not realisasi.periode_penilaian.is_locked
    )


def can_view_kinerja_of(user, pegawai) -> bool:
    """A pegawai's activity and realisation pages: the same people who see their personal objects."""
    own = pegawai_of(user)
    if own is not None and is_self_or_above(own, pegawai):
        return True
    return reads_whole_city(user) or can_manage_unit_data(user, pegawai.unit)


def can_open_unit_export(user) -> bool:
    """The export per unit is for the pengelola of an OPD, BKPSDM and pimpinan."""
    return reads_whole_city(user) or is_pengelola(user)


def can_export_unit(user, unit) -> bool:
    return reads_whole_city(user) or can_manage_unit_data(user, unit)
