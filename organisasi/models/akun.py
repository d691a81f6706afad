"""Logins: one custom user model (ASN log in with their NIP), and the jobs that issue them."""

import datetime
import uuid

from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.fields import BilanganBulatPositifField
from core.models import TimeStampedModel
from organisasi.models.struktur import UnitKerja
from organisasi.permissions import STORED_PERAN, Peran


class PenggunaManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, username, password=None, **extra):
        user = self.model(username=username, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, username, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(username, password, **extra)


class Pengguna(AbstractBaseUser, PermissionsMixin):
    """A login. ASN log in with their NIP; the role adds duties beyond their own work."""

    Peran = Peran

    username = models.CharField("NIP / nama pengguna", max_length=30, unique=True)
    nama = models.CharField("nama", max_length=150, blank=True)
    email = models.EmailField("email", blank=True)
    peran = models.CharField(
        "peran", max_length=20, choices=STORED_PERAN, default=Peran.PEGAWAI
    )
    opd_dikelola = models.ForeignKey(
        UnitKerja,
        verbose_name="OPD yang dikelola",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"jenis__in": UnitKerja.OPD_LEVEL},
        help_text="Wajib untuk Pengelola Kinerja OPD.",
    )
    harus_ganti_password = models.BooleanField("harus ganti kata sandi", default=False)
    is_active = models.BooleanField("aktif", default=True)
    is_staff = models.BooleanField("akses admin Django", default=False)
    date_joined = models.DateTimeField("terdaftar", default=timezone.now)

    objects = PenggunaManager()

    USERNAME_FIELD = "username"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        constraints = [
            models.CheckConstraint(
                condition=~Q(peran=Peran.PENGELOLA_OPD) | Q(opd_dikelola__isnull=False),
                name="pengelola_opd_punya_opd",
            ),
        ]

    def __str__(self):
        return f"{self.nama or self.username}"

    def clean(self):
        if self.peran == self.Peran.PENGELOLA_OPD and not self.opd_dikelola_id:
            raise ValidationError(
                {"opd_dikelola": "Pengelola Kinerja OPD harus punya OPD yang dikelola."}
            )

    def get_full_name(self):
        return self.nama or self.username

    def get_short_name(self):
        return self.get_full_name()


class PenerbitanAkunQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A job is its issuer's alone: the one-time passwords are theirs to hand over."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(diminta_oleh=user)


class PenerbitanAkun(TimeStampedModel):
    """One run of "Terbitkan akun" for a unit subtree: status and progress of the Celery job.

    The one-time passwords never enter the database: the finished workbook is a private file
    (`berkas`, its name under MEDIA_ROOT), offered once to the issuer and deleted after the
    download or after BERKAS_BERLAKU, whichever comes first.
    """

    BERKAS_BERLAKU = datetime.timedelta(hours=1)

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu giliran"
        BERJALAN = "berjalan", "Sedang diproses"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    unit = models.ForeignKey(
        UnitKerja, verbose_name="unit kerja", on_delete=models.CASCADE, related_name="+"
    )
    reset_existing = models.BooleanField(
        "terbitkan ulang kata sandi akun yang ada", default=False
    )
    diminta_oleh = models.ForeignKey(
        Pengguna,
        verbose_name="diminta oleh",
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.ANTRE
    )
    jumlah_pegawai = BilanganBulatPositifField("jumlah akun yang disiapkan", default=0)
    jumlah_diproses = BilanganBulatPositifField(
        "jumlah yang sudah disiapkan", default=0
    )
    jumlah_diterbitkan = BilanganBulatPositifField("jumlah akun diterbitkan", default=0)
    jumlah_dilewati = BilanganBulatPositifField("jumlah pegawai dilewati", default=0)
    berkas = models.CharField(
        "berkas kata sandi (privat)", max_length=200, blank=True, editable=False
    )
    selesai_pada = models.DateTimeField("selesai pada", null=True, blank=True)
    diunduh_pada = models.DateTimeField("diunduh pada", null=True, blank=True)
    pesan = models.CharField("pesan", max_length=255, blank=True)

    objects = PenerbitanAkunQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "penerbitan akun"
        ordering = ["-created_at"]

    def __str__(self):
        return f"Penerbitan akun {self.unit} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("organisasi:akun_job", args=[self.pk])

    @property
    def berjalan(self) -> bool:
        return self.status in (self.Status.ANTRE, self.Status.BERJALAN)

    @property
    def persen(self) -> int:
        if not self.jumlah_pegawai:
            return 100 if not self.berjalan else 0
        return min(100, round(100 * self.jumlah_diproses / self.jumlah_pegawai))

    @property
    def kedaluwarsa_pada(self):
        return self.selesai_pada + self.BERKAS_BERLAKU if self.selesai_pada else None

    def berkas_tersedia(self, now=None) -> bool:
        """The workbook can still be downloaded: finished, not downloaded, not expired."""
        now = now or timezone.now()
        return (
            bool(self.berkas)
            and self.diunduh_pada is None
            and now < self.kedaluwarsa_pada
        )
