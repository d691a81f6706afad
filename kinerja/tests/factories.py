import datetime

import factory

from kinerja.models import Aktivitas, BuktiDukung, Cuti, HariLibur, Realisasi, Status


class AktivitasFactory(factory.django.DjangoModelFactory):
    """A draft activity; pass pegawai, rhk and tanggal (no rule is checked: factories arrange data)."""

    class Meta:
        model = Aktivitas

    class Params:
        diajukan = factory.Trait(
            status=Status.DIAJUKAN,
            diajukan_pada=factory.LazyFunction(
                lambda: datetime.datetime.now(datetime.UTC)
            ),
        )
        disetujui = factory.Trait(
            status=Status.DISETUJUI,
            diajukan_pada=factory.LazyFunction(
                lambda: datetime.datetime.now(datetime.UTC)
            ),
        )

    jam_mulai = datetime.time(8, 0)
    jam_selesai = datetime.time(9, 0)
    uraian = factory.Sequence(
        lambda n: f"Memeriksa kebersihan TPS nomor {n} di kelurahan"
    )
    kuantitas_output = 1
    satuan_output = "kegiatan"


class RealisasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realisasi

    pegawai = factory.SelfAttribute("iki.rhk.skp.pegawai")
    nilai = 10


class BuktiDukungFactory(factory.django.DjangoModelFactory):
    """A link as evidence of an activity (files go through the service, which checks them)."""

    class Meta:
        model = BuktiDukung

    pegawai = factory.SelfAttribute("aktivitas.pegawai")
    tautan = "https://drive.example.id/bukti"


class HariLiburFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HariLibur

    nama = "Cuti bersama"
    jenis = HariLibur.Jenis.CUTI_BERSAMA


class CutiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cuti

    jenis = Cuti.Jenis.TAHUNAN
