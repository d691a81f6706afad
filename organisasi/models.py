import secrets

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from organisasi import nip as nip_rules
from organisasi.permissions import STORED_PERAN, ManagedUnitQuerySet, PegawaiScopedQuerySet, Peran, UnitScopedQuerySet

# --- units ------------------------------------------------------------------


def _chain_ids(model, parent_field, start_id) -> set[int]:
    """Ids from start_id up its parent chain, read fresh from the database (so rows saved earlier
    in the same import count), stopping at a repeat."""
    seen, node_id = set(), start_id
    while node_id is not None and node_id not in seen:
        seen.add(node_id)
        node_id = model.objects.filter(pk=node_id).values_list(parent_field, flat=True).first()
    return seen


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
        if self.induk_id and self.pk and self.pk in _chain_ids(UnitKerja, "induk_id", self.induk_id):
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
        if self.atasan_id and self.pk and self.pk in _chain_ids(Jabatan, "atasan_id", self.atasan_id):
            raise ValidationError({"atasan": "Jabatan atasan membentuk lingkaran: pilih jabatan di atasnya."})


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


class PegawaiQuerySet(PegawaiScopedQuerySet):
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
        indexes = [
            models.Index(fields=["unit", "aktif"]),
            models.Index(fields=["atasan"]),
            models.Index(fields=["nama", "nip"], name="pegawai_direktori_idx"),  # the directory's order
        ]
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

    def atasan_chain_ids(self) -> set[int]:
        """Ids of everyone above this pegawai in the atasan chain."""
        return _chain_ids(Pegawai, "atasan_id", self.atasan_id) if self.atasan_id else set()

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

    Peran = Peran

    username = models.CharField("NIP / nama pengguna", max_length=30, unique=True)
    nama = models.CharField("nama", max_length=150, blank=True)
    email = models.EmailField("email", blank=True)
    peran = models.CharField("peran", max_length=20, choices=STORED_PERAN, default=Peran.PEGAWAI)
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
                condition=~Q(peran=Peran.PENGELOLA_OPD) | Q(opd_dikelola__isnull=False),
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


# --- needs analysis: surveys and needs ----------------------------------------


class MutuPelayanan(models.Model):
    """An SKM quality band (PermenPANRB 14/2017): an IKM from batas_bawah to batas_atas."""

    mutu = models.CharField("mutu pelayanan", max_length=1, unique=True)
    kinerja = models.CharField("kinerja unit pelayanan", max_length=30)
    batas_bawah = models.DecimalField("batas bawah IKM", max_digits=5, decimal_places=2)
    batas_atas = models.DecimalField("batas atas IKM", max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = verbose_name_plural = "mutu pelayanan"
        ordering = ["batas_bawah"]

    def __str__(self):
        return f"{self.mutu} ({self.kinerja}): {self.batas_bawah}–{self.batas_atas}"


class UnsurSkm(models.Model):
    """One of the SKM template's unsur; `urutan` is the order a new SKM survey gets."""

    urutan = models.PositiveSmallIntegerField("urutan", unique=True)
    nama = models.CharField("nama unsur", max_length=100)
    pertanyaan = models.TextField("pertanyaan baku")
    pilihan = models.JSONField("label skala 1–4", default=list)

    class Meta:
        verbose_name = verbose_name_plural = "unsur SKM"
        ordering = ["urutan"]

    def __str__(self):
        return f"U{self.urutan} {self.nama}"


def new_survei_token() -> str:
    return secrets.token_urlsafe(24)


class Survei(TimeStampedModel):
    class Jenis(models.TextChoices):
        SKM = "skm", "Survei Kepuasan Masyarakat (SKM)"
        KHUSUS = "khusus", "Survei khusus program"

    class Status(models.TextChoices):
        DRAF = "draf", "Draf"
        DIBUKA = "dibuka", "Dibuka"
        DITUTUP = "ditutup", "Ditutup"

    class ModeBobot(models.TextChoices):
        EKSAK = "eksak", "Eksak: 1 ÷ jumlah unsur (1/9)"
        LITERAL = "literal", "0,11 seperti tertulis di PermenPANRB 14/2017"

    unit = models.ForeignKey(UnitKerja, verbose_name="unit kerja", on_delete=models.PROTECT)
    judul = models.CharField("judul survei", max_length=200)
    program = models.CharField("program/layanan", max_length=255)
    periode = models.CharField("periode", max_length=50, help_text="Mis. Semester I 2026.")
    jenis = models.CharField("jenis survei", max_length=10, choices=Jenis.choices, default=Jenis.SKM)
    internal = models.BooleanField(
        "khusus ASN", default=False, help_text="Hanya ASN unit ini yang masuk dengan akunnya yang dapat mengisi."
    )
    target_responden = models.PositiveIntegerField("target responden", default=150)
    tanggal_buka = models.DateField("dibuka mulai")
    tanggal_tutup = models.DateField("ditutup setelah")
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.DRAF)
    mode_bobot = models.CharField("bobot unsur", max_length=10, choices=ModeBobot.choices, default=ModeBobot.EKSAK)
    token = models.CharField(
        "token tautan publik", max_length=64, unique=True, default=new_survei_token, editable=False
    )
    survei_sebelumnya = models.ForeignKey(
        "self", verbose_name="survei periode sebelumnya", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_oleh = models.ForeignKey(
        Pengguna, verbose_name="dibuat oleh", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = ManagedUnitQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "survei"
        ordering = ["-tanggal_buka", "judul"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_tutup__gte=models.F("tanggal_buka")), name="survei_tutup_setelah_buka"
            ),
        ]

    def __str__(self):
        return f"{self.judul} ({self.periode})"

    def get_absolute_url(self):
        return reverse("organisasi:survei_detail", args=[self.pk])

    def clean(self):
        if self.tanggal_buka and self.tanggal_tutup and self.tanggal_tutup < self.tanggal_buka:
            raise ValidationError({"tanggal_tutup": "Tanggal tutup tidak boleh sebelum tanggal buka."})

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.DIBUKA and self.tanggal_buka <= today <= self.tanggal_tutup


