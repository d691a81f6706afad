"""What may be done to indikator's models: periods, unit indicators and SKP.

Built only from organisasi.permissions (who the user is); views, services and template
filters ask these predicates and never compare roles or units themselves.
"""

from indikator.models import (
    IndikatorKinerja,
    Periode,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)
from organisasi.permissions import (
    can_manage_unit_data,
    is_admin_bkpsdm,
    is_atasan,
    is_pengelola,
    pegawai_of,
)


def can_manage_periode(user) -> bool:
    """Periods, their schemes, deadlines and locks are BKPSDM's."""
    return is_admin_bkpsdm(user)


def can_edit_periode(user, periode: Periode) -> bool:
    return can_manage_periode(user)


def can_change_locked_periode(user) -> bool:
    """A locked year or period changes only by BKPSDM (and the service asks for a reason)."""
    return is_admin_bkpsdm(user)


def can_add_indikator(user) -> bool:
    """Pengelola OPD and BKPSDM add unit indicators (and import them)."""
    return is_admin_bkpsdm(user) or is_pengelola(user)


def can_edit_sasaran(user, sasaran: SasaranStrategis) -> bool:
    return can_manage_unit_data(user, sasaran.unit)


def can_edit_indikator(user, indikator: IndikatorKinerja) -> bool:
    """A unit indicator's manager edits it; in a locked year only BKPSDM (the service asks a reason)."""
    if not can_manage_unit_data(user, indikator.sasaran.unit):
        return False
    return not indikator.is_locked() or can_change_locked_periode(user)


def _is_owner(user, skp: Skp) -> bool:
    own = pegawai_of(user)
    return own is not None and own.pk == skp.pegawai_id


def _is_penilai(user, skp: Skp) -> bool:
    own = pegawai_of(user)
    return own is not None and own.pk == skp.penilai_id


def can_edit_skp(user, skp: Skp) -> bool:
    """Only the pegawai edits their own SKP, and only while it is a draft or returned in an open year."""
    return (
        _is_owner(user, skp)
        and skp.status in Skp.EDITABLE_STATUSES
        and not skp.periode.terkunci
    )


def can_edit_rhk(user, rhk: RencanaHasilKerja) -> bool:
    return can_edit_skp(user, rhk.skp)


def can_edit_iki(user, iki) -> bool:
    return can_edit_skp(user, iki.rhk.skp)


def why_skp_not_editable(user, skp: Skp) -> str:
    """Why the user may not change this SKP, in Indonesian; empty when they may."""
    if can_edit_skp(user, skp):
        return ""
    if skp.periode.terkunci:
        return f"Periode {skp.periode.tahun} terkunci; SKP tidak dapat diubah."
    if _is_owner(user, skp):
        return f"SKP berstatus {skp.get_status_display()} tidak dapat diubah."
    return "Hanya pegawai pemilik SKP yang dapat mengubahnya."


def can_delete_skp(user, skp: Skp) -> bool:
    """The pegawai discards a never-approved SKP left from a former jabatan, so a new one can be made."""
    return (
        can_edit_skp(user, skp)
        and skp.jabatan_id != pegawai_of(user).jabatan_id
        and skp.disetujui_pada is None
    )


def can_approve_skp(user, skp: Skp) -> bool:
    """Only the pejabat penilai named on the SKP approves or returns it, once submitted, in an open year."""
    return (
        _is_penilai(user, skp)
        and skp.status == Skp.Status.DIAJUKAN
        and not skp.periode.terkunci
    )


def can_set_ekspektasi(user, skp: Skp) -> bool:
    """The pejabat penilai writes the ekspektasi khusus pimpinan until the SKP is approved, in an open year."""
    return (
        _is_penilai(user, skp)
        and skp.status != Skp.Status.DISETUJUI
        and not skp.periode.terkunci
    )


def can_request_revision(user, skp: Skp) -> bool:
    """The pejabat penilai may return an approved SKP in an open year (when the RHK above changed)."""
    return (
        _is_penilai(user, skp)
        and skp.status == Skp.Status.DISETUJUI
        and not skp.periode.terkunci
    )


def can_reopen_skp(user, skp: Skp) -> bool:
    """BKPSDM alone reopens an approved SKP (with a recorded reason)."""
    return is_admin_bkpsdm(user) and skp.status == Skp.Status.DISETUJUI


def can_fill_matriks(user, skp: Skp) -> bool:
    """The matriks peran hasil of an SKP belongs to its owner, when they have subordinates."""
    return _is_owner(user, skp) and is_atasan(user)
