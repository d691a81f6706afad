import factory

from indikator import services
from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    Periode,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)
from organisasi.tests.factories import UnitKerjaFactory


def periode(tahun=2026, skema="triwulanan"):
    return Periode.objects.filter(tahun=tahun).first() or services.create_periode(
        tahun=tahun, skema=skema
    )


class SasaranStrategisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SasaranStrategis

    unit = factory.SubFactory(UnitKerjaFactory, opd=True)
    kode = factory.Sequence(lambda n: f"SS{n:03d}")
    nama = factory.Sequence(lambda n: f"Sasaran {n}")


class IndikatorKinerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorKinerja

    sasaran = factory.SubFactory(SasaranStrategisFactory)
    kode = factory.Sequence(lambda n: f"IK{n:03d}")
    nama = factory.Sequence(lambda n: f"Indikator {n}")
    tahun = 2026
    satuan = "%"
    target = 90


def skp_for(pegawai, *, tahun=2026, status=Skp.Status.DRAFT):
    """An SKP made the way the app makes it, then put in the wanted state."""
    skp = services.create_skp(pegawai, periode(tahun))
    if status != Skp.Status.DRAFT:
        Skp.objects.filter(pk=skp.pk).update(status=status)
        skp.refresh_from_db()
    return skp


class RencanaHasilKerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RencanaHasilKerja

    uraian = factory.Sequence(lambda n: f"Tersusunnya dokumen {n}")
    jenis = RencanaHasilKerja.Jenis.UTAMA


class IndikatorKinerjaIndividuFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorKinerjaIndividu

    rhk = factory.SubFactory(RencanaHasilKerjaFactory)
    aspek = IndikatorKinerjaIndividu.Aspek.KUANTITAS
    uraian = factory.Sequence(lambda n: f"Jumlah dokumen {n}")
    target = 12
    satuan = "dokumen"
