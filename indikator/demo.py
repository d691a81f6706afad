"""Demo periods, unit indicators and the SKP cascade of the DLH waste-handling chain.

Deterministic and idempotent: rows are looked up by natural keys and saved only when a
value differs, so a second run adds no rows and no history. The demo ASN
(DLH-SAMPAH-1-PENGAWAS) gets no SKP: the Kasi's matriks peran hasil creates it in the demo.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from core.seeding import upsert
from indikator import services
from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    Periode,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)
from organisasi.models import Kebutuhan, Pegawai, Survei, UnitKerja

TAHUN = 2026

# (unit kode, sasaran kode, sasaran, [(kode, indikator, satuan, polaritas, target, target_atas, [realisasi Q1..])])
INDIKATOR = [
    (
        "DLH",
        "DLH-SS-1",
        "Meningkatnya kualitas pengelolaan sampah kota",
        [
            (
                "DLH-IKU-1",
                "Persentase sampah tertangani",
                "%",
                "naik",
                85,
                None,
                [78, 81, 84],
            ),
            (
                "DLH-IKU-2",
                "Indeks Kepuasan Masyarakat layanan persampahan",
                "indeks",
                "naik",
                80,
                None,
                [76.5, 79.2],
            ),
        ],
    ),
    (
        "DINKES",
        "DINKES-SS-1",
        "Meningkatnya derajat kesehatan masyarakat",
        [
            (
                "DINKES-IKU-1",
                "Cakupan imunisasi dasar lengkap",
                "%",
                "rentang",
                90,
                95,
                [88, 93, 97],
            ),
        ],
    ),
    (
        "DISDIKBUD",
        "DISDIKBUD-SS-1",
        "Meningkatnya akses dan mutu pendidikan dasar",
        [
            (
                "DISDIKBUD-IKU-1",
                "Angka Partisipasi Kasar (APK) SD",
                "%",
                "naik",
                105,
                None,
                [104.2],
            ),
            (
                "DISDIKBUD-IKU-2",
                "Angka Partisipasi Murni (APM) SD",
                "%",
                "naik",
                97,
                None,
                [96.1],
            ),
            ("DISDIKBUD-IKU-3", "Angka kelulusan SD", "%", "naik", 100, None, [99.6]),
            (
                "DISDIKBUD-IKU-4",
                "Angka putus sekolah SD",
                "%",
                "turun",
                Decimal("0.2"),
                None,
                [Decimal("0.25")],
            ),
        ],
    ),
]

# jabatan kode → [(RHK, intervened (jabatan kode, RHK) or unit indicator kode, [(aspek, IKI, target, satuan)])]
SKP = {
    "DLH-KADIS": [
        (
            "Meningkatnya penanganan sampah kota yang tuntas dan berkelanjutan",
            "DLH-IKU-1",
            [
                ("kuantitas", "Persentase sampah tertangani", 85, "%"),
                (
                    "kualitas",
                    "Indeks Kepuasan Masyarakat layanan persampahan",
                    80,
                    "indeks",
                ),
            ],
        ),
    ],
    "DLH-SAMPAH-KABID": [
        (
            "Terlaksananya pengangkutan dan pengurangan sampah di seluruh kecamatan",
            (
                "DLH-KADIS",
                "Meningkatnya penanganan sampah kota yang tuntas dan berkelanjutan",
            ),
            [
                (
                    "kuantitas",
                    "Persentase timbulan sampah yang terangkut ke TPA",
                    85,
                    "%",
                ),
                (
                    "waktu",
                    "Ketepatan waktu laporan bulanan penanganan sampah",
                    12,
                    "bulan",
                ),
            ],
        ),
    ],
    "DLH-SAMPAH-1-KASI": [
        (
            "Tertanganinya sampah di TPS wilayah Samarinda Ulu dan Samarinda Kota",
            (
                "DLH-SAMPAH-KABID",
                "Terlaksananya pengangkutan dan pengurangan sampah di seluruh kecamatan",
            ),
            [
                (
                    "kuantitas",
                    "Jumlah TPS yang terlayani pengangkutan harian",
                    40,
                    "TPS",
                ),
                (
                    "kualitas",
                    "Persentase aduan sampah yang ditindaklanjuti dalam 2 hari",
                    90,
                    "%",
                ),
            ],
        ),
    ],
}

LAMPIRAN = {
    "dukungan_sumber_daya": "Armada angkutan sampah, anggaran operasional TPS, aplikasi pelaporan aduan.",
    "skema_pertanggungjawaban": "Laporan bulanan kepada atasan langsung dan evaluasi triwulanan.",
    "konsekuensi": "Capaian di bawah target dibahas dalam dialog kinerja dan rencana perbaikan.",
}


def seed(stdout=None) -> None:
    with transaction.atomic():
        periode = _seed_periode()
        _seed_indikator(periode)
        _link_kebutuhan()
        for jabatan_kode, rhk_specs in SKP.items():
            _seed_skp(jabatan_kode, rhk_specs, periode)


def _seed_periode():
    return Periode.objects.filter(tahun=TAHUN).first() or services.create_periode(
        tahun=TAHUN, skema="triwulanan"
    )


def _seed_indikator(periode):
    quarters = {pp.nomor: pp for pp in PeriodePenilaian.objects.filter(periode=periode)}
    for unit_kode, sasaran_kode, sasaran_nama, indikator_specs in INDIKATOR:
        unit = UnitKerja.objects.get(kode=unit_kode)
        sasaran = upsert(
            SasaranStrategis,
            {"kode": sasaran_kode},
            {"unit": unit, "nama": sasaran_nama},
        )
        for (
            kode,
            nama,
            satuan,
            polaritas,
            target,
            target_atas,
            realisasi,
        ) in indikator_specs:
            indikator = upsert(
                IndikatorKinerja,
                {"kode": kode, "tahun": TAHUN},
                {
                    "sasaran": sasaran,
                    "nama": nama,
                    "satuan": satuan,
                    "polaritas": polaritas,
                    "target": Decimal(target),
                    "target_atas": Decimal(target_atas) if target_atas else None,
                    "dokumen": IndikatorKinerja.Dokumen.PK,
                },
            )
            for nomor, nilai in enumerate(realisasi, start=1):
                upsert(
                    RealisasiIndikator,
                    {"indikator": indikator, "periode_penilaian": quarters[nomor]},
                    {"nilai": Decimal(str(nilai))},
                )


def _link_kebutuhan():
    """DLH's indicators answer the needs found by its waste-service surveys (organisasi demo)."""
    needs = Kebutuhan.objects.filter(unit__kode__startswith="DLH")
    links = {
        "DLH-IKU-1": needs.filter(judul__startswith="Penambahan armada"),
        "DLH-IKU-2": needs.filter(
            sumber=Kebutuhan.Sumber.TEMUAN_SURVEI, survei__jenis=Survei.Jenis.SKM
        ),
    }
    for kode, kebutuhan in links.items():
        indikator = IndikatorKinerja.objects.get(kode=kode, tahun=TAHUN)
        indikator.kebutuhan.add(*kebutuhan)


