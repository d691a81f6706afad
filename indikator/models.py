"""Periods, unit indicators (Renstra / IKU / PK) with capaian, and each ASN's SKP.

The SKP cascades: every RHK of a pegawai names the RHK of their atasan it intervenes
(a JPT names the unit indicator it serves instead).
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from indikator.capaian import Polaritas, compute_capaian, target_display, target_errors, waktu_months
from organisasi.permissions import PersonalQuerySet, UnitScopedQuerySet

# --- periods ------------------------------------------------------------------


class Periode(TimeStampedModel):
    """A performance year with its evaluation scheme; BKPSDM sets it and may lock it."""

    class Skema(models.TextChoices):
        BULANAN = "bulanan", "Bulanan"
        TRIWULANAN = "triwulanan", "Triwulanan"

    tahun = models.PositiveSmallIntegerField("tahun", unique=True)
    skema = models.CharField("skema periode penilaian", max_length=12, choices=Skema.choices,
                             default=Skema.TRIWULANAN)
    batas_penetapan_skp = models.DateField("batas penetapan SKP", help_text="Bawaan: 31 Januari.")
    terkunci = models.BooleanField("terkunci", default=False,
                                   help_text="Tahun terkunci tidak dapat diubah kecuali oleh BKPSDM dengan alasan.")

    history = HistoricalRecords(excluded_fields=["updated_at"])

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
        if self.tahun and self.batas_penetapan_skp and self.batas_penetapan_skp.year != self.tahun:
            raise ValidationError({"batas_penetapan_skp": "Batas penetapan SKP harus jatuh pada tahun yang sama."})

    @property
    def mulai(self):
        return datetime.date(self.tahun, 1, 1)

    @property
    def selesai(self):
        return datetime.date(self.tahun, 12, 31)


class PeriodePenilaian(TimeStampedModel):
    """One month or quarter of a year, with its own due dates and lock."""

    periode = models.ForeignKey(Periode, verbose_name="periode", on_delete=models.CASCADE)
    nomor = models.PositiveSmallIntegerField("nomor")
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
        constraints = [models.UniqueConstraint(fields=["periode", "nomor"], name="periode_penilaian_unik")]

    def __str__(self):
        return f"{self.nama} {self.periode.tahun}"

    def clean(self):
        if self.mulai and self.selesai and self.mulai > self.selesai:
            raise ValidationError({"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})
        if self.selesai and self.batas_realisasi and self.batas_realisasi < self.selesai:
            raise ValidationError({"batas_realisasi": "Batas realisasi tidak boleh sebelum periode berakhir."})
        if self.batas_realisasi and self.batas_evaluasi and self.batas_evaluasi < self.batas_realisasi:
            raise ValidationError({"batas_evaluasi": "Batas evaluasi tidak boleh sebelum batas realisasi."})

    @property
    def is_locked(self):
        return self.terkunci or self.periode.terkunci


def month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


# --- unit indicators ----------------------------------------------------------


class SasaranStrategisQuerySet(UnitScopedQuerySet):
    pegawai_scope = "opd"


class SasaranStrategis(TimeStampedModel):
    unit = models.ForeignKey("organisasi.UnitKerja", verbose_name="unit kerja", on_delete=models.PROTECT)
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
        return self.select_related("sasaran__unit").annotate(tahun_terkunci=Exists(locked))


class IndikatorKinerja(TimeStampedModel):
    """A unit-level indicator (IKU / Perjanjian Kinerja) with its target for one year."""

    class Dokumen(models.TextChoices):
        RENSTRA = "renstra", "Renstra"
        IKU = "iku", "IKU"
        PK = "pk", "Perjanjian Kinerja"

    sasaran = models.ForeignKey(SasaranStrategis, verbose_name="sasaran strategis", on_delete=models.PROTECT)
    kode = models.CharField("kode", max_length=40)
    nama = models.CharField("indikator kinerja", max_length=300)
    dokumen = models.CharField("dokumen", max_length=10, choices=Dokumen.choices, default=Dokumen.IKU)
    tahun = models.PositiveSmallIntegerField("tahun")
    satuan = models.CharField("satuan", max_length=40)
    polaritas = models.CharField("polaritas", max_length=10, choices=Polaritas.choices, default=Polaritas.NAIK)
    target = models.DecimalField("target", max_digits=14, decimal_places=2,
                                 help_text="Untuk rentang: batas bawah.")
    target_atas = models.DecimalField("batas atas target", max_digits=14, decimal_places=2, null=True, blank=True,
                                      help_text="Hanya untuk polaritas rentang.")
    kebutuhan = models.ManyToManyField(
        "organisasi.Kebutuhan", verbose_name="kebutuhan yang dijawab", blank=True,
        help_text="Kebutuhan organisasi (dari survei, evaluasi program, arahan pimpinan) yang dijawab indikator ini.",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = IndikatorKinerjaQuerySet.as_manager()

    class Meta:
        verbose_name = "indikator kinerja"
        verbose_name_plural = "indikator kinerja"
        ordering = ["sasaran__unit__path", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["kode", "tahun"], name="indikator_kinerja_kode_tahun_unik"),
            models.CheckConstraint(condition=Q(target__gte=0), name="indikator_kinerja_target_tidak_negatif"),
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

    indikator = models.ForeignKey(IndikatorKinerja, verbose_name="indikator kinerja", on_delete=models.CASCADE)
    periode_penilaian = models.ForeignKey(PeriodePenilaian, verbose_name="periode penilaian",
                                          on_delete=models.PROTECT)
    nilai = models.DecimalField("realisasi", max_digits=14, decimal_places=2)
    keterangan = models.TextField("keterangan", blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "realisasi indikator"
        verbose_name_plural = "realisasi indikator"
        ordering = ["periode_penilaian__nomor"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "periode_penilaian"], name="realisasi_indikator_unik"),
        ]

    def __str__(self):
        return f"{self.indikator.kode} {self.periode_penilaian}: {self.nilai}"

    @property
    def capaian(self):
        return self.indikator.capaian_of(self.nilai)


# --- BerAKHLAK ------------------------------------------------------------------


class PerilakuKerja(models.Model):
    """One of the 7 BerAKHLAK core values (master data, seeded by a migration)."""

    urutan = models.PositiveSmallIntegerField("urutan", unique=True)
    nama = models.CharField("nilai", max_length=60)
    definisi = models.CharField("definisi", max_length=200)

    class Meta:
        verbose_name = "perilaku kerja (BerAKHLAK)"
        verbose_name_plural = "perilaku kerja (BerAKHLAK)"
        ordering = ["urutan"]

    def __str__(self):
        return self.nama


class PanduanPerilaku(models.Model):
    perilaku = models.ForeignKey(PerilakuKerja, verbose_name="perilaku kerja", on_delete=models.CASCADE,
                                 related_name="panduan")
    urutan = models.PositiveSmallIntegerField("urutan")
    uraian = models.CharField("panduan perilaku", max_length=200)

    class Meta:
        verbose_name = "panduan perilaku"
        verbose_name_plural = "panduan perilaku"
        ordering = ["perilaku__urutan", "urutan"]
        constraints = [models.UniqueConstraint(fields=["perilaku", "urutan"], name="panduan_perilaku_unik")]

    def __str__(self):
        return self.uraian


# --- SKP --------------------------------------------------------------------------


class SkpQuerySet(PersonalQuerySet):
    def for_tahun(self, tahun):
        return self.filter(periode__tahun=tahun)

    def with_related(self):
        return self.select_related("periode", "pegawai__jabatan", "pegawai__unit", "jabatan")

    def open(self):
        return self.filter(status__in=Skp.OPEN_STATUSES)


class Skp(TimeStampedModel):
    """Sasaran Kinerja Pegawai: one pegawai's performance agreement for a year and a position."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        DIAJUKAN = "diajukan", "Diajukan"
        DISETUJUI = "disetujui", "Disetujui"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"

    class Pendekatan(models.TextChoices):
        KUANTITATIF = "kuantitatif", "Kuantitatif"
        KUALITATIF = "kualitatif", "Kualitatif"

    OPEN_STATUSES = (Status.DRAFT, Status.DIAJUKAN, Status.DIKEMBALIKAN)
    EDITABLE_STATUSES = (Status.DRAFT, Status.DIKEMBALIKAN)

    pegawai = models.ForeignKey("organisasi.Pegawai", verbose_name="pegawai", on_delete=models.PROTECT)
    periode = models.ForeignKey(Periode, verbose_name="periode", on_delete=models.PROTECT)
    jabatan = models.ForeignKey("organisasi.Jabatan", verbose_name="jabatan", on_delete=models.PROTECT)
    penilai = models.ForeignKey("organisasi.Pegawai", verbose_name="pejabat penilai kinerja", null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="skp_dinilai")
    pendekatan = models.CharField("pendekatan", max_length=12, choices=Pendekatan.choices,
                                  default=Pendekatan.KUANTITATIF)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.DRAFT)
    tanggal_mulai = models.DateField("periode penilaian mulai")
    tanggal_selesai = models.DateField("periode penilaian selesai")
    # Frozen copy of the three officials (nama, nip, pangkat, jabatan, unit) so reprints stay historical.
    snapshot = models.JSONField("data pejabat saat SKP dibuat/diajukan", default=dict, blank=True)
    alasan_pengembalian = models.TextField("alasan dikembalikan", blank=True)
    diajukan_pada = models.DateTimeField("diajukan pada", null=True, blank=True)
    disetujui_pada = models.DateTimeField("disetujui pada", null=True, blank=True)
    dukungan_sumber_daya = models.TextField("dukungan sumber daya", blank=True)
    skema_pertanggungjawaban = models.TextField("skema pertanggungjawaban", blank=True)
    konsekuensi = models.TextField("konsekuensi", blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = SkpQuerySet.as_manager()

    class Meta:
        verbose_name = "SKP"
        verbose_name_plural = "SKP"
        ordering = ["-periode__tahun", "pegawai__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "periode"], condition=Q(status__in=["draft", "diajukan", "dikembalikan"]),
                name="skp_satu_terbuka_per_pegawai_tahun",
            ),
        ]
        indexes = [models.Index(fields=["penilai", "status"])]

    def __str__(self):
        return f"SKP {self.periode.tahun} – {self.snapshot.get('pegawai', {}).get('nama', self.pegawai_id)}"

    def get_absolute_url(self):
        return reverse("indikator:skp_detail", args=[self.pk])

    def clean(self):
        if self.tanggal_mulai and self.tanggal_selesai and self.tanggal_mulai > self.tanggal_selesai:
            raise ValidationError({"tanggal_selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})

    @property
    def is_jpt(self):
        return self.snapshot.get("pegawai", {}).get("jenis_jabatan") == "jpt"

    @property
    def bulan(self):
        """Length of the assessment period in whole months (the ceiling for a waktu target)."""
        return (self.tanggal_selesai.year - self.tanggal_mulai.year) * 12 + (
            self.tanggal_selesai.month - self.tanggal_mulai.month) + 1


class RencanaHasilKerjaQuerySet(PersonalQuerySet):
    pegawai_field = "skp__pegawai"
    unit_field = "skp__pegawai__unit"

    def intervenable_by(self, skp):
        """The RHK an RHK of this SKP may intervene: those of its pejabat penilai in the same year.

        The parent SKP's status is not filtered here (a returned parent stays selectable);
        submission and approval require it to be approved.
        """
        return self.filter(skp__pegawai=skp.penilai_id, skp__periode=skp.periode_id)


class RencanaHasilKerja(TimeStampedModel):
    class Jenis(models.TextChoices):
        UTAMA = "utama", "Utama"
        TAMBAHAN = "tambahan", "Tambahan"

    skp = models.ForeignKey(Skp, verbose_name="SKP", on_delete=models.CASCADE)
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices, default=Jenis.UTAMA)
    uraian = models.TextField("rencana hasil kerja")
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    rhk_atasan = models.ForeignKey(
        "self", verbose_name="RHK atasan yang diintervensi", null=True, blank=True, on_delete=models.PROTECT,
        related_name="intervensi",
    )
    indikator_unit = models.ForeignKey(
        IndikatorKinerja, verbose_name="indikator kinerja unit yang didukung", null=True, blank=True,
        on_delete=models.PROTECT, help_text="Untuk JPT: indikator Perjanjian Kinerja yang dilayani RHK ini.",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = RencanaHasilKerjaQuerySet.as_manager()

    class Meta:
        verbose_name = "rencana hasil kerja"
        verbose_name_plural = "rencana hasil kerja"
        ordering = ["skp", "jenis", "urutan", "pk"]

    def __str__(self):
        return self.uraian[:120]

    def clean(self):
        if self.rhk_atasan_id and self.skp_id:
            if not RencanaHasilKerja.objects.intervenable_by(self.skp).filter(pk=self.rhk_atasan_id).exists():
                raise ValidationError({"rhk_atasan": "RHK yang diintervensi harus milik pejabat penilai Anda sendiri."})


class IndikatorKinerjaIndividu(TimeStampedModel):
    class Aspek(models.TextChoices):
        KUANTITAS = "kuantitas", "Kuantitas"
        KUALITAS = "kualitas", "Kualitas"
        WAKTU = "waktu", "Waktu"

    rhk = models.ForeignKey(RencanaHasilKerja, verbose_name="rencana hasil kerja", on_delete=models.CASCADE)
    aspek = models.CharField("aspek", max_length=10, choices=Aspek.choices)
    uraian = models.CharField("indikator kinerja individu", max_length=300)
    target = models.DecimalField("target", max_digits=14, decimal_places=2, null=True, blank=True,
                                 help_text="Untuk rentang: batas bawah.")
    target_atas = models.DecimalField("batas atas target", max_digits=14, decimal_places=2, null=True,
                                      blank=True, help_text="Diisi bila target berupa rentang.")
    satuan = models.CharField("satuan", max_length=40, blank=True)
    polaritas = models.CharField("polaritas", max_length=10, choices=Polaritas.choices, default=Polaritas.NAIK)
    target_kualitatif = models.TextField("target kualitatif", blank=True,
                                         help_text="Untuk pendekatan kualitatif: ukuran keberhasilan dalam kalimat.")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "indikator kinerja individu"
        verbose_name_plural = "indikator kinerja individu"
        ordering = ["rhk", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gte=0), name="iki_target_tidak_negatif"
            ),
        ]

    def __str__(self):
        return self.uraian

    def clean(self):
        errors = target_errors(self.target, self.target_atas, self.polaritas)
        if self.target is None and not self.target_kualitatif:
            errors["target"] = "Isi target angka (dengan satuan) atau target kualitatif."
        if self.target is not None and not self.satuan:
            errors["satuan"] = "Satuan wajib diisi untuk target angka."
        if not errors and self.aspek == self.Aspek.WAKTU and self.rhk_id:
            months = waktu_months(self.target, self.target_atas, self.satuan)
            if months is not None and months > self.rhk.skp.bulan:
                errors["target"] = f"Target waktu melebihi periode SKP ({self.rhk.skp.bulan} bulan)."
        if errors:
            raise ValidationError(errors)

    @property
    def target_display(self):
        if self.target is None:
            return self.target_kualitatif
        return target_display(self.target, self.target_atas, self.satuan)


