"""The job row of "Terbitkan akun" (status, progress, the private workbook's name); no existing data changes."""

import core.fields
import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisasi', '0010_angka_indonesia'),
    ]

    operations = [
        migrations.CreateModel(
            name='PenerbitanAkun',
            fields=[
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='dibuat')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='diubah')),
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('reset_existing', models.BooleanField(default=False, verbose_name='terbitkan ulang kata sandi akun yang ada')),
                ('status', models.CharField(choices=[('antre', 'Menunggu giliran'), ('berjalan', 'Sedang diproses'), ('selesai', 'Selesai'), ('gagal', 'Gagal')], default='antre', max_length=10, verbose_name='status')),
                ('jumlah_pegawai', core.fields.BilanganBulatPositifField(default=0, verbose_name='jumlah akun yang disiapkan')),
                ('jumlah_diproses', core.fields.BilanganBulatPositifField(default=0, verbose_name='jumlah yang sudah disiapkan')),
                ('jumlah_diterbitkan', core.fields.BilanganBulatPositifField(default=0, verbose_name='jumlah akun diterbitkan')),
                ('jumlah_dilewati', core.fields.BilanganBulatPositifField(default=0, verbose_name='jumlah pegawai dilewati')),
                ('berkas', models.CharField(blank=True, editable=False, max_length=200, verbose_name='berkas kata sandi (privat)')),
                ('selesai_pada', models.DateTimeField(blank=True, null=True, verbose_name='selesai pada')),
                ('diunduh_pada', models.DateTimeField(blank=True, null=True, verbose_name='diunduh pada')),
                ('pesan', models.CharField(blank=True, max_length=255, verbose_name='pesan')),
                ('diminta_oleh', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='diminta oleh')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisasi.unitkerja', verbose_name='unit kerja')),
            ],
            options={
                'verbose_name': 'penerbitan akun',
                'verbose_name_plural': 'penerbitan akun',
                'ordering': ['-created_at'],
            },
        ),
    ]
