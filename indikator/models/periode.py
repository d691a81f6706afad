"""Performance years and their months or quarters, set and locked by BKPSDM."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.fields import BilanganBulatPositifField
from core.models import TimeStampedModel


class PeriodeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every signed-in user reads the periods (their deadlines apply to everyone)."""
        return self if user.is_authenticated else self.none()


class Periode(TimeStampedModel):
    """A performance year with its evaluation scheme; BKPSDM sets it and may lock it."""

    class Skema(models.TextChoices):
        BULANAN = "bulanan", "Bulanan"
        TRIWULANAN = "triwulanan", "Triwulanan"

    tahun = BilanganBulatPositifField("tahun", unique=True)
    skema = models.CharField(
        "skema periode penilaian",
        max_length=12,
        choices=Skema.choices,
        default=Skema.TRIWULANAN,
    )
    batas_penetapan_skp = models.DateField(
        "batas penetapan SKP", help_text="Bawaan: 31 Januari."
    )
    terkunci = models.BooleanField(
        "terkunci",
        default=False,
        help_text="Tahun terkunci tidak dapat diubah kecuali oleh BKPSDM dengan alasan.",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = PeriodeQuerySet.as_manager()

    class Meta:
        verbose_name = "periode"
        verbose_name_plural = "periode"
        ordering = ["-tahun"]

    def __str__(self):
        return f"Tahun {self.tahun}"

    def get_absolute_url(self):
        return reverse("indikator:periode_detail", args=[self.pk])

    def clean(self):
        if self.tahun and not 2000 <= self.tahun <= 2100:
            raise ValidationError({"tahun": "Tahun harus antara 2000 dan 2100."})
        if (
            self.tahun
            and self.batas_penetapan_skp
            and self.batas_penetapan_skp.year != self.tahun
        ):
            raise ValidationError(
                {
                    "batas_penetapan_skp": "Batas penetapan SKP harus jatuh pada tahun yang sama."
                }
            )

    @property
    def mulai(self):
        return datetime.date(self.tahun, 1, 1)

    @property
    def selesai(self):
        return datetime.date(self.tahun, 12, 31)


class PeriodePenilaian(TimeStampedModel):
    """One month or quarter of a year, with its own due dates and lock."""

    periode = models.ForeignKey(
        Periode, verbose_name="periode", on_delete=models.CASCADE
    )
    nomor = BilanganBulatPositifField("nomor")
    nama = models.CharField("nama", max_length=40)
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai")
    batas_realisasi = models.DateField("batas pengisian realisasi")
    batas_evaluasi = models.DateField("batas evaluasi")
    terkunci = models.BooleanField("terkunci", default=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "periode penilaian"
        verbose_name_plural = "periode penilaian"
        ordering = ["periode__tahun", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "nomor"], name="periode_penilaian_unik"
            )
        ]

    def __str__(self):
        return f"{self.nama} {self.periode.tahun}"

    def clean(self):
        if self.mulai and self.selesai and self.mulai > self.selesai:
            raise ValidationError(
                {"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."}
            )
        if (
            self.selesai
            and self.batas_realisasi
            and self.batas_realisasi < self.selesai
        ):
            raise ValidationError(
                {
                    "batas_realisasi": "Batas realisasi tidak boleh sebelum periode berakhir."
                }
            )
        if (
            self.batas_realisasi
            and self.batas_evaluasi
            and self.batas_evaluasi < self.batas_realisasi
        ):
            raise ValidationError(
                {
                    "batas_evaluasi": "Batas evaluasi tidak boleh sebelum batas realisasi."
                }
            )

    @property
    def is_locked(self):
        return self.terkunci or self.periode.terkunci
