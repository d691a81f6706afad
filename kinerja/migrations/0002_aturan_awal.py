"""The rules of daily activities as rows BKPSDM edits in the admin (issue 10 §4).

Values: 5 grace days after a month ends; drafts may be planned one day ahead; the TPP norm of
6.750 minutes a month; working hours 07.30–16.00; at most 720 minutes a day; hints for
descriptions under 20 characters, repeated on 5 other days, or days above 150 % of the daily
norm. Guru (fungsional in a sekolah) follow their teaching schedule and need not log daily.
"""

import datetime

from django.db import migrations

ATURAN = {
    "hari_tenggang": 5,
    "hari_rencana": 1,
    "norma_menit_bulanan": 6750,
    "jam_kerja_mulai": datetime.time(7, 30),
    "jam_kerja_selesai": datetime.time(16, 0),
    "menit_maksimal_per_hari": 720,
    "panjang_uraian_minimal": 20,
    "hari_uraian_berulang": 5,
    "persen_hari_tinggi": 150,
}
KEWAJIBAN = [
    ("fungsional", "sekolah", False, "Guru: mengikuti jadwal mengajar, tidak wajib mengisi setiap hari."),
]


def seed(apps, schema_editor):
    AturanAktivitas = apps.get_model("kinerja", "AturanAktivitas")
    KewajibanLapor = apps.get_model("kinerja", "KewajibanLapor")
    AturanAktivitas.objects.get_or_create(pk=1, defaults=ATURAN)
    for jenis_jabatan, jenis_unit, wajib_harian, keterangan in KEWAJIBAN:
        KewajibanLapor.objects.get_or_create(
            jenis_jabatan=jenis_jabatan, jenis_unit=jenis_unit,
            defaults={"wajib_harian": wajib_harian, "keterangan": keterangan},
        )


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0001_awal")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
