"""Employees (Pegawai) and their place in the atasan tree."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from organisasi import nip as nip_rules
from organisasi.models.struktur import Jabatan, UnitKerja, chain_ids
from organisasi.permissions import PegawaiScopedQuerySet

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
        return chain_ids(Pegawai, "atasan_id", self.atasan_id) if self.atasan_id else set()

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
