"""The SKP's life: created as a draft, submitted, approved or returned, reopened by BKPSDM, discarded."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator

from indikator import permissions, queries
from indikator.models import (
    EkspektasiKhusus,
    PerilakuKerja,
    Periode,
    RencanaHasilKerja,
    Skp,
)
from organisasi.models import Pegawai

Status = Skp.Status


def _official(pegawai: Pegawai | None) -> dict:
    if pegawai is None:
        return {}
    return {
        "nama": pegawai.nama_lengkap,
        "nip": pegawai.nip,
        "pangkat": pegawai.get_golongan_display() if pegawai.golongan else "",
        "jabatan": pegawai.jabatan.nama,
        "jenis_jabatan": pegawai.jabatan.jenis,
        "unit": pegawai.unit.nama,
    }


def snapshot_of(pegawai: Pegawai, penilai: Pegawai | None) -> dict:
    """The frozen identity block of an SKP: the pegawai, the pejabat penilai and their atasan."""
    return {
        "pegawai": _official(pegawai),
        "penilai": _official(penilai),
        "atasan_penilai": _official(penilai.atasan if penilai else None),
        "instansi": "Pemerintah Kota Samarinda",
    }


@transaction.atomic
def create_skp(
    pegawai: Pegawai, periode: Periode, *, pendekatan: str = Skp.Pendekatan.KUANTITATIF
) -> Skp:
    """Start a draft SKP for the pegawai's current position in the year.

    Refused when the year is locked, when an open SKP exists for that year, or when the
    SKP for the same position is already approved (a new SKP is for a change of position).
    """
    if periode.terkunci:
        raise ValidationError(
            f"Periode {periode.tahun} terkunci; SKP baru tidak dapat dibuat."
        )
    existing = Skp.objects.filter(pegawai=pegawai, periode=periode)
    if existing.open().exists():
        raise ValidationError(
            f"Anda sudah punya SKP {periode.tahun} yang belum disetujui. Lanjutkan SKP itu."
        )
    if existing.filter(jabatan=pegawai.jabatan_id, status=Status.DISETUJUI).exists():
        raise ValidationError(
            f"SKP {periode.tahun} untuk jabatan ini sudah disetujui. SKP baru hanya dibuat bila jabatan berganti."
        )
    penilai = pegawai.atasan
    skp = Skp(
        pegawai=pegawai,
        periode=periode,
        jabatan=pegawai.jabatan,
        penilai=penilai,
        pendekatan=pendekatan,
        tanggal_mulai=periode.mulai,
        tanggal_selesai=periode.selesai,
        snapshot=snapshot_of(pegawai, penilai),
    )
    try:
        with transaction.atomic():
            skp.save()
    except IntegrityError:  # two clicks at once: the partial unique constraint decides
        raise ValidationError(
            f"Anda sudah punya SKP {periode.tahun} yang belum disetujui."
        ) from None
    return skp


def submission_problems(skp: Skp) -> list[str]:
    """Why this SKP cannot be submitted yet (empty when it can)."""
    problems = []
    rhk_list = list(
        skp.rencanahasilkerja_set.select_related("rhk_atasan__skp").prefetch_related(
            "indikatorkinerjaindividu_set"
        )
    )
    if not any(rhk.jenis == RencanaHasilKerja.Jenis.UTAMA for rhk in rhk_list):
        problems.append("SKP belum punya RHK utama.")
    if skp.penilai_id is None:
        problems.append(
            "Pejabat penilai belum ditetapkan; hubungi pengelola kinerja OPD."
        )
    for nomor, rhk in enumerate(rhk_list, start=1):
        label = f'RHK {nomor} "{Truncator(rhk.uraian).chars(60)}"'
        if not rhk.indikatorkinerjaindividu_set.all():
            problems.append(f"{label} belum punya indikator kinerja individu.")
        problems += _pendekatan_problems(skp, rhk, label)
        if skp.is_jpt:
            if rhk.jenis == RencanaHasilKerja.Jenis.UTAMA and not rhk.indikator_unit_id:
                problems.append(
                    f"{label} belum menyebut indikator kinerja unit yang didukung."
                )
        elif rhk.jenis == RencanaHasilKerja.Jenis.UTAMA or rhk.rhk_atasan_id:
            problems += _intervention_problems(skp, rhk, label)
    return problems


def _pendekatan_problems(skp, rhk, label):
    """IKI written for the other approach (the pendekatan was changed after they were made)."""
    if skp.pendekatan == Skp.Pendekatan.KUALITATIF:
        missing = [
            i for i in rhk.indikatorkinerjaindividu_set.all() if not i.target_kualitatif
        ]
        text = "belum menyatakan hasil yang diharapkan (pendekatan kualitatif)"
    else:
        missing = [
            i for i in rhk.indikatorkinerjaindividu_set.all() if i.target is None
        ]
        text = "belum punya target angka (pendekatan kuantitatif)"
    return [f'{label}: indikator "{iki.uraian}" {text}.' for iki in missing]


def _intervention_problems(skp, rhk, label):
    parent = rhk.rhk_atasan
    if parent is None:
        return [f"{label} belum menunjuk RHK atasan yang diintervensi."]
    # The in-memory form of RencanaHasilKerja.objects.intervenable_by(skp): no query per RHK.
    if (parent.skp.pegawai_id, parent.skp.periode_id) != (
        skp.penilai_id,
        skp.periode_id,
    ):
        return [f"{label} menunjuk RHK milik orang lain, bukan pejabat penilai Anda."]
    if parent.skp.status != Status.DISETUJUI:
        return [f"{label} menunjuk RHK atasan yang SKP-nya belum disetujui."]
    return []


def _lock_skp(skp: Skp) -> Skp:
    """Re-read the SKP under a row lock, so two approvers at once cannot both win."""
    return Skp.objects.select_for_update().select_related("periode").get(pk=skp.pk)


@transaction.atomic
def submit_skp(skp: Skp, *, by) -> Skp:
    """Send a draft or returned SKP to the pejabat penilai; refreshes the officials' snapshot."""
    skp = _lock_skp(skp)
    if not permissions.can_edit_skp(by, skp):
        raise ValidationError(
            "SKP ini tidak dapat diajukan (sudah diajukan, sudah disetujui, atau periodenya terkunci)."
        )
    pegawai = Pegawai.objects.select_related(
        "jabatan", "unit", "atasan__jabatan", "atasan__unit"
    ).get(pk=skp.pegawai_id)
    if skp.jabatan_id != pegawai.jabatan_id:
        raise ValidationError(
            "Jabatan Anda berubah sejak SKP ini dibuat: buat SKP baru untuk jabatan baru "
            "(hapus draft ini terlebih dahulu)."
        )
    # The atasan may have changed since the draft was made (moved, deactivated): the
    # current one becomes the pejabat penilai, so someone can still approve it.
    skp.penilai = pegawai.atasan
    problems = submission_problems(skp)
    if problems:
        raise ValidationError(problems)
    skp.snapshot = snapshot_of(pegawai, skp.penilai)
    skp.status, skp.diajukan_pada = Status.DIAJUKAN, timezone.now()
    skp.save()
    return skp


