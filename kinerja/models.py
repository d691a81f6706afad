"""Daily activities (progres harian), period realisations, evidence files, the working-day calendar
and the rules that vary (as rows BKPSDM edits).

Sketch of the app (issue 10):

    Aktivitas          pegawai, tanggal, jam_mulai–jam_selesai (menit derived), rhk (of the SKP in
                       force that day), uraian, kuantitas_output + satuan_output, status
                       Draft → Diajukan → Disetujui | Dikembalikan (catatan_atasan), diajukan_pada,
                       diputuskan_oleh/pada, kunci (idempotency key, unique per pegawai), history
    Realisasi          pegawai, iki, periode_penilaian (unique iki + period), nilai, narasi, the
                       same states as Aktivitas, history
    BuktiDukung        a private file (random name under MEDIA_ROOT/bukti/, no public URL) or a link;
                       belongs to one Aktivitas or one Realisasi; pegawai copied from the owner so
                       visibility is one indexed condition
    HariLibur          cuti bersama / libur daerah / extra national day off / a package holiday
                       cancelled ("hari kerja"), edited by BKPSDM; national holidays come from the
                       `holidays` package
    Cuti               a pegawai's leave (date range)
    AturanAktivitas    one row of rules: grace days after month end, days ahead a draft may be
                       planned, the monthly minutes norm (6.750), working hours, max minutes per
                       day, thresholds of the quality hints
    KewajibanLapor     who must log daily, per jenis jabatan and/or jenis unit (guru: not daily)

URLs (`kinerja:`): day `/kinerja/` and `/kinerja/hari/<yyyy-mm-dd>/` (+ `ajukan/`, `salin/`),
week `/kinerja/minggu/<date>/` (+ `ajukan/`, `salin/`), month `/kinerja/bulan/<yyyy>/<mm>/`,
`aktivitas/tambah/`, `aktivitas/<pk>/` (+ `ubah/`, `hapus/`, `salin/`, `bukti/`),
`aktivitas/ajukan/`, `bukti/<pk>/` (+ `hapus/`), `tim/`, `tim/<pegawai>/`, `tim/putuskan/`,
`realisasi/`, `realisasi/<periode>/` (+ `pegawai/<pk>/`, `iki/<pk>/`, `ajukan/`),
`realisasi/isian/<pk>/putuskan/` and `bukti/`, `ekspor/`, `ekspor/unit/`.
"""

import datetime
import secrets
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.fields import BilanganBulatPositifField, DesimalField
from core.models import TimeStampedModel
from indikator.models import PeriodePenilaian
from kinerja import kalender
from organisasi.models import Jabatan, UnitKerja
from organisasi.permissions import PersonalQuerySet


def minutes_between(mulai: datetime.time, selesai: datetime.time) -> int:
    """Whole minutes from mulai to selesai on the same day (0 when selesai is not later)."""
    start = mulai.hour * 60 + mulai.minute
    end = selesai.hour * 60 + selesai.minute
    return max(0, end - start)


# --- rules as data ------------------------------------------------------------------------


