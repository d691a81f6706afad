"""Surveys (SKM template or custom questions) and the SKM reference tables they are scored with."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.fields import BilanganBulatPositifField, DesimalField
from core.models import TimeStampedModel
from organisasi.models.akun import Pengguna
from organisasi.models.struktur import UnitKerja
from organisasi.permissions import ManagedUnitQuerySet


class MutuPelayanan(models.Model):
    """An SKM quality band (PermenPANRB 14/2017): an IKM from batas_bawah to batas_atas."""

    mutu = models.CharField("mutu pelayanan", max_length=1, unique=True)
    kinerja = models.CharField("kinerja unit pelayanan", max_length=30)
    batas_bawah = DesimalField("batas bawah IKM", max_digits=5, decimal_places=2)
    batas_atas = DesimalField("batas atas IKM", max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = verbose_name_plural = "mutu pelayanan"
        ordering = ["batas_bawah"]

    def __str__(self):
        return f"{self.mutu} ({self.kinerja}): {self.batas_bawah}–{self.batas_atas}"


class UnsurSkm(models.Model):
    """One of the SKM template's unsur; `urutan` is the order a new SKM survey gets."""

    urutan = BilanganBulatPositifField("urutan", unique=True)
    nama = models.CharField("nama unsur", max_length=100)
    pertanyaan = models.TextField("pertanyaan baku")
    pilihan = models.JSONField("label skala 1–4", default=list)

    class Meta:
        verbose_name = verbose_name_plural = "unsur SKM"
        ordering = ["urutan"]

    def __str__(self):
        return f"U{self.urutan} {self.nama}"


def new_survei_token() -> str:
    return secrets.token_urlsafe(24)


class Survei(TimeStampedModel):
    class Jenis(models.TextChoices):
        SKM = "skm", "Survei Kepuasan Masyarakat (SKM)"
        KHUSUS = "khusus", "Survei khusus program"

    class Status(models.TextChoices):
        DRAF = "draf", "Draf"
        DIBUKA = "dibuka", "Dibuka"
        DITUTUP = "ditutup", "Ditutup"

    class ModeBobot(models.TextChoices):
        EKSAK = "eksak", "Eksak: 1 ÷ jumlah unsur (1/9)"
        LITERAL = "literal", "0,11 seperti tertulis di PermenPANRB 14/2017"

    unit = models.ForeignKey(
        UnitKerja, verbose_name="unit kerja", on_delete=models.PROTECT
    )
    judul = models.CharField("judul survei", max_length=200)
    program = models.CharField("program/layanan", max_length=255)
    periode = models.CharField(
        "periode", max_length=50, help_text="Mis. Semester I 2026."
    )
    jenis = models.CharField(
        "jenis survei", max_length=10, choices=Jenis.choices, default=Jenis.SKM
    )
    internal = models.BooleanField(
        "khusus ASN",
        default=False,
        help_text="Hanya ASN unit ini yang masuk dengan akunnya yang dapat mengisi.",
    )
    target_responden = BilanganBulatPositifField("target responden", default=150)
    tanggal_buka = models.DateField("dibuka mulai")
    tanggal_tutup = models.DateField("ditutup setelah")
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.DRAF
    )
    mode_bobot = models.CharField(
        "bobot unsur", max_length=10, choices=ModeBobot.choices, default=ModeBobot.EKSAK
    )
    token = models.CharField(
        "token tautan publik",
        max_length=64,
        unique=True,
        default=new_survei_token,
        editable=False,
    )
    survei_sebelumnya = models.ForeignKey(
        "self",
        verbose_name="survei periode sebelumnya",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_oleh = models.ForeignKey(
        Pengguna,
        verbose_name="dibuat oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = ManagedUnitQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "survei"
        ordering = ["-tanggal_buka", "judul"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_tutup__gte=models.F("tanggal_buka")),
                name="survei_tutup_setelah_buka",
            ),
        ]

    def __str__(self):
        return f"{self.judul} ({self.periode})"

    def get_absolute_url(self):
        return reverse("organisasi:survei_detail", args=[self.pk])

    def clean(self):
        if (
            self.tanggal_buka
            and self.tanggal_tutup
            and self.tanggal_tutup < self.tanggal_buka
        ):
            raise ValidationError(
                {"tanggal_tutup": "Tanggal tutup tidak boleh sebelum tanggal buka."}
            )

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status == self.Status.DIBUKA
            and self.tanggal_buka <= today <= self.tanggal_tutup
        )


class Pertanyaan(models.Model):
    class Tipe(models.TextChoices):
        UNSUR_SKM = "unsur_skm", "Unsur SKM (skala 1–4)"
        LIKERT = "likert", "Skala Likert 1–5"
        YA_TIDAK = "ya_tidak", "Ya/Tidak"
        PILIHAN = "pilihan", "Pilihan tunggal"
        ANGKA = "angka", "Angka"
        TEKS = "teks", "Teks bebas"

    # (lowest, highest) accepted answer of the scaled types; yes = 1, no = 0.
    SKALA = {Tipe.UNSUR_SKM: (1, 4), Tipe.LIKERT: (1, 5), Tipe.YA_TIDAK: (0, 1)}
    # Answers are read through these: once a question has answers they cannot change.
    FIELDS_LOCKED_BY_ANSWERS = ("tipe", "pilihan", "bobot")

    survei = models.ForeignKey(Survei, verbose_name="survei", on_delete=models.CASCADE)
    urutan = BilanganBulatPositifField("urutan")
    teks = models.TextField("pertanyaan")
    unsur = models.CharField("nama unsur", max_length=100, blank=True)
    tipe = models.CharField("tipe jawaban", max_length=10, choices=Tipe.choices)
    pilihan = models.JSONField(
        "pilihan jawaban",
        default=list,
        blank=True,
        help_text="Pilihan tunggal: daftar pilihan. Skala: label tiap nilai, dari terendah.",
    )
    wajib = models.BooleanField("wajib dijawab", default=True)
    bobot = DesimalField(
        "bobot unsur",
        max_digits=6,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="Kosongkan untuk bobot standar; bila diisi, bobot semua unsur harus berjumlah 1.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "pertanyaan survei"
        ordering = ["survei", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["survei", "urutan"], name="pertanyaan_urutan_unik"
            )
        ]

    def __str__(self):
        return f"{self.urutan}. {self.unsur or self.teks[:60]}"

    @property
    def skala(self):
        return self.SKALA.get(self.tipe)

    @property
    def label(self):
        return self.unsur or self.teks
