import datetime
import itertools
from types import SimpleNamespace

import factory

from organisasi import services
from organisasi.models import (
    Jabatan,
    Jawaban,
    Kebutuhan,
    KepalaDaerah,
    Pegawai,
    Pengguna,
    Pertanyaan,
    Responden,
    Survei,
    UnitKerja,
)

_sequence = itertools.count(1)


def _birth_and_sequence(n):
    """Spread n over birth day, month and sequence so numbers stay unique for ~330,000 calls."""
    day, month = (n // 999) % 28 + 1, (n // (999 * 28)) % 12 + 1
    return f"{month:02d}{day:02d}", f"{n % 999 + 1:03d}"


def valid_pns_nip(n=None, *, female=False):
    """A valid PNS NIP: born in 1985, CPNS March 2010."""
    birth, seq = _birth_and_sequence(n if n is not None else next(_sequence))
    return f"1985{birth}201003{2 if female else 1}{seq}"


def valid_pppk_nip(n=None):
    """A valid NI PPPK: born in 1995, PPPK 2023, first contract."""
    birth, seq = _birth_and_sequence(n if n is not None else next(_sequence))
    return f"1995{birth}2023211{seq}"


class UnitKerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitKerja

    class Params:
        opd = factory.Trait(jenis=UnitKerja.Jenis.OPD)

    kode = factory.Sequence(lambda n: f"U{n:04d}")
    nama = factory.Sequence(lambda n: f"Unit {n}")
    jenis = UnitKerja.Jenis.BIDANG
    induk = None


class JabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jabatan

    kode = factory.Sequence(lambda n: f"J{n:04d}")
    nama = factory.Sequence(lambda n: f"Jabatan {n}")
    jenis = Jabatan.Jenis.PELAKSANA
    unit = factory.SubFactory(UnitKerjaFactory)


class PenggunaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pengguna
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    nama = factory.Sequence(lambda n: f"Pengguna {n}")
    password = factory.PostGenerationMethodCall("set_password", "rahasia-uji-123")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class KepalaDaerahFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KepalaDaerah

    nama = factory.Sequence(lambda n: f"Kepala Daerah {n}")
    jabatan = KepalaDaerah.Jabatan.WALI_KOTA
    masa_jabatan_mulai = datetime.date(2025, 2, 20)
    masa_jabatan_selesai = datetime.date(2030, 2, 20)


class PegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pegawai

    nip = factory.LazyFunction(valid_pns_nip)
    nama = factory.Sequence(lambda n: f"Pegawai {n}")
    status = Pegawai.Status.PNS
    golongan = "III/a"
    jabatan = factory.SubFactory(JabatanFactory)
    unit = factory.SelfAttribute("jabatan.unit")
    akun = factory.SubFactory(PenggunaFactory, username=factory.SelfAttribute("..nip"))


class SurveiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survei

    unit = factory.SubFactory(UnitKerjaFactory)
    judul = factory.Sequence(lambda n: f"Survei {n}")
    program = "Pengangkutan sampah"
    periode = "Semester I 2026"
    jenis = Survei.Jenis.KHUSUS
    status = Survei.Status.DIBUKA
    tanggal_buka = factory.LazyFunction(
        lambda: datetime.date.today() - datetime.timedelta(days=7)
    )
    tanggal_tutup = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=30)
    )


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
    services.add_skm_unsur(survei)
    return survei


def answer(survei: Survei, values: list, **profil) -> Responden:
    """One respondent answering the survey's questions in order (None = skipped)."""
    responden = Responden.objects.create(survei=survei, **profil)
    pertanyaan_list = list(survei.pertanyaan_set.order_by("urutan"))
    Jawaban.objects.bulk_create(
        [
            Jawaban(responden=responden, pertanyaan=p, nilai=value)
            for p, value in zip(pertanyaan_list, values, strict=False)
            if value is not None
        ]
    )
    return responden


