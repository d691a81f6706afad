"""The needs register: recording a need (by hand or from a survey result) and moving it along."""

from django.core.exceptions import ValidationError

from core.angka import format_angka
from organisasi.models import Kebutuhan, MutuPelayanan
from organisasi.queries.survei import HasilSurvei
from organisasi.skm import is_weak, round2


def kebutuhan_from_hasil(hasil: HasilSurvei, *, pertanyaan_id: int) -> Kebutuhan:
    """An unsaved need pre-filled from one question's result, with the evidence written out."""
    item = next(
        item for item in hasil.pertanyaan if item.pertanyaan.pk == pertanyaan_id
    )
    survei, pertanyaan = hasil.survei, item.pertanyaan
    lines = [
        f"Survei “{survei.judul}” ({survei.periode}), {hasil.responden} responden."
    ]
    if item.is_unsur and item.nrr is not None:
        lines.append(
            f"Unsur {pertanyaan.urutan} {pertanyaan.unsur}: NRR {format_angka(item.nrr, 2)} dari {item.jumlah} jawaban "
            f"(nilai konversi {format_angka(item.nilai_konversi, 2)})."
        )
        if hasil.ikm is not None and hasil.mutu is not None:
            lines.append(
                f"IKM survei {format_angka(hasil.ikm, 2)}, mutu {hasil.mutu.mutu} ({hasil.mutu.kinerja})."
            )
        if hasil.terlemah is item:
            lines.append("Unsur ini bernilai terendah dalam survei.")
    elif item.rata is not None:
        lines.append(
            f"Pertanyaan “{pertanyaan.teks}”: rata-rata {format_angka(round2(item.rata), 2)} dari {item.jumlah} jawaban."
        )
    sebaran = ", ".join(f"{label}: {count}" for label, count, _ in item.sebaran_rows())
    if sebaran:
        lines.append(f"Sebaran jawaban — {sebaran}.")
    bands = MutuPelayanan.objects.order_by("batas_bawah")
    weak = item.nilai_konversi is not None and is_weak(item.nilai_konversi, bands)
    return Kebutuhan(
        judul=(
            f"Perbaikan unsur {pertanyaan.unsur}"
            if item.is_unsur
            else f"Tindak lanjut: {pertanyaan.teks}"
        )[:200],
        unit=survei.unit,
        sumber=Kebutuhan.Sumber.TEMUAN_SURVEI,
        deskripsi=f"Tindak lanjut hasil survei: {pertanyaan.teks}",
        prioritas=Kebutuhan.Prioritas.TINGGI if weak else Kebutuhan.Prioritas.SEDANG,
        survei=survei,
        pertanyaan=pertanyaan,
        bukti="\n".join(lines),
    )


def create_kebutuhan(kebutuhan: Kebutuhan, *, by) -> Kebutuhan:
    """Record a new need, remembering who recorded it."""
    kebutuhan.dibuat_oleh = by if by.is_authenticated else None
    kebutuhan.save()
    return kebutuhan


def is_unanswered(kebutuhan: Kebutuhan) -> bool:
    """True while no indicator, plan or other later-app row answers the need."""
    return Kebutuhan.objects.filter(pk=kebutuhan.pk).unanswered().exists()


def change_kebutuhan_status(
    kebutuhan: Kebutuhan, *, status: str, alasan: str = ""
) -> Kebutuhan:
    """Move a need along terbuka → ditindaklanjuti → selesai (or one step back to reopen).

    Raises ValidationError for any other move, and when a need nothing answers (no
    indicator, no plan) is closed without a reason. The change, with its reason, is kept
    in the need's history.
    """
    if status not in kebutuhan.next_statuses():
        current = kebutuhan.get_status_display()
        raise ValidationError(
            f"Status tidak dapat diubah dari {current} ke “{status}”."
        )
    alasan = alasan.strip()
    if status == Kebutuhan.Status.SELESAI and not alasan and is_unanswered(kebutuhan):
        raise ValidationError(
            "Kebutuhan ini belum dijawab indikator atau rencana apa pun: tuliskan "
            "alasan bila tetap ditandai selesai."
        )
    kebutuhan.status = status
    kebutuhan._change_reason = alasan or None  # simple_history keeps it on the record
    kebutuhan.save(update_fields=["status", "updated_at"])
    return kebutuhan
