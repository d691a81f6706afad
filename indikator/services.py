"""State changes of periods, unit indicators and SKP (one verb each)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator
from simple_history.utils import bulk_create_with_history

from indikator import permissions
from indikator.models import (
    EkspektasiKhusus,
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    MatriksPeranHasil,
    PerilakuKerja,
    Periode,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
    Skp,
    month_end,
)
from organisasi.models import Pegawai

Status = Skp.Status

# --- periods ------------------------------------------------------------------

QUARTER_NAMES = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
MONTH_NAMES = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
               "Oktober", "November", "Desember"]
# Due dates after a period ends; the design gives none, so BKPSDM edits them per period.
REALISASI_DUE_DAYS = 5
EVALUASI_DUE_DAYS = 10


def period_spans(tahun: int, skema: str) -> list[tuple[str, datetime.date, datetime.date]]:
    """(nama, mulai, selesai) of every month or quarter of the year."""
    if skema == Periode.Skema.BULANAN:
        return [(MONTH_NAMES[m - 1], datetime.date(tahun, m, 1), month_end(tahun, m)) for m in range(1, 13)]
    return [(QUARTER_NAMES[q], datetime.date(tahun, 3 * q + 1, 1), month_end(tahun, 3 * q + 3)) for q in range(4)]


@transaction.atomic
def create_periode(*, tahun: int, skema: str, batas_penetapan_skp: datetime.date | None = None) -> Periode:
    """Create a year with its months or quarters and their default due dates."""
    periode = Periode(tahun=tahun, skema=skema, batas_penetapan_skp=batas_penetapan_skp or datetime.date(tahun, 1, 31))
    periode.full_clean()
    periode.save()
    _create_periode_penilaian(periode)
    return periode


def _create_periode_penilaian(periode):
    for nomor, (nama, mulai, selesai) in enumerate(period_spans(periode.tahun, periode.skema), start=1):
        PeriodePenilaian.objects.create(
            periode=periode, nomor=nomor, nama=nama, mulai=mulai, selesai=selesai,
            batas_realisasi=selesai + datetime.timedelta(days=REALISASI_DUE_DAYS),
            batas_evaluasi=selesai + datetime.timedelta(days=EVALUASI_DUE_DAYS),
        )


def _require_reason_when_locked(locked: bool, by, alasan: str) -> None:
    if not locked:
        return
    if not permissions.can_change_locked_periode(by):
        raise ValidationError("Periode ini terkunci; hanya BKPSDM yang dapat mengubahnya.")
    if not alasan.strip():
        raise ValidationError("Periode terkunci: tuliskan alasan perubahan.")


@transaction.atomic
def update_periode(periode: Periode, *, periode_penilaian_list=(), by, alasan: str = "") -> Periode:
    """Save changed settings of a year and of its months/quarters (due dates, locks).

    A locked year, and a change to (or the unlocking of) a locked month/quarter, needs BKPSDM
    and a recorded reason. Changing the scheme rebuilds the months/quarters (their edits are
    then dropped), refused once realisations exist.
    """
    before = Periode.objects.get(pk=periode.pk)
    locked_before = set(PeriodePenilaian.objects.filter(
        pk__in=[p.pk for p in periode_penilaian_list], terkunci=True).values_list("pk", flat=True))
    _require_reason_when_locked((before.terkunci and periode.terkunci) or bool(locked_before), by, alasan)
    reason = alasan.strip() or None
    if before.skema != periode.skema:
        if RealisasiIndikator.objects.filter(periode_penilaian__periode=periode).exists():
            raise ValidationError({"skema": "Skema tidak dapat diganti: sudah ada realisasi pada periode ini."})
        PeriodePenilaian.objects.filter(periode=periode).delete()
        _create_periode_penilaian(periode)
    else:
        for periode_penilaian in periode_penilaian_list:
            periode_penilaian._change_reason = reason
            periode_penilaian.save()
    periode._change_reason = reason
    periode.save()
    return periode


@transaction.atomic
def set_periode_lock(periode: Periode, *, terkunci: bool, by, alasan: str = "") -> Periode:
    """Lock or unlock a year; unlocking records the reason in the history."""
    if not terkunci and not alasan.strip():
        raise ValidationError("Tuliskan alasan membuka kunci periode.")
    periode.terkunci = terkunci
    periode._change_reason = alasan.strip() or None
    periode.save()
    return periode


# --- unit indicators --------------------------------------------------------------


@transaction.atomic
def save_indikator(indikator: IndikatorKinerja, *, by, alasan: str = "") -> IndikatorKinerja:
    """Save a new or changed unit indicator; a locked year (old or new) needs BKPSDM and a reason."""
    years = {indikator.tahun}
    if indikator.pk:
        years.add(IndikatorKinerja.objects.values_list("tahun", flat=True).get(pk=indikator.pk))
    _require_reason_when_locked(Periode.objects.filter(tahun__in=years, terkunci=True).exists(), by, alasan)
    indikator._change_reason = alasan.strip() or None
    indikator.save()
    return indikator


@transaction.atomic
def save_realisasi_indikator(indikator: IndikatorKinerja, periode_penilaian: PeriodePenilaian, *, nilai,
                             keterangan: str = "", by, alasan: str = "") -> RealisasiIndikator:
    """Record (or correct) the realisation of a unit indicator for one period."""
    if nilai is None or nilai < 0:
        raise ValidationError({"nilai": "Realisasi tidak boleh kosong atau negatif."})
    if periode_penilaian.periode.tahun != indikator.tahun:
        raise ValidationError({"periode_penilaian": "Periode tidak sesuai dengan tahun indikator."})
    _require_reason_when_locked(periode_penilaian.is_locked, by, alasan)
    realisasi = RealisasiIndikator.objects.filter(indikator=indikator, periode_penilaian=periode_penilaian).first()
    realisasi = realisasi or RealisasiIndikator(indikator=indikator, periode_penilaian=periode_penilaian)
    realisasi.nilai, realisasi.keterangan = nilai, keterangan
    realisasi._change_reason = alasan.strip() or None
    realisasi.save()
    return realisasi


# --- SKP --------------------------------------------------------------------------


def _official(pegawai: Pegawai | None) -> dict:
    if pegawai is None:
        return {}
    return {
        "nama": pegawai.nama_lengkap, "nip": pegawai.nip,
        "pangkat": pegawai.get_golongan_display() if pegawai.golongan else "",
        "jabatan": pegawai.jabatan.nama, "jenis_jabatan": pegawai.jabatan.jenis, "unit": pegawai.unit.nama,
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
def create_skp(pegawai: Pegawai, periode: Periode, *, pendekatan: str = Skp.Pendekatan.KUANTITATIF) -> Skp:
    """Start a draft SKP for the pegawai's current position in the year.

    Refused when the year is locked, when an open SKP exists for that year, or when the
    SKP for the same position is already approved (a new SKP is for a change of position).
    """
    if periode.terkunci:
        raise ValidationError(f"Periode {periode.tahun} terkunci; SKP baru tidak dapat dibuat.")
    existing = Skp.objects.filter(pegawai=pegawai, periode=periode)
    if existing.open().exists():
        raise ValidationError(f"Anda sudah punya SKP {periode.tahun} yang belum disetujui. Lanjutkan SKP itu.")
    if existing.filter(jabatan=pegawai.jabatan_id, status=Status.DISETUJUI).exists():
        raise ValidationError(
            f"SKP {periode.tahun} untuk jabatan ini sudah disetujui. SKP baru hanya dibuat bila jabatan berganti."
        )
    penilai = pegawai.atasan
    skp = Skp(
        pegawai=pegawai, periode=periode, jabatan=pegawai.jabatan, penilai=penilai, pendekatan=pendekatan,
        tanggal_mulai=periode.mulai, tanggal_selesai=periode.selesai, snapshot=snapshot_of(pegawai, penilai),
    )
    try:
        with transaction.atomic():
            skp.save()
    except IntegrityError:  # two clicks at once: the partial unique constraint decides
        raise ValidationError(f"Anda sudah punya SKP {periode.tahun} yang belum disetujui.") from None
    return skp


def submission_problems(skp: Skp) -> list[str]:
    """Why this SKP cannot be submitted yet (empty when it can)."""
    problems = []
    rhk_list = list(skp.rencanahasilkerja_set.select_related("rhk_atasan__skp").prefetch_related(
        "indikatorkinerjaindividu_set"))
    if not any(rhk.jenis == RencanaHasilKerja.Jenis.UTAMA for rhk in rhk_list):
        problems.append("SKP belum punya RHK utama.")
    if skp.penilai_id is None:
        problems.append("Pejabat penilai belum ditetapkan; hubungi pengelola kinerja OPD.")
    for nomor, rhk in enumerate(rhk_list, start=1):
        label = f"RHK {nomor} \"{Truncator(rhk.uraian).chars(60)}\""
        if not rhk.indikatorkinerjaindividu_set.all():
            problems.append(f"{label} belum punya indikator kinerja individu.")
        if skp.is_jpt:
            if rhk.jenis == RencanaHasilKerja.Jenis.UTAMA and not rhk.indikator_unit_id:
                problems.append(f"{label} belum menyebut indikator kinerja unit yang didukung.")
        elif rhk.jenis == RencanaHasilKerja.Jenis.UTAMA or rhk.rhk_atasan_id:
            problems += _intervention_problems(skp, rhk, label)
    return problems


def _intervention_problems(skp, rhk, label):
    parent = rhk.rhk_atasan
    if parent is None:
        return [f"{label} belum menunjuk RHK atasan yang diintervensi."]
    # The in-memory form of RencanaHasilKerja.objects.intervenable_by(skp): no query per RHK.
    if (parent.skp.pegawai_id, parent.skp.periode_id) != (skp.penilai_id, skp.periode_id):
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
    pegawai = Pegawai.objects.select_related("jabatan", "unit", "atasan__jabatan", "atasan__unit").get(
        pk=skp.pegawai_id)
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
        raise ValidationError("Hanya draft SKP dari jabatan lama yang dapat dihapus pemiliknya.")
    if RencanaHasilKerja.objects.filter(rhk_atasan__skp=skp).exists():
        raise ValidationError("RHK SKP ini sudah diintervensi RHK bawahan; SKP tidak dapat dihapus.")
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
    skp.status, skp.disetujui_pada, skp.alasan_pengembalian = Status.DISETUJUI, timezone.now(), ""
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
        raise ValidationError("Hanya SKP yang sudah disetujui yang dapat dibuka kembali oleh BKPSDM.")
    if Skp.objects.filter(pegawai=skp.pegawai_id, periode=skp.periode_id).open().exists():
        raise ValidationError("Pegawai ini sudah punya SKP terbuka lain pada tahun yang sama.")
    skp.status, skp.alasan_pengembalian = Status.DIKEMBALIKAN, f"Dibuka kembali oleh BKPSDM: {alasan.strip()}"
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
            EkspektasiKhusus.objects.update_or_create(skp=skp, perilaku=perilaku, defaults={"uraian": text})
            changed += 1
    return changed


# --- matriks peran hasil ---------------------------------------------------------


def bawahan_of(skp: Skp):
    """The active direct subordinates of the SKP's owner (the rows of the matriks)."""
    return Pegawai.objects.active().filter(atasan=skp.pegawai_id).select_related("jabatan").order_by("nama")


