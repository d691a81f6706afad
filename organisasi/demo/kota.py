"""The Samarinda demo city as data: its OPD, units and positions (real names, fictional holders)."""

from organisasi.models import Jabatan, UnitKerja

J = Jabatan.Jenis
U = UnitKerja.Jenis

# (kode, nama, jenis, [(jabatan kode suffix, nama jabatan, jenis, reports-to suffix or None, holders)], children)
# A reports-to of "^" means "the head of the parent unit"; holders: how many pegawai hold it.


def _dinas(kode, nama, bidang, extra_children=()):
    head = [("KADIS", f"Kepala {nama}", J.JPT, "^", 1)]
    sekretariat = (
        f"{kode}-SEKRE",
        "Sekretariat",
        U.BIDANG,
        [("SEKRE", "Sekretaris", J.ADMINISTRATOR, "^", 1)],
        [
            (
                f"{kode}-UMPEG",
                "Subbagian Umum dan Kepegawaian",
                U.SEKSI,
                [
                    (
                        "KASUBAG",
                        "Kepala Subbagian Umum dan Kepegawaian",
                        J.PENGAWAS,
                        "^",
                        1,
                    ),
                    (
                        "PENGADM",
                        "Pengadministrasi Perkantoran",
                        J.PELAKSANA,
                        "KASUBAG",
                        2,
                    ),
                    (
                        "ANSDM",
                        "Analis Sumber Daya Manusia Aparatur",
                        J.FUNGSIONAL,
                        "KASUBAG",
                        1,
                    ),
                ],
                [],
            )
        ],
    )
    return (kode, nama, U.OPD, head, [sekretariat, *bidang, *extra_children])


def _bidang(kode, nama, seksi):
    return (
        kode,
        f"Bidang {nama}",
        U.BIDANG,
        [("KABID", f"Kepala Bidang {nama}", J.ADMINISTRATOR, "^", 1)],
        seksi,
    )


def _seksi(kode, nama, staf):
    head = [("KASI", f"Kepala Seksi {nama}", J.PENGAWAS, "^", 1)]
    return (
        kode,
        f"Seksi {nama}",
        U.SEKSI,
        head + [(k, n, j, "KASI", c) for k, n, j, c in staf],
        [],
    )


def _kelurahan(kode, nama):
    return (
        kode,
        f"Kelurahan {nama}",
        U.KELURAHAN,
        [
            ("LURAH", f"Lurah {nama}", J.PENGAWAS, "^", 1),
            ("SEKLUR", f"Sekretaris Kelurahan {nama}", J.PELAKSANA, "LURAH", 1),
            ("STAF", "Pengadministrasi Umum", J.PELAKSANA, "LURAH", 2),
        ],
        [],
    )


def _kecamatan(kode, nama, kelurahan):
    return (
        kode,
        f"Kecamatan {nama}",
        U.KECAMATAN,
        [
            ("CAMAT", f"Camat {nama}", J.ADMINISTRATOR, "^", 1),
            ("SEKCAM", f"Sekretaris Kecamatan {nama}", J.PENGAWAS, "CAMAT", 1),
            ("KASIPEM", "Kepala Seksi Pemerintahan", J.PENGAWAS, "CAMAT", 1),
            ("PENGADM", "Pengadministrasi Perkantoran", J.PELAKSANA, "SEKCAM", 2),
        ],
        [_kelurahan(f"{kode}-{i + 1:02d}", k) for i, k in enumerate(kelurahan)],
    )


