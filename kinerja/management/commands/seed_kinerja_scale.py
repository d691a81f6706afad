"""Bulk activities for benchmarks (not for demos): three a working day for every active pegawai.

`manage.py seed_kinerja_scale --months 3` adds the last three months (ending yesterday) for
every active pegawai, approved, on one benchmark RHK; with 12,000 pegawai a quarter is about
2.3 million rows and 13 months about 10 million. On PostgreSQL it is one INSERT … SELECT over
generate_series per month; elsewhere bulk_create in batches. Days that already have benchmark
rows are skipped, so a rerun adds nothing. No history rows are written (benchmark data).
"""

import datetime
import uuid

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from indikator import services as indikator_services
from indikator.models import Periode, RencanaHasilKerja, Skp
from kinerja import kalender
from kinerja.models import Aktivitas, Status
from organisasi.models import Pegawai

SLOTS = [
    (datetime.time(7, 30), datetime.time(10, 0), 150),
    (datetime.time(10, 0), datetime.time(12, 0), 120),
    (datetime.time(13, 0), datetime.time(15, 30), 150),
]
MARK = "Kegiatan skala"


class Command(BaseCommand):
    help = "Isi aktivitas harian skala kota untuk benchmark (mis. --months 3)."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=3)

    def handle(self, *args, months, **options):
        rhk = _bench_rhk()
        end = timezone.localdate() - datetime.timedelta(days=1)
        start = (
            end.replace(day=1) - datetime.timedelta(days=31 * (months - 1))
        ).replace(day=1)
        added = 0
        month = start
        while month <= end:
            last = min(kalender.last_of_month(month), end)
            with transaction.atomic():
                added += _seed_span(month, last, rhk)
            self.stdout.write(f"  {kalender.format_month(month)}: selesai")
            month = last + datetime.timedelta(days=1)
        self.stdout.write(
            self.style.SUCCESS(
                f"{added} aktivitas skala ditambahkan ({start} s.d. {end})."
            )
        )


def _bench_rhk() -> RencanaHasilKerja:
    """One RHK that every benchmark row points to, on an approved SKP of the first pegawai."""
    existing = RencanaHasilKerja.objects.filter(uraian=MARK).first()
    if existing:
        return existing
    pegawai = Pegawai.objects.active().order_by("pk").first()
    tahun = timezone.localdate().year
    periode = Periode.objects.filter(
        tahun=tahun
    ).first() or indikator_services.create_periode(tahun=tahun, skema="triwulanan")
    skp = Skp.objects.create(
        pegawai=pegawai,
        periode=periode,
        jabatan=pegawai.jabatan,
        status=Skp.Status.DISETUJUI,
        tanggal_mulai=datetime.date(2000, 1, 1),
        tanggal_selesai=datetime.date(2100, 12, 31),
    )
    return RencanaHasilKerja.objects.create(skp=skp, uraian=MARK)


def _seed_span(first, last, rhk) -> int:
    if Aktivitas.objects.filter(
        tanggal__range=(first, last), uraian__startswith=MARK
    ).exists():
        return 0
    if connection.vendor == "postgresql":
        return _insert_select(first, last, rhk)
    return _bulk_create(first, last, rhk)


def _insert_select(first, last, rhk) -> int:
    slots = ", ".join(
        f"({n}, time '{a:%H:%M}', time '{b:%H:%M}', {m})"
        for n, (a, b, m) in enumerate(SLOTS, start=1)
    )
    sql = f"""
        INSERT INTO kinerja_aktivitas (created_at, updated_at, pegawai_id, tanggal, jam_mulai, jam_selesai, menit,
            rhk_id, uraian, kuantitas_output, satuan_output, status, catatan_atasan, diajukan_pada, diputuskan_pada,
            kunci)
        SELECT now(), now(), p.id, d::date, s.mulai, s.selesai, s.menit, %s, %s || ' ' || s.n, 1, 'kegiatan', %s, '',
            d + interval '16 hours', d + interval '40 hours', md5(p.id || '-' || d::date || '-' || s.n)::uuid
        FROM organisasi_pegawai p
        CROSS JOIN generate_series(%s::date, %s::date, interval '1 day') AS d
        CROSS JOIN (VALUES {slots}) AS s(n, mulai, selesai, menit)
        WHERE p.aktif AND extract(isodow FROM d) < 6
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [rhk.pk, MARK, Status.DISETUJUI, first, last])
        return cursor.rowcount


def _bulk_create(first, last, rhk) -> int:
    pegawai_ids = list(Pegawai.objects.active().values_list("pk", flat=True))
    rows, day = [], first
    while day <= last:
        if not kalender.is_weekend(day):
            rows += [
                Aktivitas(
                    pegawai_id=pk,
                    tanggal=day,
                    jam_mulai=a,
                    jam_selesai=b,
                    menit=m,
                    rhk=rhk,
                    uraian=f"{MARK} {n}",
                    status=Status.DISETUJUI,
                    kunci=uuid.uuid4(),
                )
                for pk in pegawai_ids
                for n, (a, b, m) in enumerate(SLOTS, start=1)
            ]
        day += datetime.timedelta(days=1)
    Aktivitas.objects.bulk_create(rows, batch_size=5000)
    return len(rows)