@transaction.atomic
def save_matriks(skp: Skp, *, cells: dict[tuple[int, int], str]) -> int:
    """Store the cells (iki id, pegawai id) → peran hasil of the atasan's matriks; empty removes.

    Refused in a locked year.
    """
    _require_open_year(skp)
    iki_ids = set(IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp).values_list("pk", flat=True))
    pegawai_ids = set(bawahan_of(skp).values_list("pk", flat=True))
    existing = {(c.iki_atasan_id, c.pegawai_id): c for c in MatriksPeranHasil.objects.filter(iki_atasan__in=iki_ids)}
    changed = 0
    for (iki_id, pegawai_id), text in cells.items():
        if iki_id not in iki_ids or pegawai_id not in pegawai_ids:
            continue
        text, cell = text.strip(), existing.get((iki_id, pegawai_id))
        if cell and not text:
            cell.delete()
            changed += 1
        elif text and cell is None:
            MatriksPeranHasil.objects.create(iki_atasan_id=iki_id, pegawai_id=pegawai_id, peran_hasil=text)
            changed += 1
        elif text and cell.peran_hasil != text:
            cell.peran_hasil = text
            cell.save(update_fields=["peran_hasil", "updated_at"])
            changed += 1
    return changed


def _require_open_year(skp):
    if skp.periode.terkunci:
        raise ValidationError(f"Periode {skp.periode.tahun} terkunci; matriks peran hasil tidak dapat diubah.")


