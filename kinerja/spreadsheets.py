"""xlsx exports of activities: a pegawai's own, and per unit for the pengelola and BKPSDM."""

from django.core.exceptions import ValidationError
from django.db.models import Count

from core.responses import table_workbook
from kinerja import kalender
from kinerja.models import Aktivitas

OWN_HEADERS = [
    "Tanggal",
    "Hari",
    "Jam mulai",
    "Jam selesai",
    "Menit",
    "RHK",
    "Uraian kegiatan",
    "Kuantitas output",
    "Satuan output",
    "Status",
    "Catatan atasan",
    "Jumlah bukti",
]
UNIT_HEADERS = ["NIP", "Nama", "Jabatan", "Unit kerja", *OWN_HEADERS]
MAX_ROWS = 100_000


def _own_cells(aktivitas) -> list:
    return [
        aktivitas.tanggal,
        kalender.DAYS[aktivitas.tanggal.weekday()],
        kalender.format_time(aktivitas.jam_mulai),
        kalender.format_time(aktivitas.jam_selesai),
        aktivitas.menit,
        aktivitas.rhk.uraian,
        aktivitas.uraian,
        aktivitas.kuantitas_output,
        aktivitas.satuan_output,
        aktivitas.get_status_display(),
        aktivitas.catatan_atasan,
        aktivitas.jumlah_bukti,
    ]


def export_own(pegawai, mulai, selesai) -> bytes:
    """The pegawai's activities between two dates, one row each, in day order."""
    rows = (
        Aktivitas.objects.of(pegawai)
        .between(mulai, selesai)
        .select_related("rhk")
        .annotate(jumlah_bukti=Count("buktidukung"))
        .in_day_order()
    )
    return table_workbook(OWN_HEADERS, (_own_cells(a) for a in rows), title="Aktivitas")


def export_unit(unit, mulai, selesai) -> bytes:
    """Every activity of the pegawai of a unit and the units below it, between two dates.

    Raises ValidationError past MAX_ROWS rows (choose a shorter range or a smaller unit).
    """
    rows = (
        Aktivitas.objects.filter(pegawai__unit__path__startswith=unit.path)
        .between(mulai, selesai)
        .select_related("rhk", "pegawai__jabatan", "pegawai__unit")
        .annotate(jumlah_bukti=Count("buktidukung"))
        .order_by("pegawai__unit__path", "pegawai__nama", "tanggal", "jam_mulai")
    )
    if rows.count() > MAX_ROWS:
        raise ValidationError(
            f"Lebih dari {MAX_ROWS:,} baris; pilih rentang tanggal yang lebih pendek "
            "atau unit yang lebih kecil.".replace(",", ".")
        )
    cells = (
        [
            a.pegawai.nip,
            a.pegawai.nama_lengkap,
            a.pegawai.jabatan.nama,
            a.pegawai.unit.nama,
            *_own_cells(a),
        ]
        for a in rows.iterator(chunk_size=2000)
    )
    return table_workbook(UNIT_HEADERS, cells, title="Aktivitas unit")
