"""Each ASN's SKP: RHK → IKI with targets, ekspektasi khusus pimpinan, and the atasan's matriks peran hasil.

The SKP cascades: every RHK of a pegawai names the RHK of their atasan it intervenes
(a JPT names the unit indicator it serves instead).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.fields import BilanganBulatPositifField, DesimalField
from core.models import TimeStampedModel
from indikator.capaian import target_display, target_errors, waktu_months
from indikator.models.indikator import IndikatorKinerja, Polaritas
from indikator.models.perilaku import PerilakuKerja
from indikator.models.periode import Periode
from organisasi.permissions import PersonalQuerySet


class SkpQuerySet(PersonalQuerySet):
    def for_tahun(self, tahun):
        return self.filter(periode__tahun=tahun)

    def with_related(self):
        return self.select_related(
            "periode", "pegawai__jabatan", "pegawai__unit", "jabatan"
        )

    def open(self):
        return self.filter(status__in=Skp.OPEN_STATUSES)

    def with_document(self):
        """Everything the SKP page and PDF show: officials, RHK with their links and IKI, ekspektasi."""
        iki = IndikatorKinerjaIndividu.objects.order_by("pk")
        rhk = RencanaHasilKerja.objects.select_related(
            "rhk_atasan", "indikator_unit"
        ).prefetch_related(Prefetch("indikatorkinerjaindividu_set", queryset=iki))
        return (
            self.with_related()
            .select_related("penilai")
            .prefetch_related(
                Prefetch("rencanahasilkerja_set", queryset=rhk), "ekspektasikhusus_set"
            )
        )


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

    pegawai = models.ForeignKey(
        "organisasi.Pegawai", verbose_name="pegawai", on_delete=models.PROTECT
    )
    periode = models.ForeignKey(
        Periode, verbose_name="periode", on_delete=models.PROTECT
    )
    jabatan = models.ForeignKey(
        "organisasi.Jabatan", verbose_name="jabatan", on_delete=models.PROTECT
    )
    penilai = models.ForeignKey(
        "organisasi.Pegawai",
        verbose_name="pejabat penilai kinerja",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="skp_dinilai",
    )
    pendekatan = models.CharField(
        "pendekatan",
        max_length=12,
        choices=Pendekatan.choices,
        default=Pendekatan.KUANTITATIF,
    )
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    tanggal_mulai = models.DateField("periode penilaian mulai")
    tanggal_selesai = models.DateField("periode penilaian selesai")
    # Frozen copy of the three officials (nama, nip, pangkat, jabatan, unit) so reprints stay historical.
    snapshot = models.JSONField(
        "data pejabat saat SKP dibuat/diajukan", default=dict, blank=True
    )
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
                fields=["pegawai", "periode"],
                condition=Q(status__in=["draft", "diajukan", "dikembalikan"]),
                name="skp_satu_terbuka_per_pegawai_tahun",
            ),
        ]
        indexes = [models.Index(fields=["penilai", "status"])]

    def __str__(self):
        return f"SKP {self.periode.tahun} – {self.snapshot.get('pegawai', {}).get('nama', self.pegawai_id)}"

    def get_absolute_url(self):
        return reverse("indikator:skp_detail", args=[self.pk])

    def clean(self):
        if (
            self.tanggal_mulai
            and self.tanggal_selesai
            and self.tanggal_mulai > self.tanggal_selesai
        ):
            raise ValidationError(
                {
                    "tanggal_selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."
                }
            )

    @property
    def is_jpt(self):
        return self.snapshot.get("pegawai", {}).get("jenis_jabatan") == "jpt"

    @property
    def bulan(self):
        """Length of the assessment period in whole months (the ceiling for a waktu target)."""
        return (
            (self.tanggal_selesai.year - self.tanggal_mulai.year) * 12
            + (self.tanggal_selesai.month - self.tanggal_mulai.month)
            + 1
        )


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
    jenis = models.CharField(
        "jenis", max_length=10, choices=Jenis.choices, default=Jenis.UTAMA
    )
    uraian = models.TextField("rencana hasil kerja")
    urutan = BilanganBulatPositifField("urutan", default=0)
    rhk_atasan = models.ForeignKey(
        "self",
        verbose_name="RHK atasan yang diintervensi",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="intervensi",
    )
    indikator_unit = models.ForeignKey(
        IndikatorKinerja,
        verbose_name="indikator kinerja unit yang didukung",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="Untuk JPT: indikator Perjanjian Kinerja yang dilayani RHK ini.",
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
            if (
                not RencanaHasilKerja.objects.intervenable_by(self.skp)
                .filter(pk=self.rhk_atasan_id)
                .exists()
            ):
                raise ValidationError(
                    {
                        "rhk_atasan": "RHK yang diintervensi harus milik pejabat penilai Anda sendiri."
                    }
                )


class IndikatorKinerjaIndividuQuerySet(PersonalQuerySet):
    pegawai_field = "rhk__skp__pegawai"
    unit_field = "rhk__skp__pegawai__unit"


class IndikatorKinerjaIndividu(TimeStampedModel):
    class Aspek(models.TextChoices):
        KUANTITAS = "kuantitas", "Kuantitas"
        KUALITAS = "kualitas", "Kualitas"
        WAKTU = "waktu", "Waktu"

    rhk = models.ForeignKey(
        RencanaHasilKerja, verbose_name="rencana hasil kerja", on_delete=models.CASCADE
    )
    aspek = models.CharField("aspek", max_length=10, choices=Aspek.choices)
    uraian = models.CharField("indikator kinerja individu", max_length=300)
    target = DesimalField(
        "target",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Untuk rentang: batas bawah.",
    )
    target_atas = DesimalField(
        "batas atas target",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Diisi bila target berupa rentang.",
    )
    satuan = models.CharField("satuan", max_length=40, blank=True)
    polaritas = models.CharField(
        "polaritas", max_length=10, choices=Polaritas.choices, default=Polaritas.NAIK
    )
    target_kualitatif = models.TextField(
        "target kualitatif",
        blank=True,
        help_text="Untuk pendekatan kualitatif: ukuran keberhasilan dalam kalimat.",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = IndikatorKinerjaIndividuQuerySet.as_manager()

    class Meta:
        verbose_name = "indikator kinerja individu"
        verbose_name_plural = "indikator kinerja individu"
        ordering = ["rhk", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gte=0),
                name="iki_target_tidak_negatif",
            ),
        ]

    def __str__(self):
        return self.uraian

    def clean(self):
        errors = target_errors(self.target, self.target_atas, self.polaritas)
        if self.target is None and not self.target_kualitatif:
            errors["target"] = (
                "Isi target angka (dengan satuan) atau target kualitatif."
            )
        if self.target is not None and not self.satuan:
            errors["satuan"] = "Satuan wajib diisi untuk target angka."
        if not errors and self.aspek == self.Aspek.WAKTU and self.rhk_id:
            months = waktu_months(self.target, self.target_atas, self.satuan)
            if months is not None and months > self.rhk.skp.bulan:
                errors["target"] = (
                    f"Target waktu melebihi periode SKP ({self.rhk.skp.bulan} bulan)."
                )
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
    perilaku = models.ForeignKey(
        PerilakuKerja, verbose_name="perilaku kerja", on_delete=models.PROTECT
    )
    uraian = models.TextField("ekspektasi khusus pimpinan")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "ekspektasi khusus pimpinan"
        verbose_name_plural = "ekspektasi khusus pimpinan"
        constraints = [
            models.UniqueConstraint(
                fields=["skp", "perilaku"], name="ekspektasi_khusus_unik"
            )
        ]

    def __str__(self):
        return f"{self.perilaku}: {self.uraian[:60]}"


class MatriksPeranHasil(TimeStampedModel):
    """One cell of an atasan's matriks peran hasil: a subordinate's role in one of the atasan's IKI."""

    iki_atasan = models.ForeignKey(
        IndikatorKinerjaIndividu, verbose_name="IKI atasan", on_delete=models.CASCADE
    )
    pegawai = models.ForeignKey(
        "organisasi.Pegawai", verbose_name="bawahan", on_delete=models.CASCADE
    )
    peran_hasil = models.TextField("peran hasil")
    rhk = models.ForeignKey(
        RencanaHasilKerja,
        verbose_name="RHK hasil dorongan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The text of the last push: the RHK is updated only while it still says this (the
    # bawahan's own edits win), and a pushed RHK the bawahan deleted is not re-created.
    peran_didorong = models.TextField("peran hasil terakhir didorong", blank=True)

    class Meta:
        verbose_name = "matriks peran hasil"
        verbose_name_plural = "matriks peran hasil"
        constraints = [
            models.UniqueConstraint(
                fields=["iki_atasan", "pegawai"], name="matriks_peran_hasil_unik"
            )
        ]

    def __str__(self):
        return self.peran_hasil[:80]