@transaction.atomic
def push_matriks(skp: Skp) -> dict[str, int]:
    """Turn the cells of the atasan's matriks into RHK of their current bawahan's draft SKP.

    The RHK names the atasan's RHK (of the IKI's column) as the one it intervenes. A
    subordinate without an SKP for the year gets a draft. Only cells of today's direct
    bawahan are pushed, and only into a draft whose pejabat penilai is this atasan; SKP
    that are not open for change are skipped. Safe to run twice: an RHK is updated only
    while it still holds the text of the last push (the bawahan's own edits win), and a
    pushed RHK the bawahan deleted is not re-created. Refused in a locked year. Returns
    counts of created, updated, unchanged and skipped cells.
    """
    _require_open_year(skp)
    counts = {"dibuat": 0, "diperbarui": 0, "tetap": 0, "dilewati": 0}
    cells = MatriksPeranHasil.objects.filter(iki_atasan__rhk__skp=skp, pegawai__in=bawahan_of(skp)).select_related(
        "iki_atasan__rhk", "rhk__skp", "pegawai__jabatan", "pegawai__unit", "pegawai__atasan")
    target_skp = {}
    for cell in cells.order_by("pegawai__nama", "iki_atasan__rhk__urutan", "iki_atasan_id"):
        if cell.pegawai_id not in target_skp:
            target_skp[cell.pegawai_id] = _draft_skp_for(cell.pegawai, skp)
        counts[_push_cell(cell, target_skp[cell.pegawai_id])] += 1
    return counts