@transaction.atomic
def delete_skp(skp: Skp, *, by) -> None:
    """The pegawai discards an open SKP of a former jabatan (history keeps the deleted rows).

    Refused when a bawahan's RHK intervenes one of its RHK.
    """
    skp = _lock_skp(skp)
    if not permissions.can_delete_skp(by, skp):
        raise ValidationError(
            "Hanya draft SKP dari jabatan lama yang dapat dihapus pemiliknya."
        )
    if RencanaHasilKerja.objects.filter(rhk_atasan__skp=skp).exists():
        raise ValidationError(
            "RHK SKP ini sudah diintervensi RHK bawahan; SKP tidak dapat dihapus."
        )
    skp.delete()


@transaction.atomic
def approve_skp(skp: Skp, *, by) -> Skp:
    """The pejabat penilai approves a submitted SKP; refused while the cascade is incomplete.

    The intervened RHK of the atasan are checked again: the atasan's SKP may have been
    returned after this one was submitted.
    """
    skp = _lock_skp(skp)
    if not permissions.can_approve_skp(by, skp):
        raise ValidationError("SKP ini tidak menunggu persetujuan Anda.")
    problems = submission_problems(skp)
    if problems:
        raise ValidationError(problems)
    skp.status, skp.disetujui_pada, skp.alasan_pengembalian = (
        Status.DISETUJUI,
        timezone.now(),
        "",
    )
    skp.persetujuan = approval_record(skp)
    skp.save()
    return skp


def approval_record(skp: Skp) -> dict:
    """What the penilai approves, kept with the approval so a later edit above cannot change it.

    Per RHK (by pk) the text of the RHK atasan it intervenes or of the unit indicator it
    serves; each BerAKHLAK value with its guides and the ekspektasi khusus; the officials.
    """
    rhk_list = skp.rencanahasilkerja_set.select_related("rhk_atasan", "indikator_unit")
    return {
        "rhk": {str(rhk.pk): queries.rhk_atasan_text(rhk) for rhk in rhk_list},
        "perilaku": queries.perilaku_document(skp),
        "pejabat": skp.snapshot,
    }


