"""The structure of the city: the unit tree (UnitKerja) and the position tree (Jabatan)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.fields import BilanganBulatPositifField
from core.models import TimeStampedModel
from organisasi.permissions import UnitScopedQuerySet


def chain_ids(model, parent_field, start_id) -> set[int]:
    """Ids from start_id up its parent chain, read fresh from the database (so rows saved earlier
    in the same import count), stopping at a repeat."""
    seen, node_id = set(), start_id
    while node_id is not None and node_id not in seen:
        seen.add(node_id)
        node_id = (
            model.objects.filter(pk=node_id)
            .values_list(parent_field, flat=True)
            .first()
        )
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
        "self",
        verbose_name="unit induk",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anak",
    )
    # Derived from induk on save (materialised path "/1/5/23/"), so a subtree is one
    # indexed prefix query and the OPD of any unit is one column away.
    path = models.CharField(
        "jalur", max_length=255, db_index=True, editable=False, default=""
    )
    kedalaman = models.PositiveSmallIntegerField("kedalaman", default=0, editable=False)
    opd = models.ForeignKey(
        "self",
        verbose_name="perangkat daerah",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
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
        if (
            self.induk_id
            and self.pk
            and self.pk in chain_ids(UnitKerja, "induk_id", self.induk_id)
        ):
            raise ValidationError(
                {
                    "induk": "Unit induk tidak boleh unit ini sendiri atau unit di bawahnya."
                }
            )
        if self.jenis != self.Jenis.PEMKOT and not self.induk_id:
            raise ValidationError(
                {"induk": "Setiap unit selain Pemerintah Kota harus punya unit induk."}
            )

    def _store_derived_position(self):
        parent = self.induk
        path = f"{parent.path if parent else '/'}{self.pk}/"
        depth = parent.kedalaman + 1 if parent else 0
        if self.jenis in self.OPD_LEVEL:
            opd_id = self.pk
        else:
            opd_id = parent.opd_id if parent else None
        if (path, depth, opd_id) != (self.path, self.kedalaman, self.opd_id):
            UnitKerja.objects.filter(pk=self.pk).update(
                path=path, kedalaman=depth, opd_id=opd_id
            )
            self.path, self.kedalaman, self.opd_id = path, depth, opd_id

    def ancestor_ids(self):
        return [int(part) for part in self.path.strip("/").split("/") if part]


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
    unit = models.ForeignKey(
        UnitKerja, verbose_name="unit kerja", on_delete=models.PROTECT
    )
    atasan = models.ForeignKey(
        "self",
        verbose_name="jabatan atasan langsung",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bawahan",
    )
    kelas_jabatan = BilanganBulatPositifField("kelas jabatan", null=True, blank=True)
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
        if (
            self.atasan_id
            and self.pk
            and self.pk in chain_ids(Jabatan, "atasan_id", self.atasan_id)
        ):
            raise ValidationError(
                {
                    "atasan": "Jabatan atasan membentuk lingkaran: pilih jabatan di atasnya."
                }
            )