class Pertanyaan(models.Model):
    class Tipe(models.TextChoices):
        UNSUR_SKM = "unsur_skm", "Unsur SKM (skala 1–4)"
        LIKERT = "likert", "Skala Likert 1–5"
        YA_TIDAK = "ya_tidak", "Ya/Tidak"
        PILIHAN = "pilihan", "Pilihan tunggal"
        ANGKA = "angka", "Angka"
        TEKS = "teks", "Teks bebas"

    # (lowest, highest) accepted answer of the scaled types; yes = 1, no = 0.
    SKALA = {Tipe.UNSUR_SKM: (1, 4), Tipe.LIKERT: (1, 5), Tipe.YA_TIDAK: (0, 1)}
    # Answers are read through these: once a question has answers they cannot change.
    FIELDS_LOCKED_BY_ANSWERS = ("tipe", "pilihan", "bobot")

    survei = models.ForeignKey(Survei, verbose_name="survei", on_delete=models.CASCADE)
    urutan = models.PositiveSmallIntegerField("urutan")
    teks = models.TextField("pertanyaan")
    unsur = models.CharField("nama unsur", max_length=100, blank=True)
    tipe = models.CharField("tipe jawaban", max_length=10, choices=Tipe.choices)
    pilihan = models.JSONField(
        "pilihan jawaban", default=list, blank=True,
        help_text="Pilihan tunggal: daftar pilihan. Skala: label tiap nilai, dari terendah.",
    )
    wajib = models.BooleanField("wajib dijawab", default=True)
    bobot = models.DecimalField(
        "bobot unsur", max_digits=6, decimal_places=4, null=True, blank=True,
        help_text="Kosongkan untuk bobot standar; bila diisi, bobot semua unsur harus berjumlah 1.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "pertanyaan survei"
        ordering = ["survei", "urutan"]
        constraints = [models.UniqueConstraint(fields=["survei", "urutan"], name="pertanyaan_urutan_unik")]

    def __str__(self):
        return f"{self.urutan}. {self.unsur or self.teks[:60]}"

    @property
    def skala(self):
        return self.SKALA.get(self.tipe)

    @property
    def label(self):
        return self.unsur or self.teks


class Responden(models.Model):
    class Usia(models.TextChoices):
        SAMPAI_19 = "<20", "di bawah 20 tahun"
        USIA_20 = "20-29", "20–29 tahun"
        USIA_30 = "30-39", "30–39 tahun"
        USIA_40 = "40-49", "40–49 tahun"
        USIA_50 = "50+", "50 tahun ke atas"

    class JenisKelamin(models.TextChoices):
        LAKI_LAKI = "L", "Laki-laki"
        PEREMPUAN = "P", "Perempuan"

    class Pendidikan(models.TextChoices):
        SD = "sd", "SD atau di bawahnya"
        SMP = "smp", "SMP"
        SMA = "sma", "SMA/SMK"
        DIPLOMA = "diploma", "D1–D3"
        SARJANA = "sarjana", "D4/S1"
        PASCASARJANA = "pascasarjana", "S2/S3"

    class Pekerjaan(models.TextChoices):
        ASN = "asn", "PNS/PPPK/TNI/Polri"
        SWASTA = "swasta", "Pegawai swasta"
        WIRAUSAHA = "wirausaha", "Wirausaha"
        PELAJAR = "pelajar", "Pelajar/Mahasiswa"
        RUMAH_TANGGA = "rumah_tangga", "Ibu/Bapak rumah tangga"
        LAINNYA = "lainnya", "Lainnya"

    class Sumber(models.TextChoices):
        DARING = "daring", "Formulir daring"
        IMPOR = "impor", "Impor berkas"

    survei = models.ForeignKey(Survei, verbose_name="survei", on_delete=models.CASCADE)
    diisi_pada = models.DateTimeField("diisi pada", default=timezone.now)
    usia = models.CharField("usia", max_length=5, choices=Usia.choices, blank=True)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices, blank=True)
    pendidikan = models.CharField("pendidikan terakhir", max_length=15, choices=Pendidikan.choices, blank=True)
    pekerjaan = models.CharField("pekerjaan", max_length=15, choices=Pekerjaan.choices, blank=True)
    layanan = models.CharField("layanan yang diterima", max_length=200, blank=True)
    sumber = models.CharField("sumber", max_length=10, choices=Sumber.choices, default=Sumber.DARING)
    # SHA-256 of the session key and of the IP address: enough to refuse a second
    # submission and to rate-limit, without storing anything that identifies a citizen.
    sesi_hash = models.CharField("sidik sesi", max_length=64, blank=True, editable=False)
    ip_hash = models.CharField("sidik alamat IP", max_length=64, blank=True, editable=False)
    # Internal surveys: a keyed hash of the ASN account id, only to allow one answer per ASN;
    # the account itself is never stored with the answers.
    akun_hash = models.CharField("sidik akun ASN", max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "responden"
        ordering = ["-diisi_pada"]
        indexes = [models.Index(fields=["survei", "ip_hash", "diisi_pada"])]
        constraints = [
            models.UniqueConstraint(
                fields=["survei", "sesi_hash"], condition=~Q(sesi_hash=""), name="responden_satu_per_sesi"
            ),
            models.UniqueConstraint(
                fields=["survei", "akun_hash"], condition=~Q(akun_hash=""), name="responden_satu_per_akun"
            ),
        ]

    def __str__(self):
        return f"Responden {self.pk} – {self.survei}"


class Jawaban(models.Model):
    responden = models.ForeignKey(Responden, verbose_name="responden", on_delete=models.CASCADE)
    pertanyaan = models.ForeignKey(Pertanyaan, verbose_name="pertanyaan", on_delete=models.CASCADE)
    nilai = models.DecimalField("nilai", max_digits=12, decimal_places=2, null=True, blank=True)
    teks = models.TextField("jawaban teks", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "jawaban"
        constraints = [
            models.UniqueConstraint(fields=["responden", "pertanyaan"], name="jawaban_satu_per_pertanyaan")
        ]
        indexes = [models.Index(fields=["pertanyaan", "nilai"])]

    def __str__(self):
        return f"{self.pertanyaan_id}: {self.nilai if self.nilai is not None else self.teks}"


class ImporResponden(TimeStampedModel):
    """One imported response file: its SHA-256 refuses the same file twice for a survey."""

    survei = models.ForeignKey(Survei, verbose_name="survei", on_delete=models.CASCADE)
    sha256 = models.CharField("SHA-256 berkas", max_length=64)
    nama_berkas = models.CharField("nama berkas", max_length=255)
    jumlah_responden = models.PositiveIntegerField("jumlah responden")
    diimpor_oleh = models.ForeignKey(
        Pengguna, verbose_name="diimpor oleh", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "impor responden"
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["survei", "sha256"], name="impor_responden_berkas_unik")]

    def __str__(self):
        return f"{self.nama_berkas} – {self.survei}"


class KebutuhanQuerySet(UnitScopedQuerySet):
    pegawai_scope = "unit"  # an ASN reads the needs of their unit and the units above it

    def search(self, q):
        return self.filter(Q(judul__icontains=q) | Q(deskripsi__icontains=q)) if q else self


class Kebutuhan(TimeStampedModel):
    """A need of the organisation; later apps answer it through M2M fields pointing here.

    An indikator or a development plan that answers a need declares
    `kebutuhan = models.ManyToManyField("organisasi.Kebutuhan", blank=True)`;
    `answered_by()` then lists it on the need's page without this model knowing the app.
    """

    class Sumber(models.TextChoices):
        TEMUAN_SURVEI = "temuan_survei", "Temuan survei"
        EVALUASI_PROGRAM = "evaluasi_program", "Evaluasi program"
        ARAHAN_PIMPINAN = "arahan_pimpinan", "Arahan pimpinan"
        ANALISIS_BEBAN_KERJA = "analisis_beban_kerja", "Analisis beban kerja"

    class Prioritas(models.TextChoices):
        TINGGI = "tinggi", "Tinggi"
        SEDANG = "sedang", "Sedang"
        RENDAH = "rendah", "Rendah"

    class Status(models.TextChoices):
        TERBUKA = "terbuka", "Terbuka"
        DITINDAKLANJUTI = "ditindaklanjuti", "Ditindaklanjuti"
        SELESAI = "selesai", "Selesai"

    # Allowed status moves: forward one step, or back one step to reopen.
    TRANSISI = {
        Status.TERBUKA: [Status.DITINDAKLANJUTI],
        Status.DITINDAKLANJUTI: [Status.SELESAI, Status.TERBUKA],
        Status.SELESAI: [Status.DITINDAKLANJUTI],
    }

    judul = models.CharField("judul kebutuhan", max_length=200)
    unit = models.ForeignKey(UnitKerja, verbose_name="unit kerja", on_delete=models.PROTECT)
    sumber = models.CharField("sumber", max_length=25, choices=Sumber.choices)
    deskripsi = models.TextField("deskripsi")
    prioritas = models.CharField("prioritas", max_length=10, choices=Prioritas.choices, default=Prioritas.SEDANG)
    pemilik = models.ForeignKey(
        Pegawai, verbose_name="penanggung jawab", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.TERBUKA)
    survei = models.ForeignKey(
        Survei, verbose_name="survei asal", null=True, blank=True, on_delete=models.SET_NULL
    )
    pertanyaan = models.ForeignKey(
        Pertanyaan, verbose_name="pertanyaan/unsur asal", null=True, blank=True, on_delete=models.SET_NULL
    )
    bukti = models.TextField("bukti/temuan", blank=True)
    dibuat_oleh = models.ForeignKey(
        Pengguna, verbose_name="dicatat oleh", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = KebutuhanQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "kebutuhan"
        ordering = ["-prioritas", "-created_at"]  # "tinggi" > "sedang" > "rendah" as text
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self):
        return self.judul

    def get_absolute_url(self):
        return reverse("organisasi:kebutuhan_detail", args=[self.pk])

    def next_statuses(self):
        return self.TRANSISI[self.status]

    def answered_by(self, user) -> list[tuple[str, list]]:
        """What answers this need, as far as the user may see it: (label, objects) for every M2M
        that other models point here (each narrowed by its QuerySet's visible_to)."""
        found = []
        for relation in self._meta.related_objects:
            if relation.many_to_many:
                objects = getattr(self, relation.get_accessor_name()).all()
                if hasattr(objects, "visible_to"):
                    objects = objects.visible_to(user)
                found.append((relation.related_model._meta.verbose_name_plural, list(objects)))
        return found
