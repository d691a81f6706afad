"""The BerAKHLAK core values and their official guides (master data, seeded by a migration)."""

from django.db import models

from core.fields import BilanganBulatPositifField


class PerilakuKerja(models.Model):
    """One of the 7 BerAKHLAK core values (master data, seeded by a migration)."""

    urutan = BilanganBulatPositifField("urutan", unique=True)
    nama = models.CharField("nilai", max_length=60)
    definisi = models.CharField("definisi", max_length=200)

    class Meta:
        verbose_name = "perilaku kerja (BerAKHLAK)"
        verbose_name_plural = "perilaku kerja (BerAKHLAK)"
        ordering = ["urutan"]

    def __str__(self):
        return self.nama


class PanduanPerilaku(models.Model):
    perilaku = models.ForeignKey(
        PerilakuKerja,
        verbose_name="perilaku kerja",
        on_delete=models.CASCADE,
        related_name="panduan",
    )
    urutan = BilanganBulatPositifField("urutan")
    uraian = models.CharField("panduan perilaku", max_length=200)

    class Meta:
        verbose_name = "panduan perilaku"
        verbose_name_plural = "panduan perilaku"
        ordering = ["perilaku__urutan", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["perilaku", "urutan"], name="panduan_perilaku_unik"
            )
        ]

    def __str__(self):
        return self.uraian