@transaction.atomic
def save_and_push_matriks(skp: Skp, *, cells: dict[tuple[int, int], str], push: bool) -> dict[str, int] | None:
    """Save the matriks and, when asked, push it; all or nothing (a refused push saves nothing)."""
    save_matriks(skp, cells=cells)
    return push_matriks(skp) if push else None


def _push_cell(cell, draft):
    if draft is None:
        return "dilewati"
    if cell.rhk_id and cell.rhk.skp_id == draft.pk:
        return _update_pushed_rhk(cell)
    if cell.rhk_id is None and cell.peran_didorong:
        return "tetap"  # the bawahan deleted the pushed RHK: their choice stands
    cell.rhk = RencanaHasilKerja.objects.create(
        skp=draft, jenis=RencanaHasilKerja.Jenis.UTAMA, uraian=cell.peran_hasil,
        rhk_atasan=cell.iki_atasan.rhk, urutan=draft.rencanahasilkerja_set.count() + 1,
    )
    cell.peran_didorong = cell.peran_hasil
    cell.save(update_fields=["rhk", "peran_didorong", "updated_at"])
    return "dibuat"


def _draft_skp_for(pegawai, atasan_skp):
    periode = atasan_skp.periode
    skp = Skp.objects.filter(pegawai=pegawai, periode=periode).open().select_related("periode").first()
    if skp is None:
        if Skp.objects.filter(pegawai=pegawai, periode=periode, jabatan=pegawai.jabatan_id,
                              status=Status.DISETUJUI).exists():
            return None
        skp = create_skp(pegawai, periode)
    if skp.penilai_id != atasan_skp.pegawai_id:
        return None
    return skp if skp.status in Skp.EDITABLE_STATUSES else None


