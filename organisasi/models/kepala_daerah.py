"""The Kepala Daerah: the Wali Kota and the Wakil, elected officials who are not ASN."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel


class KepalaDaerah(TimeStampedModel):
    """A Wali Kota or Wakil Wali Kota for one term; may have a login to act as penilai."""

    class Jabatan(models.TextChoices):
        WALI_KOTA = "wali_kota", "Wali Kota"
        WAKIL_WALI_KOTA = "wakil_wali_kota", "Wakil Wali Kota"

    nama = models.CharField("nama", max_length=150)
    jabatan = models.CharField("jabatan", max_length=20, choices=Jabatan.choices)
    # Not ASN: a NIP is kept only when the official happens to have one.
    nip = models.CharField("NIP", max_length=18, blank=True)
    akun = models.OneToOneField(
        "Pengguna",
        verbose_name="akun",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kepala_daerah",
    )
    aktif = models.BooleanField("aktif", default=True)
    masa_jabatan_mulai = models.DateField("masa jabatan mulai")
    masa_jabatan_selesai = models.DateField(
        "masa jabatan selesai", null=True, blank=True
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "kepala daerah"
        verbose_name_plural = "kepala daerah"
        ordering = ["-aktif", "jabatan", "-masa_jabatan_mulai"]
        constraints = [
            models.UniqueConstraint(
                fields=["jabatan"],
                condition=Q(aktif=True),
                name="satu_kepala_daerah_aktif_per_jabatan",
            ),
            models.CheckConstraint(
                condition=Q(masa_jabatan_selesai__isnull=True)
                | Q(masa_jabatan_selesai__gte=F("masa_jabatan_mulai")),
                name="masa_jabatan_kepala_daerah_urut",
            ),
        ]

    def __str__(self):
        return f"{self.get_jabatan_display()} {self.nama}"

    def clean(self):
        if (
            self.masa_jabatan_selesai
            and self.masa_jabatan_mulai
            and self.masa_jabatan_selesai < self.masa_jabatan_mulai
        ):
            raise ValidationError(
                {"masa_jabatan_selesai": "Masa jabatan selesai sebelum dimulai."}
            )