ORGANISASI = (
    "PEMKOT",
    "Pemerintah Kota Samarinda",
    U.PEMKOT,
    [],
    [
        (
            "SETDA",
            "Sekretariat Daerah",
            U.OPD,
            [("SEKDA", "Sekretaris Daerah", J.JPT, None, 1)],
            [
                (
                    "SETDA-ORG",
                    "Bagian Organisasi",
                    U.BIDANG,
                    [
                        ("KABAG", "Kepala Bagian Organisasi", J.ADMINISTRATOR, "^", 1),
                        (
                            "ANORG",
                            "Analis Kebijakan Ahli Muda",
                            J.FUNGSIONAL,
                            "KABAG",
                            2,
                        ),
                    ],
                    [],
                ),
            ],
        ),
        _dinas(
            "BKPSDM",
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            [
                _bidang(
                    "BKPSDM-PK",
                    "Penilaian Kinerja dan Penghargaan",
                    [
                        _seksi(
                            "BKPSDM-PK-1",
                            "Penilaian Kinerja Aparatur",
                            [
                                ("ANKIN", "Analis Kinerja Aparatur", J.FUNGSIONAL, 2),
                                (
                                    "PENGDATA",
                                    "Pengolah Data Kepegawaian",
                                    J.PELAKSANA,
                                    2,
                                ),
                            ],
                        ),
                    ],
                ),
                _bidang(
                    "BKPSDM-BANG",
                    "Pengembangan Kompetensi",
                    [
                        _seksi(
                            "BKPSDM-BANG-1",
                            "Pengembangan Kompetensi Teknis",
                            [
                                (
                                    "ANBANG",
                                    "Analis Pengembangan Kompetensi",
                                    J.FUNGSIONAL,
                                    2,
                                )
                            ],
                        ),
                    ],
                ),
            ],
        ),
        _dinas(
            "BAPPERIDA",
            "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
            [
                _bidang(
                    "BAPPERIDA-REN",
                    "Perencanaan dan Evaluasi",
                    [
                        _seksi(
                            "BAPPERIDA-REN-1",
                            "Evaluasi Pembangunan",
                            [("PERENC", "Perencana Ahli Pertama", J.FUNGSIONAL, 2)],
                        ),
                    ],
                ),
            ],
        ),
        _dinas(
            "DLH",
            "Dinas Lingkungan Hidup",
            [
                _bidang(
                    "DLH-SAMPAH",
                    "Pengelolaan Sampah",
                    [
                        _seksi(
                            "DLH-SAMPAH-1",
                            "Penanganan Sampah",
                            [
                                ("PENGAWAS", "Pengawas Kebersihan", J.PELAKSANA, 6),
                                ("OPTRUK", "Operator Angkutan Sampah", J.PELAKSANA, 6),
                            ],
                        ),
                        _seksi(
                            "DLH-SAMPAH-2",
                            "Pengurangan Sampah",
                            [
                                (
                                    "PENYULUH",
                                    "Penyuluh Lingkungan Hidup",
                                    J.FUNGSIONAL,
                                    3,
                                ),
                                ("PENGBANK", "Pengelola Bank Sampah", J.PELAKSANA, 3),
                            ],
                        ),
                    ],
                ),
                _bidang(
                    "DLH-PPLH",
                    "Pengendalian Pencemaran",
                    [
                        _seksi(
                            "DLH-PPLH-1",
                            "Pemantauan Kualitas Lingkungan",
                            [
                                (
                                    "PEDAL",
                                    "Pengendali Dampak Lingkungan Ahli Pertama",
                                    J.FUNGSIONAL,
                                    3,
                                )
                            ],
                        ),
                    ],
                ),
            ],
        ),
        _dinas(
            "DINKES",
            "Dinas Kesehatan",
            [
                _bidang(
                    "DINKES-P2P",
                    "Pencegahan dan Pengendalian Penyakit",
                    [
                        _seksi(
                            "DINKES-P2P-1",
                            "Surveilans dan Imunisasi",
                            [
                                (
                                    "EPID",
                                    "Epidemiolog Kesehatan Ahli Pertama",
                                    J.FUNGSIONAL,
                                    3,
                                ),
                                ("PENGIMUN", "Pengelola Imunisasi", J.PELAKSANA, 2),
                            ],
                        ),
                    ],
                ),
                _bidang(
                    "DINKES-YANKES",
                    "Pelayanan Kesehatan",
                    [
                        _seksi(
                            "DINKES-YANKES-1",
                            "Pelayanan Kesehatan Primer",
                            [
                                (
                                    "ADMKES",
                                    "Administrator Kesehatan Ahli Pertama",
                                    J.FUNGSIONAL,
                                    2,
                                )
                            ],
                        ),
                    ],
                ),
            ],
            extra_children=[
                (
                    "DINKES-PKM-01",
                    "UPT Puskesmas Air Putih",
                    U.PUSKESMAS,
                    [
                        (
                            "KAPUS",
                            "Kepala UPT Puskesmas Air Putih",
                            J.ADMINISTRATOR,
                            "^",
                            1,
                        ),
                        ("DOKTER", "Dokter Ahli Pertama", J.FUNGSIONAL, "KAPUS", 3),
                        ("PERAWAT", "Perawat Terampil", J.FUNGSIONAL, "KAPUS", 6),
                        ("BIDAN", "Bidan Terampil", J.FUNGSIONAL, "KAPUS", 4),
                    ],
                    [],
                ),
                (
                    "DINKES-PKM-02",
                    "UPT Puskesmas Sidomulyo",
                    U.PUSKESMAS,
                    [
                        (
                            "KAPUS",
                            "Kepala UPT Puskesmas Sidomulyo",
                            J.ADMINISTRATOR,
                            "^",
                            1,
                        ),
                        ("DOKTER", "Dokter Ahli Pertama", J.FUNGSIONAL, "KAPUS", 2),
                        ("PERAWAT", "Perawat Terampil", J.FUNGSIONAL, "KAPUS", 5),
                    ],
                    [],
                ),
            ],
        ),
        _dinas(
            "DISDIKBUD",
            "Dinas Pendidikan dan Kebudayaan",
            [
                _bidang(
                    "DISDIKBUD-SD",
                    "Pembinaan Sekolah Dasar",
                    [
                        _seksi(
                            "DISDIKBUD-SD-1",
                            "Kurikulum dan Penilaian SD",
                            [("PENGKUR", "Pengelola Kurikulum", J.PELAKSANA, 2)],
                        ),
                    ],
                ),
            ],
            extra_children=[
                (
                    "DISDIKBUD-SDN001",
                    "SD Negeri 001 Samarinda Ulu",
                    U.SEKOLAH,
                    [
                        (
                            "KEPSEK",
                            "Kepala SD Negeri 001 Samarinda Ulu",
                            J.FUNGSIONAL,
                            "^",
                            1,
                        ),
                        ("GURU", "Guru Ahli Pertama", J.FUNGSIONAL, "KEPSEK", 12),
                    ],
                    [],
                ),
                (
                    "DISDIKBUD-SMPN01",
                    "SMP Negeri 1 Samarinda",
                    U.SEKOLAH,
                    [
                        (
                            "KEPSEK",
                            "Kepala SMP Negeri 1 Samarinda",
                            J.FUNGSIONAL,
                            "^",
                            1,
                        ),
                        ("GURU", "Guru Ahli Pertama", J.FUNGSIONAL, "KEPSEK", 14),
                    ],
                    [],
                ),
            ],
        ),
        _dinas(
            "INSPEKTORAT",
            "Inspektorat Daerah",
            [
                _bidang(
                    "INSPEKTORAT-IRBAN1",
                    "Inspektur Pembantu Wilayah I",
                    [
                        _seksi(
                            "INSPEKTORAT-IRBAN1-1",
                            "Pengawasan Wilayah I",
                            [("AUDITOR", "Auditor Ahli Pertama", J.FUNGSIONAL, 3)],
                        ),
                    ],
                ),
            ],
        ),
        _kecamatan(
            "KEC-SU", "Samarinda Ulu", ["Air Putih", "Sidodadi", "Teluk Lerong Ilir"]
        ),
        _kecamatan(
            "KEC-SKOTA", "Samarinda Kota", ["Bugis", "Karang Mumus", "Pasar Pagi"]
        ),
    ],
)
