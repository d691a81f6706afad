"""Demo daily activities: about a month of progres harian for the demo ASN (account "pegawai",
the first Pengawas Kebersihan of DLH's Seksi Penanganan Sampah), most approved, a few waiting,
one returned with a note, the latest days still drafts, and one day of leave.

The demo ASN's SKP is made the way the app makes it: the Kasi's matriks peran hasil pushes the
RHK into a draft, the IKI are added and the SKP is approved. Rows are found by natural keys
(activities by a deterministic idempotency key) and only missing ones are created, so a second
run the same day changes nothing; a run on a later day only adds the days passed since.
"""

import datetime
import random
import uuid
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.seeding import upsert
from indikator import demo as indikator_demo
from indikator import services as indikator_services
from indikator.models import IndikatorKinerjaIndividu, Periode, RencanaHasilKerja, Skp
from kinerja import kalender
from kinerja.models import Aktivitas, BuktiDukung, Cuti, Status
from organisasi.models import Pegawai

ASN_JABATAN = "DLH-SAMPAH-1-PENGAWAS"
KASI_JABATAN = "DLH-SAMPAH-1-KASI"
KASI_IKI = "Jumlah TPS yang terlayani pengangkutan harian"
RHK_UTAMA = "Terangkutnya sampah dari 8 TPS Kelurahan Sidodadi setiap hari"
RHK_TAMBAHAN = "Terlaksananya sosialisasi pemilahan sampah kepada warga"
IKI = [
    (
        RHK_UTAMA,
        "kuantitas",
        "Jumlah TPS yang diangkut sesuai jadwal",
        Decimal(1920),
        "TPS",
    ),
    (
        RHK_UTAMA,
        "waktu",
        "Persentase laporan harian yang diajukan tepat waktu",
        Decimal(100),
        "%",
    ),
    (
        RHK_TAMBAHAN,
        "kuantitas",
        "Jumlah kegiatan sosialisasi pemilahan sampah",
        Decimal(12),
        "kegiatan",
    ),
]
# (start, end, RHK, description, output, satuan): one working day of the demo ASN
DAY = [
    (
        datetime.time(7, 30),
        datetime.time(10, 0),
        RHK_UTAMA,
        "Memantau pengangkutan sampah di {tps} TPS Kelurahan Sidodadi bersama operator truk",
        "{tps}",
        "TPS",
    ),
    (
        datetime.time(10, 0),
        datetime.time(12, 0),
        RHK_UTAMA,
        "Memeriksa kebersihan TPS setelah pengangkutan dan memotret kondisi akhirnya",
        "1",
        "laporan",
    ),
    (
        datetime.time(13, 0),
        datetime.time(15, 30),
        RHK_UTAMA,
        "Menindaklanjuti {aduan} aduan warga tentang sampah menumpuk di Jalan Juanda",
        "{aduan}",
        "aduan",
    ),
]
SOSIALISASI = (
    datetime.time(13, 0),
    datetime.time(15, 30),
    RHK_TAMBAHAN,
    "Sosialisasi pemilahan sampah organik dan anorganik di RT 12 Sidodadi",
    "1",
    "kegiatan",
)
RETURN_NOTE = "Sebutkan TPS mana saja yang diperiksa dan lampirkan fotonya."
KEY_NAMESPACE = uuid.UUID("6f0b2a52-6c1e-4d1a-9a57-6b1f2d9e2026")


def seed(stdout=None) -> None:
    with transaction.atomic():
        asn = Pegawai.objects.filter(jabatan__kode=ASN_JABATAN).order_by("pk").first()
        kasi = Pegawai.objects.filter(jabatan__kode=KASI_JABATAN).order_by("pk").first()
        periode = Periode.objects.filter(tahun=indikator_demo.TAHUN).first()
        if asn is None or kasi is None or periode is None:
            return
        rhk = _seed_skp(asn, kasi, periode)
        days = _demo_days(asn, timezone.localdate())
        for index, day in enumerate(days):
            _seed_day(asn, kasi, rhk, day, index, len(days))


