import datetime

import factory

from organisasi import services_survei
from organisasi.models import Jawaban, Kebutuhan, Pertanyaan, Responden, Survei
from organisasi.tests.factories import UnitKerjaFactory


class SurveiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survei

    unit = factory.SubFactory(UnitKerjaFactory)
    judul = factory.Sequence(lambda n: f"Survei {n}")
    program = "Pengangkutan sampah"
    periode = "Semester I 2026"
    jenis = Survei.Jenis.KHUSUS
    status = Survei.Status.DIBUKA
    tanggal_buka = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=7))
    tanggal_tutup = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))


class PertanyaanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pertanyaan

    survei = factory.SubFactory(SurveiFactory)
    urutan = factory.Sequence(lambda n: n + 1)
    teks = factory.Sequence(lambda n: f"Pertanyaan {n}?")
    tipe = Pertanyaan.Tipe.LIKERT


class RespondenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Responden

    survei = factory.SubFactory(SurveiFactory)


class KebutuhanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kebutuhan

    judul = factory.Sequence(lambda n: f"Kebutuhan {n}")
    unit = factory.SubFactory(UnitKerjaFactory)
    sumber = Kebutuhan.Sumber.EVALUASI_PROGRAM
    deskripsi = "Perlu perbaikan."


def skm_survei(**kwargs) -> Survei:
    """An open SKM survey with the nine template unsur."""
    survei = SurveiFactory(jenis=Survei.Jenis.SKM, **kwargs)
    services_survei.add_skm_unsur(survei)
    return survei


def answer(survei: Survei, values: list, **profil) -> Responden:
    """One respondent answering the survey's questions in order (None = skipped)."""
    responden = Responden.objects.create(survei=survei, **profil)
    pertanyaan_list = list(survei.pertanyaan_set.order_by("urutan"))
    Jawaban.objects.bulk_create([
        Jawaban(responden=responden, pertanyaan=p, nilai=value)
        for p, value in zip(pertanyaan_list, values, strict=False) if value is not None
    ])
    return responden
