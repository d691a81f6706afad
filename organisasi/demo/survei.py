"""Demo surveys and needs for Dinas Lingkungan Hidup's waste service.

A closed SKM survey with 150 responses, an open programme survey with a few dozen, and
needs derived from their weakest results. Idempotent: a survey that exists (same unit,
title and period) is left alone, so a second run saves nothing; deterministic given the rng.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from organisasi import queries, services
from organisasi.models import (
    Jawaban,
    Kebutuhan,
    Pegawai,
    Pertanyaan,
    Responden,
    Survei,
    UnitKerja,
)

# Mean answer per SKM unsur (1–4): complaints handling and speed are the weak spots.
SKM_MEANS = [3.3, 3.1, 2.6, 3.7, 3.2, 3.2, 3.4, 2.4, 2.9]
LAYANAN = [
    "Pengangkutan sampah rumah tangga",
    "Pengaduan sampah liar",
    "Retribusi sampah",
    "Bank sampah",
]

PROGRAM_QUESTIONS = [
    (
        "Seberapa puas Anda dengan ketepatan jadwal pengangkutan sampah di lingkungan Anda?",
        "",
        Pertanyaan.Tipe.LIKERT,
        ["Sangat tidak puas", "Tidak puas", "Cukup", "Puas", "Sangat puas"],
        True,
    ),
    (
        "Apakah petugas mengangkut seluruh sampah tanpa tercecer?",
        "",
        Pertanyaan.Tipe.YA_TIDAK,
        [],
        True,
    ),
    (
        "Berapa kali dalam seminggu sampah di lingkungan Anda diangkut?",
        "",
        Pertanyaan.Tipe.ANGKA,
        [],
        False,
    ),
    (
        "Bagian mana yang paling perlu diperbaiki?",
        "",
        Pertanyaan.Tipe.PILIHAN,
        [
            "Jadwal pengangkutan",
            "Jumlah armada",
            "Sikap petugas",
            "Tempat penampungan sementara",
        ],
        True,
    ),
    ("Saran Anda untuk petugas kebersihan", "", Pertanyaan.Tipe.TEKS, [], False),
]
SARAN = [
    "Mohon jadwal pengangkutan diumumkan di grup RT.",
    "Petugas sudah ramah, terima kasih.",
    "TPS di ujung gang sering penuh sebelum diangkut.",
    "Tambah armada untuk kawasan perumahan baru.",
]


# The seed this demo drew from the organisation demo's generator when it ran inside it: kept,
# so the demo answers stay the same.
RANDOM_SEED = 797852976


def seed(stdout=None) -> None:
    """Create the demo surveys and needs once (needs the organisation demo's DLH units)."""
    unit = UnitKerja.objects.filter(kode="DLH-SAMPAH").first()
    if unit is None:
        return
    rng = random.Random(RANDOM_SEED)
    with transaction.atomic():
        skm = _seed_skm(unit, rng)
        _seed_skm_current(unit, skm, rng)
        program = _seed_program_survey(unit, skm, rng)
        _seed_needs(unit, skm, program)


def _seed_skm(unit, rng):
    survei, created = _survey(
        unit,
        "SKM Pelayanan Persampahan",
        "Semester II 2025",
        {
            "program": "Pelayanan pengangkutan dan pengaduan sampah",
            "jenis": Survei.Jenis.SKM,
            "tanggal_buka": datetime.date(2025, 7, 1),
            "tanggal_tutup": datetime.date(2025, 12, 31),
            "status": Survei.Status.DITUTUP,
            "target_responden": 150,
        },
    )
    if created:
        services.add_skm_unsur(survei)
        pertanyaan = list(survei.pertanyaan_set.order_by("urutan"))
        _answer(
            survei,
            150,
            rng,
            lambda r: [
                (p, _scale(r, mean, 1, 4), "")
                for p, mean in zip(pertanyaan, SKM_MEANS, strict=True)
            ],
            start=datetime.datetime(2025, 7, 2, 8, tzinfo=datetime.UTC),
        )
    return survei


def _seed_skm_current(unit, previous, rng):
    today = timezone.localdate()
    survei, created = _survey(
        unit,
        "SKM Pelayanan Persampahan",
        "Semester II 2026",
        {
            "program": "Pelayanan pengangkutan dan pengaduan sampah",
            "jenis": Survei.Jenis.SKM,
            "tanggal_buka": today - datetime.timedelta(days=20),
            "tanggal_tutup": today + datetime.timedelta(days=40),
            "status": Survei.Status.DIBUKA,
            "target_responden": 150,
            "survei_sebelumnya": previous,
        },
    )
    if created:
        services.add_skm_unsur(survei)
        pertanyaan = list(survei.pertanyaan_set.order_by("urutan"))
        _answer(
            survei,
            38,
            rng,
            lambda r: [
                (p, _scale(r, mean + 0.2, 1, 4), "")
                for p, mean in zip(pertanyaan, SKM_MEANS, strict=True)
            ],
            start=timezone.now() - datetime.timedelta(days=19),
        )
    return survei


def _seed_program_survey(unit, skm, rng):
    today = timezone.localdate()
    survei, created = _survey(
        unit,
        "Efektivitas Petugas Kebersihan",
        "Semester II 2026",
        {
            "program": "Pengangkutan sampah rumah tangga",
            "jenis": Survei.Jenis.KHUSUS,
            "tanggal_buka": today - datetime.timedelta(days=30),
            "tanggal_tutup": today + datetime.timedelta(days=60),
            "status": Survei.Status.DIBUKA,
            "target_responden": 100,
        },
    )
    if created:
        Pertanyaan.objects.bulk_create(
            [
                Pertanyaan(
                    survei=survei,
                    urutan=index,
                    teks=teks,
                    unsur=unsur,
                    tipe=tipe,
                    pilihan=pilihan,
                    wajib=wajib,
                )
                for index, (teks, unsur, tipe, pilihan, wajib) in enumerate(
                    PROGRAM_QUESTIONS, start=1
                )
            ]
        )
        likert, ya_tidak, angka, pilihan, saran = survei.pertanyaan_set.order_by(
            "urutan"
        )
        _answer(
            survei,
            42,
            rng,
            lambda r: [
                (likert, _scale(r, 3.4, 1, 5), ""),
                (ya_tidak, 1 if r.random() < 0.7 else 0, ""),
                (angka, r.choice([2, 3, 3, 3, 7]), ""),
                (pilihan, None, r.choice(pilihan.pilihan)),
                *([(saran, None, r.choice(SARAN))] if r.random() < 0.3 else []),
            ],
            start=timezone.now() - datetime.timedelta(days=29),
        )
    return survei


def _survey(unit, judul, periode, values):
    existing = Survei.objects.filter(unit=unit, judul=judul, periode=periode).first()
    if existing:
        return existing, False
    return Survei.objects.create(
        unit=unit, judul=judul, periode=periode, **values
    ), True


def _scale(rng, mean, low, high):
    return max(low, min(high, round(rng.gauss(mean, 0.75))))


def _answer(survei, count, rng, answers_for, *, start):
    profiles = [
        {
            "usia": rng.choice(Responden.Usia.values),
            "jenis_kelamin": rng.choice(Responden.JenisKelamin.values),
            "pendidikan": rng.choice(Responden.Pendidikan.values),
            "pekerjaan": rng.choice(Responden.Pekerjaan.values),
            "layanan": rng.choice(LAYANAN),
            "diisi_pada": start + datetime.timedelta(hours=rng.randrange(24 * 25)),
        }
        for _ in range(count)
    ]
    respondents = Responden.objects.bulk_create(
        [Responden(survei=survei, **profile) for profile in profiles]
    )
    Jawaban.objects.bulk_create(
        [
            Jawaban(responden=responden, pertanyaan=pertanyaan, nilai=nilai, teks=teks)
            for responden in respondents
            for pertanyaan, nilai, teks in answers_for(rng)
        ]
    )


def _seed_needs(unit, skm, program):
    if Kebutuhan.objects.filter(unit=unit).exists():
        return
    kasi = (
        Pegawai.objects.filter(jabatan__kode="DLH-SAMPAH-1-KASI")
        .order_by("nip")
        .first()
    )
    hasil = queries.compute_hasil(skm)
    weakest = services.kebutuhan_from_hasil(
        hasil, pertanyaan_id=hasil.terlemah.pertanyaan.pk
    )
    weakest.pemilik = kasi
    weakest.status = Kebutuhan.Status.DITINDAKLANJUTI
    weakest.save()
    program_hasil = queries.compute_hasil(program)
    pilihan = next(
        item
        for item in program_hasil.lainnya
        if item.pertanyaan.tipe == Pertanyaan.Tipe.PILIHAN
    )
    armada = services.kebutuhan_from_hasil(
        program_hasil, pertanyaan_id=pilihan.pertanyaan.pk
    )
    armada.judul = "Penambahan armada dan penataan jadwal pengangkutan sampah"
    armada.pemilik = kasi
    armada.save()
    Kebutuhan.objects.create(
        judul="Pelatihan pelayanan prima bagi operator angkutan sampah",
        unit=unit,
        sumber=Kebutuhan.Sumber.ARAHAN_PIMPINAN,
        prioritas=Kebutuhan.Prioritas.SEDANG,
        deskripsi="Arahan Kepala Dinas pada rapat evaluasi triwulan: operator perlu pelatihan menangani keluhan warga.",
        pemilik=kasi,
    )