def _update_pushed_rhk(cell):
    rhk = cell.rhk
    if rhk.uraian != cell.peran_didorong:
        return "tetap"  # edited by the bawahan since the last push
    if (rhk.uraian, rhk.rhk_atasan_id) == (cell.peran_hasil, cell.iki_atasan.rhk_id):
        return "tetap"
    rhk.uraian, rhk.rhk_atasan_id = cell.peran_hasil, cell.iki_atasan.rhk_id
    rhk.save()
    cell.peran_didorong = cell.peran_hasil
    cell.save(update_fields=["peran_didorong", "updated_at"])
    return "diperbarui"


# --- copy forward --------------------------------------------------------------------


def previous_skp(skp: Skp) -> Skp | None:
    """The pegawai's latest approved SKP of an earlier year (the source for copying forward)."""
    return (Skp.objects.filter(pegawai=skp.pegawai_id, periode__tahun__lt=skp.periode.tahun,
                               status=Status.DISETUJUI)
            .order_by("-periode__tahun", "-disetujui_pada").first())


@transaction.atomic
def copy_forward_skp(skp: Skp, *, source: Skp) -> int:
    """Copy RHK, IKI and targets of an earlier SKP into this draft; returns the RHK count copied.

    The link to last year's atasan RHK cannot carry over (the atasan has a new SKP), so it is
    left empty; a JPT's unit indicator is matched to this year's indicator with the same kode.
    Refused when the draft already has RHK, so a second click copies nothing twice.
    """
    if skp.rencanahasilkerja_set.exists():
        raise ValidationError("SKP ini sudah berisi RHK; salin dari tahun lalu hanya untuk SKP yang masih kosong.")
    indikator_by_kode = dict(IndikatorKinerja.objects.filter(tahun=skp.periode.tahun).values_list("kode", "pk"))
    source_rhk = source.rencanahasilkerja_set.select_related("indikator_unit").prefetch_related(
        "indikatorkinerjaindividu_set")
    for rhk in source_rhk:
        new_rhk = RencanaHasilKerja.objects.create(
            skp=skp, jenis=rhk.jenis, uraian=rhk.uraian, urutan=rhk.urutan,
            indikator_unit_id=indikator_by_kode.get(rhk.indikator_unit.kode) if rhk.indikator_unit else None,
        )
        bulk_create_with_history([
            IndikatorKinerjaIndividu(
                rhk=new_rhk, aspek=iki.aspek, uraian=iki.uraian, target=iki.target, target_atas=iki.target_atas,
                satuan=iki.satuan, polaritas=iki.polaritas, target_kualitatif=iki.target_kualitatif,
            ) for iki in rhk.indikatorkinerjaindividu_set.all()
        ], IndikatorKinerjaIndividu)
    _copy_lampiran(skp, source)
    return len(source_rhk)


def _copy_lampiran(skp, source):
    fields = ["dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"]
    empty = [name for name in fields if not getattr(skp, name) and getattr(source, name)]
    for name in empty:
        setattr(skp, name, getattr(source, name))
    if empty:
        skp.save(update_fields=[*empty, "updated_at"])
    return bool(empty)


# --- atasan overview --------------------------------------------------------------


def skp_state_of_bawahan(atasan: Pegawai, periode: Periode) -> list[tuple[Pegawai, Skp | None]]:
    """Each active direct subordinate with their latest SKP of the year (two queries)."""
    bawahan = list(Pegawai.objects.active().filter(atasan=atasan).select_related("jabatan").order_by("nama"))
    latest = {}
    for skp in Skp.objects.filter(pegawai__in=bawahan, periode=periode).order_by("created_at"):
        latest[skp.pegawai_id] = skp
    return [(pegawai, latest.get(pegawai.pk)) for pegawai in bawahan]
