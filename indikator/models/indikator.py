"""Unit-level indicators (Renstra / IKU / PK) under their sasaran strategis, with realisasi and capaian."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.fields import BilanganBulatPositifField, DesimalField
from core.models import TimeStampedModel
from indikator import capaian
from indikator.capaian import compute_capaian, target_display, target_errors
from indikator.models.periode import Periode, PeriodePenilaian
from organisasi.permissions import UnitScopedQuerySet


class Polaritas(models.TextChoices):
    NAIK = capaian.NAIK, "Makin tinggi makin baik"
    TURUN = capaian.TURUN, "Makin rendah makin baik"
    RENTANG = capaian.RENTANG, "Rentang (batas bawah–atas)"


class SasaranStrategisQuerySet(UnitScopedQuerySet):
    pegawai_scope = "opd"


class SasaranStrategis(TimeStampedModel):
    unit = models.ForeignKey(
        "organisasi.UnitKerja", verbose_name="unit kerja", on_delete=models.PROTECT
    )
    kode = models.CharField("kode", max_length=40, unique=True)
    nama = models.CharField("sasaran strategis", max_length=300)

    objects = SasaranStrategisQuerySet.as_manager()

    class Meta:
        verbose_name = "sasaran strategis"
        verbose_name_plural = "sasaran strategis"
        ordering = ["unit__path", "kode"]

    def __str__(self):
        return self.nama


class IndikatorKinerjaQuerySet(UnitScopedQuerySet):
    unit_field = "sasaran__unit"
    pegawai_scope = "opd"

    def for_tahun(self, tahun):
        return self.filter(tahun=tahun) if tahun else self

    def search(self, q):
        return self.filter(Q(nama__icontains=q) | Q(kode__icontains=q)) if q else self

    def with_related(self):
        """Sasaran and unit joined, and whether the indicator's year is locked (see is_locked)."""
        locked = Periode.objects.filter(tahun=OuterRef("tahun"), terkunci=True)
        return self.select_related("sasaran__unit").annotate(
            tahun_terkunci=Exists(locked)
        )


class IndikatorKinerja(TimeStampedModel):
    """A unit-level indicator (IKU / Perjanjian Kinerja) with its target for one year."""

    class Dokumen(models.TextChoices):
        RENSTRA = "renstra", "Renstra"
        IKU = "iku", "IKU"
        PK = "pk", "Perjanjian Kinerja"

    sasaran = models.ForeignKey(
        SasaranStrategis, verbose_name="sasaran strategis", on_delete=models.PROTECT
    )
    kode = models.CharField("kode", max_length=40)
    nama = models.CharField("indikator kinerja", max_length=300)
    dokumen = models.CharField(
        "dokumen", max_length=10, choices=Dokumen.choices, default=Dokumen.IKU
    )
    tahun = BilanganBulatPositifField("tahun")
    satuan = models.CharField("satuan", max_length=40)
    polaritas = models.CharField(
        "polaritas", max_length=10, choices=Polaritas.choices, default=Polaritas.NAIK
    )
    target = DesimalField(
        "target",
        max_digits=14,
        decimal_places=2,
        help_text="Untuk rentang: batas bawah.",
    )
    target_atas = DesimalField(
        "batas atas target",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Hanya untuk polaritas rentang.",
    )
    kebutuhan = models.ManyToManyField(
        "organisasi.Kebutuhan",
        verbose_name="kebutuhan yang dijawab",
        blank=True,
        help_text="Kebutuhan organisasi (dari survei, evaluasi program, arahan pimpinan) yang dijawab indikator ini.",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = IndikatorKinerjaQuerySet.as_manager()

    class Meta:
        verbose_name = "indikator kinerja"
        verbose_name_plural = "indikator kinerja"
        ordering = ["sasaran__unit__path", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["kode", "tahun"], name="indikator_kinerja_kode_tahun_unik"
            ),
            models.CheckConstraint(
                condition=Q(target__gte=0),
                name="indikator_kinerja_target_tidak_negatif",
            ),
        ]

    def __str__(self):
        return f"{self.kode} {self.nama} ({self.tahun})"

    def get_absolute_url(self):
        return reverse("indikator:indikator_detail", args=[self.pk])

    def clean(self):
        errors = target_errors(self.target, self.target_atas, self.polaritas)
        if errors:
            raise ValidationError(errors)

    @property
    def target_display(self):
        return target_display(self.target, self.target_atas, self.satuan)

    def is_locked(self) -> bool:
        """Whether the indicator's year is locked (annotated by with_related(), else one query)."""
        if hasattr(self, "tahun_terkunci"):
            return self.tahun_terkunci
        return Periode.objects.filter(tahun=self.tahun, terkunci=True).exists()

    def capaian_of(self, nilai):
        return compute_capaian(nilai, self.target, self.polaritas, self.target_atas)


class RealisasiIndikator(TimeStampedModel):
    """The realisation of a unit indicator in one period (month or quarter)."""

    indikator = models.ForeignKey(
        IndikatorKinerja, verbose_name="indikator kinerja", on_delete=models.CASCADE
    )
    periode_penilaian = models.ForeignKey(
        PeriodePenilaian, verbose_name="periode penilaian", on_delete=models.PROTECT
    )
    nilai = DesimalField("realisasi", max_digits=14, decimal_places=2)
    keterangan = models.TextField("keterangan", blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "realisasi indikator"
        verbose_name_plural = "realisasi indikator"
        ordering = ["periode_penilaian__nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "periode_penilaian"],
                name="realisasi_indikator_unik",
            ),
        ]

    def __str__(self):
        return f"{self.indikator.kode} {self.periode_penilaian}: {self.nilai}"

    @property
    def capaian(self):
        return self.indikator.capaian_of(self.nilai)
