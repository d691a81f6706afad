"""Logins: one custom user model; ASN log in with their NIP."""

from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

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
