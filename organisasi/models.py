from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from organisasi import nip as nip_rules
from organisasi.permissions import UnitScopedQuerySet

# --- units ------------------------------------------------------------------


class UnitKerjaQuerySet(UnitScopedQuerySet):
    unit_field = ""  # the unit is the row itself
    pegawai_scope = "all"  # the structure of the city is public to every ASN

    def subtree(self, unit):
        """The unit and everything below it, by its materialised path (one indexed LIKE)."""
        return self.filter(path__startswith=unit.path)

    def opd_list(self):
        return self.filter(jenis__in=UnitKerja.OPD_LEVEL)

    def search(self, q):
        return self.filter(Q(nama__icontains=q) | Q(kode__icontains=q)) if q else self


class UnitKerja(TimeStampedModel):
    class Jenis(models.TextChoices):
        PEMKOT = "pemkot", "Pemerintah Kota"
        OPD = "opd", "Perangkat Daerah"
        BIDANG = "bidang", "Bidang/Bagian"
        UPT = "upt", "UPT"
        SEKOLAH = "sekolah", "Sekolah"
        PUSKESMAS = "puskesmas", "Puskesmas"
        KECAMATAN = "kecamatan", "Kecamatan"
        KELURAHAN = "kelurahan", "Kelurahan"
        SEKSI = "seksi", "Seksi/Subbagian"

    # A kecamatan is a perangkat daerah of its own (it has its own Camat and budget).
    OPD_LEVEL = (Jenis.OPD, Jenis.KECAMATAN)

    kode = models.CharField("kode", max_length=30, unique=True)
    nama = models.CharField("nama", max_length=200)
    singkatan = models.CharField("singkatan", max_length=30, blank=True)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    induk = models.ForeignKey(
        "self", verbose_name="unit induk", null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )
    # Derived from induk on save (materialised path "/1/5/23/"), so a subtree is one
    # indexed prefix query and the OPD of any unit is one column away.
    path = models.CharField("jalur", max_length=255, db_index=True, editable=False, default="")
    kedalaman = models.PositiveSmallIntegerField("kedalaman", default=0, editable=False)
    opd = models.ForeignKey(
        "self", verbose_name="perangkat daerah", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )
    aktif = models.BooleanField("aktif", default=True)

    history = HistoricalRecords()
    objects = UnitKerjaQuerySet.as_manager()

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["path"]
        indexes = [models.Index(fields=["opd", "jenis"])]

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._store_derived_position()

    def get_absolute_url(self):
        return reverse("organisasi:unit_detail", args=[self.pk])

    def clean(self):
        if self.induk_id and self.pk and self.induk.path.startswith(self.path or "\0"):
            raise ValidationError({"induk": "Unit induk tidak boleh unit ini sendiri atau unit di bawahnya."})
        if self.jenis != self.Jenis.PEMKOT and not self.induk_id:
            raise ValidationError({"induk": "Setiap unit selain Pemerintah Kota harus punya unit induk."})

    def _store_derived_position(self):
        parent = self.induk
        path = f"{parent.path if parent else '/'}{self.pk}/"
        depth = parent.kedalaman + 1 if parent else 0
        if self.jenis in self.OPD_LEVEL:
            opd_id = self.pk
        else:
            opd_id = parent.opd_id if parent else None
        if (path, depth, opd_id) != (self.path, self.kedalaman, self.opd_id):
            UnitKerja.objects.filter(pk=self.pk).update(path=path, kedalaman=depth, opd_id=opd_id)
            self.path, self.kedalaman, self.opd_id = path, depth, opd_id

    def ancestor_ids(self):
        return [int(part) for part in self.path.strip("/").split("/") if part]


# --- positions --------------------------------------------------------------


class JabatanQuerySet(UnitScopedQuerySet):
    pegawai_scope = "all"

    def search(self, q):
        return self.filter(Q(nama__icontains=q) | Q(kode__icontains=q)) if q else self