def _seed_skp(jabatan_kode, rhk_specs, periode):
    pegawai = (
        Pegawai.objects.active()
        .filter(jabatan__kode=jabatan_kode)
        .order_by("nip")
        .first()
    )
    skp = Skp.objects.filter(
        pegawai=pegawai, periode=periode, jabatan=pegawai.jabatan_id
    ).first()
    if skp is None:
        skp = services.create_skp(pegawai, periode)
    for urutan, (uraian, parent, iki_specs) in enumerate(rhk_specs, start=1):
        links = {"indikator_unit": None, "rhk_atasan": None}
        if isinstance(parent, tuple):
            links["rhk_atasan"] = RencanaHasilKerja.objects.get(
                skp__pegawai__jabatan__kode=parent[0],
                skp__periode=periode,
                uraian=parent[1],
            )
        else:
            links["indikator_unit"] = IndikatorKinerja.objects.get(
                kode=parent, tahun=periode.tahun
            )
        rhk = upsert(
            RencanaHasilKerja,
            {"skp": skp, "uraian": uraian},
            {"jenis": "utama", "urutan": urutan, **links},
        )
        for aspek, iki_uraian, target, satuan in iki_specs:
            upsert(
                IndikatorKinerjaIndividu,
                {"rhk": rhk, "uraian": iki_uraian},
                {"aspek": aspek, "target": Decimal(target), "satuan": satuan},
            )
    approved_on = datetime.datetime(TAHUN, 1, 20, 9, 0, tzinfo=datetime.UTC)
    upsert(
        Skp,
        {"pk": skp.pk},
        {
            "status": Skp.Status.DISETUJUI,
            "disetujui_pada": approved_on,
            "diajukan_pada": approved_on,
            **LAMPIRAN,
        },
    )