def build_org():
    """Pemkot → OPD A (kepala → kabid → kasi → staf ×2) and OPD B (kepala → staf),
    with a pengelola for A, an admin BKPSDM and a pimpinan. Atasan are derived."""
    pemkot = UnitKerjaFactory(
        kode="PEMKOT", nama="Pemkot", jenis=UnitKerja.Jenis.PEMKOT
    )
    opd_a = UnitKerjaFactory(
        kode="A", nama="Dinas A", jenis=UnitKerja.Jenis.OPD, induk=pemkot
    )
    bidang_a = UnitKerjaFactory(kode="A-B", nama="Bidang A", induk=opd_a)
    seksi_a = UnitKerjaFactory(
        kode="A-B-S", nama="Seksi A", jenis=UnitKerja.Jenis.SEKSI, induk=bidang_a
    )
    opd_b = UnitKerjaFactory(
        kode="B", nama="Dinas B", jenis=UnitKerja.Jenis.OPD, induk=pemkot
    )

    j_kepala = JabatanFactory(
        kode="A-KADIS", nama="Kepala Dinas A", jenis=Jabatan.Jenis.JPT, unit=opd_a
    )
    j_kabid = JabatanFactory(
        kode="A-KABID",
        jenis=Jabatan.Jenis.ADMINISTRATOR,
        unit=bidang_a,
        atasan=j_kepala,
    )
    j_kasi = JabatanFactory(
        kode="A-KASI", jenis=Jabatan.Jenis.PENGAWAS, unit=seksi_a, atasan=j_kabid
    )
    j_staf = JabatanFactory(kode="A-STAF", unit=seksi_a, atasan=j_kasi)
    j_b_kepala = JabatanFactory(kode="B-KADIS", jenis=Jabatan.Jenis.JPT, unit=opd_b)
    j_b_staf = JabatanFactory(kode="B-STAF", unit=opd_b, atasan=j_b_kepala)

    o = SimpleNamespace(
        pemkot=pemkot, opd_a=opd_a, bidang_a=bidang_a, seksi_a=seksi_a, opd_b=opd_b
    )
    o.kepala = PegawaiFactory(nama="Kepala A", jabatan=j_kepala)
    o.kabid = PegawaiFactory(nama="Kabid A", jabatan=j_kabid)
    o.kasi = PegawaiFactory(nama="Kasi A", jabatan=j_kasi)
    o.staf = PegawaiFactory(nama="Staf A1", jabatan=j_staf)
    o.staf2 = PegawaiFactory(
        nama="Staf A2",
        jabatan=j_staf,
        status=Pegawai.Status.PPPK,
        golongan="VII",
        nip=valid_pppk_nip(),
    )
    o.kepala_b = PegawaiFactory(nama="Kepala B", jabatan=j_b_kepala)
    o.staf_b = PegawaiFactory(nama="Staf B", jabatan=j_b_staf)
    o.pengelola = PegawaiFactory(
        nama="Pengelola A", jabatan=JabatanFactory(unit=opd_a, atasan=j_kepala)
    )
    o.pengelola.akun.peran = Pengguna.Peran.PENGELOLA_OPD
    o.pengelola.akun.opd_dikelola = opd_a
    o.pengelola.akun.save()
    o.admin = PegawaiFactory(
        nama="Admin BKPSDM", jabatan=JabatanFactory(unit=opd_b, atasan=j_b_kepala)
    )
    o.admin.akun.peran = Pengguna.Peran.ADMIN_BKPSDM
    o.admin.akun.save()
    o.pimpinan = PenggunaFactory(username="pimpinan", peran=Pengguna.Peran.PIMPINAN)
    services.refresh_atasan()
    for name in (
        "kepala",
        "kabid",
        "kasi",
        "staf",
        "staf2",
        "kepala_b",
        "staf_b",
        "pengelola",
        "admin",
    ):
        getattr(o, name).refresh_from_db()
    return o