class AturanAktivitas(TimeStampedModel):
    """The rules of daily activities that BKPSDM may change: one row (pk 1), seeded by a migration."""

    hari_tenggang = BilanganBulatPositifField(
        "hari tenggang setelah akhir bulan",
        default=5,
        help_text="Aktivitas sebuah bulan dapat diisi, diubah dan diajukan sampai sekian hari setelah bulan berakhir.",
    )
    hari_rencana = BilanganBulatPositifField(
        "hari ke depan untuk rencana",
        default=1,
        help_text="Draft boleh dibuat (mis. disalin) untuk sekian hari ke depan; tanggal depan tidak dapat diajukan.",
    )
    norma_menit_bulanan = BilanganBulatPositifField(
        "norma menit kerja sebulan",
        default=6750,
        help_text="Mis. 6.750 menit untuk TPP.",
    )
    jam_kerja_mulai = models.TimeField("jam kerja mulai", default=datetime.time(7, 30))
    jam_kerja_selesai = models.TimeField(
        "jam kerja selesai", default=datetime.time(16, 0)
    )
    menit_maksimal_per_hari = BilanganBulatPositifField(
        "menit paling banyak sehari", default=720
    )
    panjang_uraian_minimal = BilanganBulatPositifField(
        "panjang uraian minimal (petunjuk)",
        default=20,
        help_text="Uraian lebih pendek dari ini ditandai untuk atasan (tidak menolak).",
    )
    hari_uraian_berulang = BilanganBulatPositifField(
        "uraian sama pada sekian hari (petunjuk)",
        default=5,
        help_text="Uraian yang sama persis pada sekian hari lain dalam 60 hari terakhir ditandai untuk atasan.",
    )
    persen_hari_tinggi = BilanganBulatPositifField(
        "hari jauh di atas norma (persen)",
        default=150,
        help_text="Hari dengan menit di atas persentase ini dari norma harian ditandai untuk atasan.",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "aturan aktivitas harian"
        verbose_name_plural = "aturan aktivitas harian"

    def __str__(self):
        return "Aturan aktivitas harian"

    def clean(self):
        if (
            self.jam_kerja_mulai
            and self.jam_kerja_selesai
            and self.jam_kerja_selesai <= self.jam_kerja_mulai
        ):
            raise ValidationError(
                {
                    "jam_kerja_selesai": "Jam kerja selesai harus setelah jam kerja mulai."
                }
            )

    @classmethod
    def current(cls) -> "AturanAktivitas":
        """The rules in force; the defaults when the row is missing (e.g. after a test flush)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    @property
    def menit_kerja_harian(self) -> int:
        return minutes_between(self.jam_kerja_mulai, self.jam_kerja_selesai)


class KewajibanLapor(TimeStampedModel):
    """Whether a kind of position must log activities every working day.

    The most specific row wins (jenis jabatan and jenis unit, then jenis unit, then jenis
    jabatan); without a matching row a pegawai must log daily.
    """

    jenis_jabatan = models.CharField(
        "jenis jabatan",
        max_length=20,
        blank=True,
        choices=[("", "semua jabatan"), *Jabatan.Jenis.choices],
    )
    jenis_unit = models.CharField(
        "jenis unit kerja",
        max_length=20,
        blank=True,
        choices=[("", "semua unit"), *UnitKerja.Jenis.choices],
    )
    wajib_harian = models.BooleanField("wajib mengisi setiap hari kerja", default=True)
    keterangan = models.CharField("keterangan", max_length=200, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "kewajiban lapor harian"
        verbose_name_plural = "kewajiban lapor harian"
        constraints = [
            models.UniqueConstraint(
                fields=["jenis_jabatan", "jenis_unit"], name="kewajiban_lapor_unik"
            )
        ]

    def __str__(self):
        jabatan = (
            self.get_jenis_jabatan_display() if self.jenis_jabatan else "semua jabatan"
        )
        unit = self.get_jenis_unit_display() if self.jenis_unit else "semua unit"
        return f"{jabatan} di {unit}: {'wajib harian' if self.wajib_harian else 'tidak wajib harian'}"

    def clean(self):
        if not self.jenis_jabatan and not self.jenis_unit:
            raise ValidationError("Pilih jenis jabatan, jenis unit, atau keduanya.")

    @property
    def specificity(self) -> int:
        return (2 if self.jenis_unit else 0) + (1 if self.jenis_jabatan else 0)


@dataclass(frozen=True)
class EntryWindow:
    """When activities may be entered: today, the rules and the periode penilaian that are open."""

    today: datetime.date
    aturan: AturanAktivitas
    open_spans: tuple[tuple[datetime.date, datetime.date], ...]

    @classmethod
    def load(cls, today: datetime.date | None = None) -> "EntryWindow":
        """Two queries: the rules and the unlocked periode penilaian of unlocked years."""
        spans = PeriodePenilaian.objects.filter(
            terkunci=False, periode__terkunci=False
        ).values_list("mulai", "selesai")
        return cls(
            today or timezone.localdate(), AturanAktivitas.current(), tuple(spans)
        )

    def problem(self, tanggal: datetime.date) -> str:
        return kalender.window_problem(
            tanggal,
            today=self.today,
            hari_tenggang=self.aturan.hari_tenggang,
            hari_rencana=self.aturan.hari_rencana,
            open_spans=self.open_spans,
        )

    def is_open(self, tanggal: datetime.date) -> bool:
        return not self.problem(tanggal)

    def period_open(self, tanggal: datetime.date) -> bool:
        return any(mulai <= tanggal <= selesai for mulai, selesai in self.open_spans)


# --- the working-day calendar -------------------------------------------------------------


class HariLibur(TimeStampedModel):
    """A day off (or a day back at work) that the `holidays` package does not know, set by BKPSDM."""

    class Jenis(models.TextChoices):
        CUTI_BERSAMA = "cuti_bersama", "Cuti bersama"
        LIBUR_DAERAH = "libur_daerah", "Libur daerah"
        LIBUR_NASIONAL = "libur_nasional", "Libur nasional (tambahan)"
        HARI_KERJA = "hari_kerja", "Hari kerja (libur dibatalkan)"

    tanggal = models.DateField("tanggal", unique=True)
    nama = models.CharField("nama", max_length=120)
    jenis = models.CharField(
        "jenis", max_length=20, choices=Jenis.choices, default=Jenis.CUTI_BERSAMA
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "hari libur"
        verbose_name_plural = "hari libur"
        ordering = ["tanggal"]

    def __str__(self):
        return f"{self.tanggal:%Y-%m-%d} {self.nama}"


class CutiQuerySet(PersonalQuerySet):
    def overlapping(self, mulai: datetime.date, selesai: datetime.date):
        return self.filter(mulai__lte=selesai, selesai__gte=mulai)


class Cuti(TimeStampedModel):
    """A pegawai's leave, entered by BKPSDM or the pengelola (or imported)."""

    class Jenis(models.TextChoices):
        TAHUNAN = "tahunan", "Cuti tahunan"
        SAKIT = "sakit", "Cuti sakit"
        BESAR = "besar", "Cuti besar"
        MELAHIRKAN = "melahirkan", "Cuti melahirkan"
        ALASAN_PENTING = "alasan_penting", "Cuti karena alasan penting"
        LUAR_TANGGUNGAN = "luar_tanggungan", "Cuti di luar tanggungan negara"

    pegawai = models.ForeignKey(
        "organisasi.Pegawai", verbose_name="pegawai", on_delete=models.CASCADE
    )
    jenis = models.CharField(
        "jenis cuti", max_length=20, choices=Jenis.choices, default=Jenis.TAHUNAN
    )
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai")
    keterangan = models.CharField("keterangan", max_length=200, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = CutiQuerySet.as_manager()

    class Meta:
        verbose_name = "cuti pegawai"
        verbose_name_plural = "cuti pegawai"
        ordering = ["-mulai"]
        indexes = [models.Index(fields=["pegawai", "mulai"], name="cuti_pegawai_mulai")]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__gte=F("mulai")), name="cuti_selesai_setelah_mulai"
            ),
        ]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.mulai:%d-%m-%Y} s.d. {self.selesai:%d-%m-%Y}"

    def clean(self):
        if self.mulai and self.selesai and self.selesai < self.mulai:
            raise ValidationError(
                {"selesai": "Tanggal selesai cuti tidak boleh sebelum tanggal mulai."}
            )