def _seed_skp(asn, kasi, periode) -> dict[str, RencanaHasilKerja]:
    skp = Skp.objects.filter(
        pegawai=asn, periode=periode, jabatan=asn.jabatan_id
    ).first()
    if skp is None:
        kasi_skp = Skp.objects.get(
            pegawai=kasi, periode=periode, status=Skp.Status.DISETUJUI
        )
        kasi_iki = IndikatorKinerjaIndividu.objects.get(
            rhk__skp=kasi_skp, uraian=KASI_IKI
        )
        indikator_services.save_and_push_matriks(
            kasi_skp, cells={(kasi_iki.pk, asn.pk): RHK_UTAMA}, push=True
        )
        skp = Skp.objects.get(pegawai=asn, periode=periode, jabatan=asn.jabatan_id)
    upsert(
        RencanaHasilKerja,
        {"skp": skp, "uraian": RHK_TAMBAHAN},
        {"jenis": RencanaHasilKerja.Jenis.TAMBAHAN, "urutan": 2},
    )
    rhk = {r.uraian: r for r in skp.rencanahasilkerja_set.all()}
    for rhk_uraian, aspek, uraian, target, satuan in IKI:
        upsert(
            IndikatorKinerjaIndividu,
            {"rhk": rhk[rhk_uraian], "uraian": uraian},
            {"aspek": aspek, "target": target, "satuan": satuan},
        )
    approved_on = datetime.datetime(periode.tahun, 1, 21, 9, 0, tzinfo=datetime.UTC)
    upsert(
        Skp,
        {"pk": skp.pk},
        {
            "status": Skp.Status.DISETUJUI,
            "diajukan_pada": approved_on,
            "disetujui_pada": approved_on,
            **indikator_demo.LAMPIRAN,
        },
    )
    return rhk


def _demo_days(asn, today) -> list[datetime.date]:
    """The working days of the month before today (inside the demo year), minus one day of leave."""
    end = min(
        today - datetime.timedelta(days=1), datetime.date(indikator_demo.TAHUN, 12, 31)
    )
    start = max(
        end - datetime.timedelta(days=30), datetime.date(indikator_demo.TAHUN, 1, 1)
    )
    off = kalender.merge_days_off(start, end, [])
    days = [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]
    days = [d for d in days if not kalender.is_weekend(d) and d not in off]
    if len(days) > 10:
        leave = days[len(days) // 2]
        if not Cuti.objects.filter(
            pegawai=asn, mulai__lte=leave, selesai__gte=leave
        ).exists():
            Cuti.objects.create(
                pegawai=asn,
                jenis=Cuti.Jenis.TAHUNAN,
                mulai=leave,
                selesai=leave,
                keterangan="Keperluan keluarga",
            )
    leave_days = {
        d
        for c in Cuti.objects.filter(pegawai=asn)
        for d in days
        if c.mulai <= d <= c.selesai
    }
    return [d for d in days if d not in leave_days]


def _seed_day(asn, kasi, rhk, day, index, count) -> None:
    """Days long ago are approved, the last week waits (one entry returned), the last two are drafts."""
    rng = random.Random(day.toordinal())
    left = count - index
    status = (
        Status.DRAFT
        if left <= 2
        else Status.DIAJUKAN
        if left <= 6
        else Status.DISETUJUI
    )
    entries = list(DAY)
    if day.weekday() == 3:
        entries[2] = SOSIALISASI  # Thursdays: sosialisasi in the afternoon
    values = {"tps": rng.choice([6, 7, 8]), "aduan": rng.choice([1, 2, 3])}
    for number, (mulai, selesai, rhk_uraian, uraian, output, satuan) in enumerate(
        entries
    ):
        kunci = uuid.uuid5(KEY_NAMESPACE, f"{asn.nip}:{day.isoformat()}:{number}")
        if Aktivitas.objects.filter(pegawai=asn, kunci=kunci).exists():
            continue
        entry_status = Status.DIKEMBALIKAN if left == 4 and number == 1 else status
        submitted = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(16, 5))
        )
        decided = submitted + datetime.timedelta(days=1, hours=1)
        aktivitas = Aktivitas.objects.create(
            pegawai=asn,
            tanggal=day,
            jam_mulai=mulai,
            jam_selesai=selesai,
            rhk=rhk[rhk_uraian],
            uraian=uraian.format(**values),
            kuantitas_output=Decimal(output.format(**values)),
            satuan_output=satuan,
            kunci=kunci,
            status=entry_status,
            diajukan_pada=submitted if entry_status != Status.DRAFT else None,
            diputuskan_oleh=kasi.akun
            if entry_status in (Status.DISETUJUI, Status.DIKEMBALIKAN)
            else None,
            diputuskan_pada=decided
            if entry_status in (Status.DISETUJUI, Status.DIKEMBALIKAN)
            else None,
            catatan_atasan=RETURN_NOTE if entry_status == Status.DIKEMBALIKAN else "",
        )
        if number == 0 and day.weekday() == 0:
            BuktiDukung.objects.create(
                pegawai=asn,
                aktivitas=aktivitas,
                kunci=kunci,
                tautan="https://drive.samarindakota.go.id/dlh/laporan-tps",
            )
