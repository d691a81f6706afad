"""The needs register: what the organisation must improve, and what answers it."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from organisasi.models.akun import Pengguna
from organisasi.models.pegawai import Pegawai
from organisasi.models.struktur import UnitKerja
from organisasi.models.survei import Pertanyaan, Survei
from organisasi.permissions import UnitScopedQuerySet


class KebutuhanQuerySet(UnitScopedQuerySet):
    pegawai_scope = (
        "unit"  # an ASN reads the needs of their unit and the units above it
    )

    def search(self, q):
        return (
            self.filter(Q(judul__icontains=q) | Q(deskripsi__icontains=q))
            if q
            else self
        )

    def still_open(self):
        return self.exclude(status=Kebutuhan.Status.SELESAI)

    def unanswered(self):
        """Needs that no indicator, plan or other M2M from a later app answers yet."""
        queryset = self
        for relation in Kebutuhan._meta.related_objects:
            if relation.many_to_many:
                through = relation.through
                link = Exists(through.objects.filter(kebutuhan=OuterRef("pk")))
                queryset = queryset.exclude(link)
        return queryset


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
    unit = models.ForeignKey(
        UnitKerja, verbose_name="unit kerja", on_delete=models.PROTECT
    )
    sumber = models.CharField("sumber", max_length=25, choices=Sumber.choices)
    deskripsi = models.TextField("deskripsi")
    prioritas = models.CharField(
        "prioritas", max_length=10, choices=Prioritas.choices, default=Prioritas.SEDANG
    )
    pemilik = models.ForeignKey(
        Pegawai,
        verbose_name="penanggung jawab",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.TERBUKA
    )
    survei = models.ForeignKey(
        Survei,
        verbose_name="survei asal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    pertanyaan = models.ForeignKey(
        Pertanyaan,
        verbose_name="pertanyaan/unsur asal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    bukti = models.TextField("bukti/temuan", blank=True)
    dibuat_oleh = models.ForeignKey(
        Pengguna,
        verbose_name="dicatat oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = KebutuhanQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "kebutuhan"
        ordering = [
            "-prioritas",
            "-created_at",
        ]  # "tinggi" > "sedang" > "rendah" as text
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
                found.append(
                    (relation.related_model._meta.verbose_name_plural, list(objects))
                )
        return found