# --- activities -------------------------------------------------------------------------


class Status(models.TextChoices):
    """The states of an activity and of a realisation."""

    DRAFT = "draft", "Draft"
    DIAJUKAN = "diajukan", "Diajukan"
    DISETUJUI = "disetujui", "Disetujui"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"


class AktivitasQuerySet(PersonalQuerySet):
    def of(self, pegawai):
        return self.filter(pegawai=pegawai)

    def on_day(self, tanggal: datetime.date):
        return self.filter(tanggal=tanggal)

    def between(self, mulai: datetime.date, selesai: datetime.date):
        return self.filter(tanggal__gte=mulai, tanggal__lte=selesai)

    def editable(self):
        return self.filter(status__in=Aktivitas.EDITABLE_STATUSES)

    def waiting(self):
        return self.filter(status=Status.DIAJUKAN)

    def in_day_order(self):
        return self.order_by("tanggal", "jam_mulai", "pk")

    def with_related(self):
        """RHK joined and the number of evidence items, for lists (no query per row)."""
        return self.select_related("rhk").annotate(
            jumlah_bukti=models.Count("buktidukung")
        )


class Aktivitas(TimeStampedModel):
    """One entry of a pegawai's progres harian: what they did, when, for which RHK."""

    Status = Status
    EDITABLE_STATUSES = (Status.DRAFT, Status.DIKEMBALIKAN)

    pegawai = models.ForeignKey(
        "organisasi.Pegawai", verbose_name="pegawai", on_delete=models.PROTECT
    )
    tanggal = models.DateField("tanggal")
    jam_mulai = models.TimeField("jam mulai")
    jam_selesai = models.TimeField("jam selesai")
    # Derived in save() from jam_mulai and jam_selesai, so sums are one SQL aggregate.
    menit = models.PositiveSmallIntegerField("menit", default=0, editable=False)
    rhk = models.ForeignKey(
        "indikator.RencanaHasilKerja",
        verbose_name="rencana hasil kerja",
        on_delete=models.PROTECT,
    )
    uraian = models.TextField("uraian kegiatan", max_length=1000)
    kuantitas_output = DesimalField(
        "kuantitas output", max_digits=12, decimal_places=2, default=1
    )
    satuan_output = models.CharField("satuan output", max_length=40, default="kegiatan")
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    catatan_atasan = models.TextField("catatan atasan", blank=True)
    diajukan_pada = models.DateTimeField("diajukan pada", null=True, blank=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diputuskan oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diputuskan_pada = models.DateTimeField("diputuskan pada", null=True, blank=True)
    # One per form shown: a double tap or an offline retry of the same form creates one row.
    kunci = models.UUIDField("kunci pengiriman", default=uuid.uuid4, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = AktivitasQuerySet.as_manager()

    class Meta:
        verbose_name = "aktivitas harian"
        verbose_name_plural = "aktivitas harian"
        ordering = ["tanggal", "jam_mulai"]
        indexes = [
            models.Index(
                fields=["pegawai", "tanggal"], name="aktivitas_pegawai_tanggal"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "kunci"], name="aktivitas_kunci_unik"
            ),
            models.CheckConstraint(
                condition=Q(jam_selesai__gt=F("jam_mulai")),
                name="aktivitas_jam_berurutan",
                violation_error_message="Jam selesai harus setelah jam mulai.",
            ),
            models.CheckConstraint(
                condition=Q(kuantitas_output__gte=0),
                name="aktivitas_kuantitas_tidak_negatif",
                violation_error_message="Kuantitas output tidak boleh negatif.",
            ),
        ]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} {self.jam_mulai:%H.%M}–{self.jam_selesai:%H.%M} {self.uraian[:60]}"

    def save(self, *args, **kwargs):
        self.menit = minutes_between(self.jam_mulai, self.jam_selesai)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"jam_mulai", "jam_selesai"} & set(
            update_fields
        ):
            kwargs["update_fields"] = {*update_fields, "menit"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("kinerja:aktivitas_detail", args=[self.pk])

    def clean(self):
        if self.jam_mulai and self.jam_selesai and self.jam_selesai <= self.jam_mulai:
            raise ValidationError(
                {"jam_selesai": "Jam selesai harus setelah jam mulai."}
            )
        if self.kuantitas_output is not None and self.kuantitas_output < 0:
            raise ValidationError(
                {"kuantitas_output": "Kuantitas output tidak boleh negatif."}
            )

    @property
    def is_editable_status(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    def overlaps(self, jam_mulai: datetime.time, jam_selesai: datetime.time) -> bool:
        return self.jam_mulai < jam_selesai and jam_mulai < self.jam_selesai


# --- period realisations ---------------------------------------------------------------


class RealisasiQuerySet(PersonalQuerySet):
    def for_periode(self, periode_penilaian):
        return self.filter(periode_penilaian=periode_penilaian)

    def with_related(self):
        return self.select_related("iki__rhk", "periode_penilaian__periode")


class Realisasi(TimeStampedModel):
    """What a pegawai achieved on one IKI in one periode penilaian, with a narrative and evidence."""

    Status = Status
    EDITABLE_STATUSES = (Status.DRAFT, Status.DIKEMBALIKAN)

    pegawai = models.ForeignKey(
        "organisasi.Pegawai", verbose_name="pegawai", on_delete=models.PROTECT
    )
    iki = models.ForeignKey(
        "indikator.IndikatorKinerjaIndividu",
        verbose_name="indikator kinerja individu",
        on_delete=models.PROTECT,
    )
    periode_penilaian = models.ForeignKey(
        "indikator.PeriodePenilaian",
        verbose_name="periode penilaian",
        on_delete=models.PROTECT,
    )
    nilai = DesimalField(
        "realisasi", max_digits=14, decimal_places=2, null=True, blank=True
    )
    narasi = models.TextField("narasi", blank=True)
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    catatan_atasan = models.TextField("catatan atasan", blank=True)
    diajukan_pada = models.DateTimeField("diajukan pada", null=True, blank=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diputuskan oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diputuskan_pada = models.DateTimeField("diputuskan pada", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = RealisasiQuerySet.as_manager()

    class Meta:
        verbose_name = "realisasi IKI"
        verbose_name_plural = "realisasi IKI"
        ordering = ["periode_penilaian", "iki"]
        indexes = [
            models.Index(
                fields=["pegawai", "periode_penilaian"],
                name="realisasi_pegawai_periode",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["iki", "periode_penilaian"], name="realisasi_iki_periode_unik"
            ),
            models.CheckConstraint(
                condition=Q(nilai__isnull=True) | Q(nilai__gte=0),
                name="realisasi_tidak_negatif",
                violation_error_message="Realisasi tidak boleh negatif.",
            ),
        ]

    def __str__(self):
        return f"{self.iki} – {self.periode_penilaian}"

    def get_absolute_url(self):
        return reverse(
            "kinerja:realisasi_period_of",
            args=[self.periode_penilaian_id, self.pegawai_id],
        )

    @property
    def is_editable_status(self) -> bool:
        return self.status in self.EDITABLE_STATUSES


# --- evidence -----------------------------------------------------------------------------


class BuktiStorage(FileSystemStorage):
    """Evidence files under MEDIA_ROOT: they have no public URL; kinerja:bukti_download serves them."""

    def url(self, name):
        raise ValueError(
            "Bukti dukung tidak punya alamat publik; unduh melalui halaman bukti dukung."
        )


bukti_storage = BuktiStorage()


def bukti_path(instance, filename: str) -> str:
    """A random, unguessable name; only the extension of the checked type is kept."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"bukti/{timezone.now():%Y/%m}/{secrets.token_urlsafe(24)}{suffix}"


class BuktiDukungQuerySet(PersonalQuerySet):
    def of_aktivitas(self, aktivitas):
        return self.filter(aktivitas=aktivitas)


class BuktiDukung(TimeStampedModel):
    """Evidence of an activity or a realisation: a file kept privately, or a link."""

    pegawai = models.ForeignKey(
        "organisasi.Pegawai", verbose_name="pegawai", on_delete=models.PROTECT
    )
    aktivitas = models.ForeignKey(
        Aktivitas,
        verbose_name="aktivitas",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    realisasi = models.ForeignKey(
        Realisasi,
        verbose_name="realisasi",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    berkas = models.FileField(
        "berkas",
        storage=bukti_storage,
        upload_to=bukti_path,
        max_length=200,
        blank=True,
    )
    tautan = models.CharField(
        "tautan",
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    nama_asli = models.CharField("nama berkas asli", max_length=255, blank=True)
    jenis_konten = models.CharField("jenis isi", max_length=100, blank=True)
    ukuran = models.PositiveIntegerField("ukuran (byte)", default=0, editable=False)
    kunci = models.UUIDField("kunci pengiriman", null=True, blank=True, editable=False)

    objects = BuktiDukungQuerySet.as_manager()

    class Meta:
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(aktivitas__isnull=False) & Q(realisasi__isnull=True))
                | (Q(aktivitas__isnull=True) & Q(realisasi__isnull=False)),
                name="bukti_satu_pemilik",
            ),
            models.CheckConstraint(
                condition=(~Q(berkas="") & Q(tautan=""))
                | (Q(berkas="") & ~Q(tautan="")),
                name="bukti_berkas_atau_tautan",
            ),
            models.UniqueConstraint(
                fields=["pegawai", "kunci"], name="bukti_kunci_unik"
            ),
        ]

    def __str__(self):
        return self.nama_asli or self.tautan

    def get_absolute_url(self):
        return reverse("kinerja:bukti_download", args=[self.pk])

    @property
    def is_file(self) -> bool:
        return bool(self.berkas)

    @property
    def is_image(self) -> bool:
        return self.jenis_konten.startswith("image/")
