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
    ("I/a", "I/a – Juru Muda"),
    ("I/b", "I/b – Juru Muda Tingkat I"),
    ("I/c", "I/c – Juru"),
    ("I/d", "I/d – Juru Tingkat I"),
    ("II/a", "II/a – Pengatur Muda"),
    ("II/b", "II/b – Pengatur Muda Tingkat I"),
    ("II/c", "II/c – Pengatur"),
    ("II/d", "II/d – Pengatur Tingkat I"),
    ("III/a", "III/a – Penata Muda"),
    ("III/b", "III/b – Penata Muda Tingkat I"),
    ("III/c", "III/c – Penata"),
    ("III/d", "III/d – Penata Tingkat I"),
    ("IV/a", "IV/a – Pembina"),
    ("IV/b", "IV/b – Pembina Tingkat I"),
    ("IV/c", "IV/c – Pembina Utama Muda"),
    ("IV/d", "IV/d – Pembina Utama Madya"),
    ("IV/e", "IV/e – Pembina Utama"),
]
GOLONGAN_PPPK = [
    (roman, f"{roman} (PPPK)")
    for roman in "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII".split()
]

ATASAN_PATH_DIGITS = 8  # ids are zero-padded, so siblings sort by id


def atasan_path_of(ids) -> str:
    """The materialised path of a chain of pegawai ids, root first: "/00000012/00000345/"."""
    return "/" + "".join(f"{pk:0{ATASAN_PATH_DIGITS}d}/" for pk in ids)


def atasan_path_ids(path: str) -> list[int]:
    """The pegawai ids of a materialised path, root first."""
    return [int(part) for part in path.strip("/").split("/") if part]


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

    def subtree(self, pegawai):
        """The pegawai and everyone below them in the atasan tree: one indexed prefix query."""
        return self.filter(pegawai.subtree_q())

    def below(self, pegawai):
        """Everyone below the pegawai in the atasan tree, at any depth: one indexed prefix query."""
        return self.subtree(pegawai).exclude(pk=pegawai.pk)