class Jabatan(TimeStampedModel):
    class Jenis(models.TextChoices):
        JPT = "jpt", "Jabatan Pimpinan Tinggi"
        ADMINISTRATOR = "administrator", "Administrator"
        PENGAWAS = "pengawas", "Pengawas"
        PELAKSANA = "pelaksana", "Pelaksana"
        FUNGSIONAL = "fungsional", "Fungsional"

    kode = models.CharField("kode", max_length=40, unique=True)
    nama = models.CharField("nama jabatan", max_length=200)
    jenis = models.CharField("jenis jabatan", max_length=20, choices=Jenis.choices)
    unit = models.ForeignKey(UnitKerja, verbose_name="unit kerja", on_delete=models.PROTECT)
    atasan = models.ForeignKey(
        "self", verbose_name="jabatan atasan langsung", null=True, blank=True, on_delete=models.PROTECT,
        related_name="bawahan",
    )
    kelas_jabatan = models.PositiveSmallIntegerField("kelas jabatan", null=True, blank=True)
    aktif = models.BooleanField("aktif", default=True)

    history = HistoricalRecords()
    objects = JabatanQuerySet.as_manager()

    class Meta:
        verbose_name = "jabatan"
        verbose_name_plural = "jabatan"
        ordering = ["unit__path", "jenis", "nama"]

    def __str__(self):
        return f"{self.nama} – {self.unit}"

    def clean(self):
        node, seen = self.atasan, set()
        while node is not None:
            if node.pk == self.pk or node.pk in seen:
                raise ValidationError({"atasan": "Jabatan atasan membentuk lingkaran: pilih jabatan di atasnya."})
            seen.add(node.pk)
            node = node.atasan


# --- employees --------------------------------------------------------------

GOLONGAN_PNS = [
    ("I/a", "I/a – Juru Muda"), ("I/b", "I/b – Juru Muda Tingkat I"), ("I/c", "I/c – Juru"),
    ("I/d", "I/d – Juru Tingkat I"), ("II/a", "II/a – Pengatur Muda"),
    ("II/b", "II/b – Pengatur Muda Tingkat I"), ("II/c", "II/c – Pengatur"),
    ("II/d", "II/d – Pengatur Tingkat I"), ("III/a", "III/a – Penata Muda"),
    ("III/b", "III/b – Penata Muda Tingkat I"), ("III/c", "III/c – Penata"),
    ("III/d", "III/d – Penata Tingkat I"), ("IV/a", "IV/a – Pembina"), ("IV/b", "IV/b – Pembina Tingkat I"),
    ("IV/c", "IV/c – Pembina Utama Muda"), ("IV/d", "IV/d – Pembina Utama Madya"),
    ("IV/e", "IV/e – Pembina Utama"),
]
GOLONGAN_PPPK = [
    (roman, f"{roman} (PPPK)")
    for roman in "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII".split()
]


class PegawaiQuerySet(UnitScopedQuerySet):
    pegawai_scope = "opd"

    def active(self):
        return self.filter(aktif=True)

    def search(self, q):
        if not q:
            return self
        digits = nip_rules.normalize_nip(q)
        if digits.isdigit():
            return self.filter(nip__startswith=digits)
        return self.filter(nama__icontains=q)

    def in_unit_tree(self, unit):
        return self.filter(unit__path__startswith=unit.path)

    def with_related(self):
        return self.select_related("jabatan", "unit", "atasan")


