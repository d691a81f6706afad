"""Answers to a survey: one Responden per filled form, one Jawaban per question, imported files,
and, apart from them, who took part in an internal survey."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.fields import BilanganBulatPositifField, DesimalField
from core.models import TimeStampedModel
from organisasi.models.akun import Pengguna
from organisasi.models.survei import Pertanyaan, Survei


class Responden(models.Model):
    class Usia(models.TextChoices):
        SAMPAI_19 = "<20", "di bawah 20 tahun"
        USIA_20 = "20-29", "20–29 tahun"
        USIA_30 = "30-39", "30–39 tahun"
        USIA_40 = "40-49", "40–49 tahun"
        USIA_50 = "50+", "50 tahun ke atas"

    class JenisKelamin(models.TextChoices):
        LAKI_LAKI = "L", "Laki-laki"
        PEREMPUAN = "P", "Perempuan"

    class Pendidikan(models.TextChoices):
        SD = "sd", "SD atau di bawahnya"
        SMP = "smp", "SMP"
        SMA = "sma", "SMA/SMK"
        DIPLOMA = "diploma", "D1–D3"
        SARJANA = "sarjana", "D4/S1"
        PASCASARJANA = "pascasarjana", "S2/S3"

    class Pekerjaan(models.TextChoices):
        ASN = "asn", "PNS/PPPK/TNI/Polri"
        SWASTA = "swasta", "Pegawai swasta"
        WIRAUSAHA = "wirausaha", "Wirausaha"
        PELAJAR = "pelajar", "Pelajar/Mahasiswa"
        RUMAH_TANGGA = "rumah_tangga", "Ibu/Bapak rumah tangga"
        LAINNYA = "lainnya", "Lainnya"

    class Sumber(models.TextChoices):
        DARING = "daring", "Formulir daring"
        IMPOR = "impor", "Impor berkas"

    survei = models.ForeignKey(Survei, verbose_name="survei", on_delete=models.CASCADE)
    diisi_pada = models.DateTimeField("diisi pada", default=timezone.now)
    usia = models.CharField("usia", max_length=5, choices=Usia.choices, blank=True)
    jenis_kelamin = models.CharField(
        "jenis kelamin", max_length=1, choices=JenisKelamin.choices, blank=True
    )
    pendidikan = models.CharField(
        "pendidikan terakhir", max_length=15, choices=Pendidikan.choices, blank=True
    )
    pekerjaan = models.CharField(
        "pekerjaan", max_length=15, choices=Pekerjaan.choices, blank=True
    )
    layanan = models.CharField("layanan yang diterima", max_length=200, blank=True)
    sumber = models.CharField(
        "sumber", max_length=10, choices=Sumber.choices, default=Sumber.DARING
    )
    # Public surveys: keyed hashes of the form ticket and of the IP address, enough to refuse a
    # second submission and to rate-limit without storing anything that identifies a citizen.
    # Internal surveys store neither (and diisi_pada only as a date): PartisipasiSurvei keeps
    # the one-answer rule, and nothing here may point back to an account.
    sesi_hash = models.CharField(
        "sidik sesi", max_length=64, blank=True, editable=False
    )
    ip_hash = models.CharField(
        "sidik alamat IP", max_length=64, blank=True, editable=False
    )

    class Meta:
        verbose_name = verbose_name_plural = "responden"
        ordering = ["-diisi_pada"]
        indexes = [models.Index(fields=["survei", "ip_hash", "diisi_pada"])]
        constraints = [
            models.UniqueConstraint(
                fields=["survei", "sesi_hash"],
                condition=~Q(sesi_hash=""),
                name="responden_satu_per_sesi",
            ),
        ]

    def __str__(self):
        return f"Responden {self.pk} – {self.survei}"


class PartisipasiSurvei(models.Model):
    """That an ASN answered an internal survey (one answer each), and nothing about what they answered.

    No link to the Responden, no hash, no timestamp and a random key, so not even the row order
    of this table pairs an account with its answers.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survei = models.ForeignKey(Survei, verbose_name="survei", on_delete=models.CASCADE)
    pengguna = models.ForeignKey(
        Pengguna, verbose_name="pengguna", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "partisipasi survei"
        constraints = [
            models.UniqueConstraint(
                fields=["survei", "pengguna"], name="partisipasi_satu_per_akun"
            )
        ]

    def __str__(self):
        return f"{self.pengguna} – {self.survei}"


class Jawaban(models.Model):
    responden = models.ForeignKey(
        Responden, verbose_name="responden", on_delete=models.CASCADE
    )
    pertanyaan = models.ForeignKey(
        Pertanyaan, verbose_name="pertanyaan", on_delete=models.CASCADE
    )
    nilai = DesimalField(
        "nilai", max_digits=12, decimal_places=2, null=True, blank=True
    )
    teks = models.TextField("jawaban teks", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "jawaban"
        constraints = [
            models.UniqueConstraint(
                fields=["responden", "pertanyaan"], name="jawaban_satu_per_pertanyaan"
            )
        ]
        indexes = [models.Index(fields=["pertanyaan", "nilai"])]

    def __str__(self):
        return f"{self.pertanyaan_id}: {self.nilai if self.nilai is not None else self.teks}"


class ImporResponden(TimeStampedModel):
    """One imported response file: its SHA-256 refuses the same file twice for a survey."""

    survei = models.ForeignKey(Survei, verbose_name="survei", on_delete=models.CASCADE)
    sha256 = models.CharField("SHA-256 berkas", max_length=64)
    nama_berkas = models.CharField("nama berkas", max_length=255)
    jumlah_responden = BilanganBulatPositifField("jumlah responden")
    diimpor_oleh = models.ForeignKey(
        Pengguna,
        verbose_name="diimpor oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = verbose_name_plural = "impor responden"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["survei", "sha256"], name="impor_responden_berkas_unik"
            )
        ]

    def __str__(self):
        return f"{self.nama_berkas} – {self.survei}"