class Pegawai(TimeStampedModel):
    class Status(models.TextChoices):
        PNS = nip_rules.PNS, "PNS"
        PPPK = nip_rules.PPPK, "PPPK"
        PPPK_PARUH_WAKTU = nip_rules.PPPK_PARUH_WAKTU, "PPPK Paruh Waktu"

    nip = models.CharField("NIP", max_length=18, unique=True)
    nama = models.CharField("nama", max_length=150)
    gelar_depan = models.CharField("gelar depan", max_length=30, blank=True)
    gelar_belakang = models.CharField("gelar belakang", max_length=60, blank=True)
    status = models.CharField(
        "status kepegawaian", max_length=20, choices=Status.choices
    )
    golongan = models.CharField(
        "golongan", max_length=6, blank=True, choices=GOLONGAN_PNS + GOLONGAN_PPPK
    )
    jabatan = models.ForeignKey(
        Jabatan, verbose_name="jabatan", on_delete=models.PROTECT
    )
    unit = models.ForeignKey(
        UnitKerja,
        verbose_name="unit kerja",
        on_delete=models.PROTECT,
        error_messages={
            "null": "Unit kerja wajib diisi (kosong karena kode jabatan tidak dikenal?)."
        },
    )
    # Derived from the position tree by services.refresh_atasan, unless set by hand.
    atasan = models.ForeignKey(
        "self",
        verbose_name="atasan langsung",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bawahan",
    )
    atasan_manual = models.BooleanField(
        "atasan ditetapkan manual",
        default=False,
        help_text="Centang bila atasan langsung tidak mengikuti struktur jabatan (mis. Plt., penugasan khusus).",
    )
    # Derived from atasan: the chain of ids from the top of the atasan tree down to this pegawai
    # ("/00000001/00000005/00000023/"), so everyone below a pegawai is one indexed prefix query.
    # save() keeps the row's own path; services.refresh_atasan rewrites whole subtrees.
    atasan_path = models.CharField(
        "jalur atasan", max_length=255, editable=False, default=""
    )
    email = models.EmailField("email", blank=True)
    akun = models.OneToOneField(
        "Pengguna",
        verbose_name="akun",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
    )
    aktif = models.BooleanField("aktif", default=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "atasan_path"])
    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["nama"]
        indexes = [
            models.Index(fields=["unit", "aktif"]),
            models.Index(fields=["atasan"]),
            models.Index(
                fields=["nama", "nip"], name="pegawai_direktori_idx"
            ),  # the directory's order
            # varchar_pattern_ops: PostgreSQL uses it for LIKE 'prefix%' whatever the collation (other
            # databases ignore opclasses and build a plain index).
            models.Index(
                fields=["atasan_path"],
                name="pegawai_atasan_path_idx",
                opclasses=["varchar_pattern_ops"],
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(atasan=models.F("pk")), name="pegawai_bukan_atasan_sendiri"
            ),
        ]

    def __str__(self):
        return f"{self.nama_lengkap} ({self.nip})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._store_atasan_path()

    def get_absolute_url(self):
        return reverse("organisasi:pegawai_detail", args=[self.pk])

    def clean(self):
        self.nip = nip_rules.normalize_nip(self.nip)
        if self.nip and self.status:
            errors = nip_rules.nip_errors(self.nip, self.status)
            if errors:
                raise ValidationError({"nip": errors})
        pns_codes = {code for code, _ in GOLONGAN_PNS}
        if self.golongan and (self.status == self.Status.PNS) != (
            self.golongan in pns_codes
        ):
            expected = "I/a–IV/e" if self.status == self.Status.PNS else "I–XVII"
            raise ValidationError(
                {
                    "golongan": f"Golongan {self.golongan} tidak berlaku untuk {self.get_status_display()} (gunakan {expected})."
                }
            )
        if self.status == self.Status.PNS and not self.golongan:
            raise ValidationError({"golongan": "Golongan ruang PNS wajib diisi."})
        if self.atasan_id and self.pk and self.atasan_id == self.pk:
            raise ValidationError(
                {"atasan": "Pegawai tidak dapat menjadi atasannya sendiri."}
            )

    def atasan_chain_ids(self) -> set[int]:
        """Ids of everyone above this pegawai in the atasan chain (walked in the database, so the
        check against cycles never trusts a stale path)."""
        return (
            chain_ids(Pegawai, "atasan_id", self.atasan_id) if self.atasan_id else set()
        )

    def subtree_q(self, field: str = "") -> Q:
        """Q for this pegawai and everyone below them in the atasan tree.

        `field` leads from the filtered model to its pegawai ("pegawai" for an SKP). A pegawai
        whose path is not stored yet (bulk-created, before refresh_atasan) stands for itself only.
        """
        prefix = f"{field}__" if field else ""
        if not self.atasan_path:
            return Q(**{f"{prefix}pk": self.pk})
        return Q(**{f"{prefix}atasan_path__startswith": self.atasan_path})

    def _store_atasan_path(self):
        """After a save, bring this row's own path in line with its atasan (one query only when
        the atasan changed); refresh_atasan rewrites the paths of whole subtrees."""
        ids = atasan_path_ids(self.atasan_path)
        parent = [self.atasan_id] if self.atasan_id else []
        if ids[-1:] == [self.pk] and ids[:-1][-1:] == parent:
            return
        above = []
        if self.atasan_id:
            stored = (
                Pegawai.objects.filter(pk=self.atasan_id)
                .values_list("atasan_path", flat=True)
                .first()
            )
            above = atasan_path_ids(stored or "") or parent
        if (
            self.pk in above
        ):  # a cycle (refused by the forms and services): start the path here
            above = []
        self.atasan_path = atasan_path_of([*above, self.pk])
        Pegawai.objects.filter(pk=self.pk).update(atasan_path=self.atasan_path)

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