class EkspektasiKhusus(TimeStampedModel):
    """The atasan's ekspektasi khusus pimpinan for one BerAKHLAK value in one SKP."""

    skp = models.ForeignKey(Skp, verbose_name="SKP", on_delete=models.CASCADE)
    perilaku = models.ForeignKey(PerilakuKerja, verbose_name="perilaku kerja", on_delete=models.PROTECT)
    uraian = models.TextField("ekspektasi khusus pimpinan")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "ekspektasi khusus pimpinan"
        verbose_name_plural = "ekspektasi khusus pimpinan"
        constraints = [models.UniqueConstraint(fields=["skp", "perilaku"], name="ekspektasi_khusus_unik")]

    def __str__(self):
        return f"{self.perilaku}: {self.uraian[:60]}"


class MatriksPeranHasil(TimeStampedModel):
    """One cell of an atasan's matriks peran hasil: a subordinate's role in one of the atasan's IKI."""

    iki_atasan = models.ForeignKey(IndikatorKinerjaIndividu, verbose_name="IKI atasan", on_delete=models.CASCADE)
    pegawai = models.ForeignKey("organisasi.Pegawai", verbose_name="bawahan", on_delete=models.CASCADE)
    peran_hasil = models.TextField("peran hasil")
    rhk = models.ForeignKey(RencanaHasilKerja, verbose_name="RHK hasil dorongan", null=True, blank=True,
                            on_delete=models.SET_NULL, related_name="+")
    # The text of the last push: the RHK is updated only while it still says this (the
    # bawahan's own edits win), and a pushed RHK the bawahan deleted is not re-created.
    peran_didorong = models.TextField("peran hasil terakhir didorong", blank=True)

    class Meta:
        verbose_name = "matriks peran hasil"
        verbose_name_plural = "matriks peran hasil"
        constraints = [models.UniqueConstraint(fields=["iki_atasan", "pegawai"], name="matriks_peran_hasil_unik")]

    def __str__(self):
        return self.peran_hasil[:80]