class Pegawai(TimeStampedModel):
    class Status(models.TextChoices):
        PNS = nip_rules.PNS, "PNS"
        PPPK = nip_rules.PPPK, "PPPK"
        PPPK_PARUH_WAKTU = nip_rules.PPPK_PARUH_WAKTU, "PPPK Paruh Waktu"

    nip = models.CharField("NIP", max_length=18, unique=True)
    nama = models.CharField("nama", max_length=150)
    gelar_depan = models.CharField("gelar depan", max_length=30, blank=True)
    gelar_belakang = models.CharField("gelar belakang", max_length=60, blank=True)
    status = models.CharField("status kepegawaian", max_length=20, choices=Status.choices)
    golongan = models.CharField(
        "golongan", max_length=6, blank=True, choices=GOLONGAN_PNS + GOLONGAN_PPPK
    )
    jabatan = models.ForeignKey(Jabatan, verbose_name="jabatan", on_delete=models.PROTECT)
    unit = models.ForeignKey(
        UnitKerja, verbose_name="unit kerja", on_delete=models.PROTECT,
        error_messages={"null": "Unit kerja wajib diisi (kosong karena kode jabatan tidak dikenal?)."},
    )
    # Derived from the position tree by services.refresh_atasan, unless set by hand.
    atasan = models.ForeignKey(
        "self", verbose_name="atasan langsung", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="bawahan",
    )
    atasan_manual = models.BooleanField(
        "atasan ditetapkan manual", default=False,
        help_text="Centang bila atasan langsung tidak mengikuti struktur jabatan (mis. Plt., penugasan khusus).",
    )
    email = models.EmailField("email", blank=True)
    akun = models.OneToOneField(
        "Pengguna", verbose_name="akun", null=True, blank=True, on_delete=models.SET_NULL, related_name="pegawai"
    )
    aktif = models.BooleanField("aktif", default=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["nama"]
        indexes = [models.Index(fields=["unit", "aktif"]), models.Index(fields=["atasan"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(atasan=models.F("pk")), name="pegawai_bukan_atasan_sendiri"
            ),
        ]

    def __str__(self):
        return f"{self.nama_lengkap} ({self.nip})"

    def get_absolute_url(self):
        return reverse("organisasi:pegawai_detail", args=[self.pk])

    def clean(self):
        self.nip = nip_rules.normalize_nip(self.nip)
        if self.nip and self.status:
            errors = nip_rules.nip_errors(self.nip, self.status)
            if errors:
                raise ValidationError({"nip": errors})
        pns_codes = {code for code, _ in GOLONGAN_PNS}
        if self.golongan and (self.status == self.Status.PNS) != (self.golongan in pns_codes):
            expected = "I/a–IV/e" if self.status == self.Status.PNS else "I–XVII"
            raise ValidationError({"golongan": f"Golongan {self.golongan} tidak berlaku untuk {self.get_status_display()} (gunakan {expected})."})
        if self.status == self.Status.PNS and not self.golongan:
            raise ValidationError({"golongan": "Golongan ruang PNS wajib diisi."})
        if self.atasan_id and self.pk and self.atasan_id == self.pk:
            raise ValidationError({"atasan": "Pegawai tidak dapat menjadi atasannya sendiri."})

    @property
    def nama_lengkap(self):
        depan = f"{self.gelar_depan} " if self.gelar_depan else ""
        belakang = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{depan}{self.nama}{belakang}"

    @property
    def jenis_kelamin(self):
        return {"1": "Laki-laki", "2": "Perempuan"}.get(self.nip[14:15], "")

    @property
    def tanggal_lahir(self):
        return nip_rules.birth_date(self.nip)


# --- accounts ---------------------------------------------------------------


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

    class Peran(models.TextChoices):
        PEGAWAI = "pegawai", "Pegawai"
        PENGELOLA_OPD = "pengelola_opd", "Pengelola Kinerja OPD"
        ADMIN_BKPSDM = "admin_bkpsdm", "Admin BKPSDM"
        PIMPINAN = "pimpinan", "Pimpinan"

    username = models.CharField("NIP / nama pengguna", max_length=30, unique=True)
    nama = models.CharField("nama", max_length=150, blank=True)
    email = models.EmailField("email", blank=True)
    peran = models.CharField("peran", max_length=20, choices=Peran.choices, default=Peran.PEGAWAI)
    opd_dikelola = models.ForeignKey(
        UnitKerja, verbose_name="OPD yang dikelola", null=True, blank=True, on_delete=models.PROTECT,
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
                condition=~Q(peran="pengelola_opd") | Q(opd_dikelola__isnull=False),
                name="pengelola_opd_punya_opd",
            ),
        ]

    def __str__(self):
        return f"{self.nama or self.username}"

    def clean(self):
        if self.peran == self.Peran.PENGELOLA_OPD and not self.opd_dikelola_id:
            raise ValidationError({"opd_dikelola": "Pengelola Kinerja OPD harus punya OPD yang dikelola."})

    def get_full_name(self):
        return self.nama or self.username

    def get_short_name(self):
        return self.get_full_name()
