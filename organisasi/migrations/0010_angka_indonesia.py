"""Numeric fields read "95,5" and "1.250,75" in every form (core.fields); no data changes.

Only the field classes change; kelas_jabatan and the two urutan columns widen from smallint to integer.
"""

import core.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('organisasi', '0009_partisipasi_survei'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicaljabatan',
            name='kelas_jabatan',
            field=core.fields.BilanganBulatPositifField(blank=True, null=True, verbose_name='kelas jabatan'),
        ),
        migrations.AlterField(
            model_name='historicalsurvei',
            name='target_responden',
            field=core.fields.BilanganBulatPositifField(default=150, verbose_name='target responden'),
        ),
        migrations.AlterField(
            model_name='imporresponden',
            name='jumlah_responden',
            field=core.fields.BilanganBulatPositifField(verbose_name='jumlah responden'),
        ),
        migrations.AlterField(
            model_name='jabatan',
            name='kelas_jabatan',
            field=core.fields.BilanganBulatPositifField(blank=True, null=True, verbose_name='kelas jabatan'),
        ),
        migrations.AlterField(
            model_name='jawaban',
            name='nilai',
            field=core.fields.DesimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='nilai'),
        ),
        migrations.AlterField(
            model_name='mutupelayanan',
            name='batas_atas',
            field=core.fields.DesimalField(decimal_places=2, max_digits=5, verbose_name='batas atas IKM'),
        ),
        migrations.AlterField(
            model_name='mutupelayanan',
            name='batas_bawah',
            field=core.fields.DesimalField(decimal_places=2, max_digits=5, verbose_name='batas bawah IKM'),
        ),
        migrations.AlterField(
            model_name='pertanyaan',
            name='bobot',
            field=core.fields.DesimalField(blank=True, decimal_places=4, help_text='Kosongkan untuk bobot standar; bila diisi, bobot semua unsur harus berjumlah 1.', max_digits=6, null=True, verbose_name='bobot unsur'),
        ),
        migrations.AlterField(
            model_name='pertanyaan',
            name='urutan',
            field=core.fields.BilanganBulatPositifField(verbose_name='urutan'),
        ),
        migrations.AlterField(
            model_name='survei',
            name='target_responden',
            field=core.fields.BilanganBulatPositifField(default=150, verbose_name='target responden'),
        ),
        migrations.AlterField(
            model_name='unsurskm',
            name='urutan',
            field=core.fields.BilanganBulatPositifField(unique=True, verbose_name='urutan'),
        ),
    ]