@transaction.atomic
def request_revision(skp: Skp, *, by, alasan: str) -> Skp:
    """The penilai returns an approved SKP whose RHK atasan changed since the approval."""
    if not alasan.strip():
        raise ValidationError({"alasan": "Alasan permintaan revisi wajib diisi."})
    skp = _lock_skp(skp)
    if not permissions.can_request_revision(by, skp):
        raise ValidationError("SKP ini tidak dapat Anda minta direvisi.")
    if not queries.changed_rhk_atasan(skp):
        raise ValidationError(
            "RHK atasan tidak berubah sejak persetujuan; revisi tidak diperlukan."
        )
    if (
        Skp.objects.filter(pegawai=skp.pegawai_id, periode=skp.periode_id)
        .open()
        .exists()
    ):
        raise ValidationError(
            "Pegawai ini sudah punya SKP terbuka lain pada tahun yang sama."
        )
    skp.status = Status.DIKEMBALIKAN
    skp.alasan_pengembalian = f"RHK atasan berubah, diminta revisi: {alasan.strip()}"
    skp._change_reason = skp.alasan_pengembalian
    skp.save()
    return skp


@transaction.atomic
def return_skp(skp: Skp, *, by, alasan: str) -> Skp:
    """The pejabat penilai sends a submitted SKP back to the pegawai with a reason."""
    if not alasan.strip():
        raise ValidationError({"alasan": "Alasan pengembalian wajib diisi."})
    skp = _lock_skp(skp)
    if not permissions.can_approve_skp(by, skp):
        raise ValidationError("SKP ini tidak menunggu persetujuan Anda.")
    skp.status, skp.alasan_pengembalian = Status.DIKEMBALIKAN, alasan.strip()
    skp._change_reason = alasan.strip()
    skp.save()
    return skp


@transaction.atomic
def reopen_skp(skp: Skp, *, by, alasan: str) -> Skp:
    """BKPSDM reopens an approved SKP for revision; the reason is recorded."""
    if not alasan.strip():
        raise ValidationError({"alasan": "Alasan membuka kembali wajib diisi."})
    skp = _lock_skp(skp)
    if not permissions.can_reopen_skp(by, skp):
        raise ValidationError(
            "Hanya SKP yang sudah disetujui yang dapat dibuka kembali oleh BKPSDM."
        )
    if (
        Skp.objects.filter(pegawai=skp.pegawai_id, periode=skp.periode_id)
        .open()
        .exists()
    ):
        raise ValidationError(
            "Pegawai ini sudah punya SKP terbuka lain pada tahun yang sama."
        )
    skp.status, skp.alasan_pengembalian = (
        Status.DIKEMBALIKAN,
        f"Dibuka kembali oleh BKPSDM: {alasan.strip()}",
    )
    skp._change_reason = skp.alasan_pengembalian
    skp.save()
    return skp


@transaction.atomic
def save_ekspektasi(skp: Skp, *, uraian_by_perilaku: dict[int, str]) -> int:
    """Store the ekspektasi khusus pimpinan per BerAKHLAK value (empty text removes it)."""
    changed = 0
    for perilaku in PerilakuKerja.objects.filter(pk__in=uraian_by_perilaku):
        text = uraian_by_perilaku[perilaku.pk].strip()
        current = EkspektasiKhusus.objects.filter(skp=skp, perilaku=perilaku).first()
        if not text and current:
            current.delete()
            changed += 1
        elif text and (current is None or current.uraian != text):
            EkspektasiKhusus.objects.update_or_create(
                skp=skp, perilaku=perilaku, defaults={"uraian": text}
            )
            changed += 1
    return changed


def update_skp(
    skp: Skp,
    *,
    pendekatan: str,
    dukungan_sumber_daya: str,
    skema_pertanggungjawaban: str,
    konsekuensi: str,
) -> Skp:
    """Save the SKP's pendekatan and lampiran, and nothing else.

    Only these columns are written: a page opened before a submission must not write back an
    old status or snapshot.
    """
    fields = {
        "pendekatan": pendekatan,
        "dukungan_sumber_daya": dukungan_sumber_daya,
        "skema_pertanggungjawaban": skema_pertanggungjawaban,
        "konsekuensi": konsekuensi,
    }
    for name, value in fields.items():
        setattr(skp, name, value)
    skp.save(update_fields=[*fields, "updated_at"])
    return skp
