"""Samarinda demo organisation: real OPD names, fictional people with valid NIPs.

Deterministic (seeded random) and idempotent: a second run finds every row as it left it
and saves nothing, so no history rows are added either.
"""

import datetime
import random

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from core.seeding import upsert
from organisasi import services
from organisasi.demo.kota import ORGANISASI
from organisasi.models import Jabatan, KepalaDaerah, Pegawai, Pengguna, UnitKerja

J = Jabatan.Jenis

# The jabatan kode a demo account takes, and its role. The first holder of that jabatan is the account.
DEMO_ACCOUNTS = [
    (
        "pegawai",
        "DLH-SAMPAH-1-PENGAWAS",
        Pengguna.Peran.PEGAWAI,
        "ASN pelaksana (DLH, Seksi Penanganan Sampah)",
    ),
    (
        "atasan",
        "DLH-SAMPAH-1-KASI",
        Pengguna.Peran.PEGAWAI,
        "Atasan: Kepala Seksi Penanganan Sampah",
    ),
    (
        "pengelola",
        "DLH-UMPEG-ANSDM",
        Pengguna.Peran.PENGELOLA_OPD,
        "Pengelola kinerja Dinas Lingkungan Hidup",
    ),
    (
        "admin",
        "BKPSDM-PK-1-KASI",
        Pengguna.Peran.ADMIN_BKPSDM,
        "Admin BKPSDM (juga akses admin Django)",
    ),
    (
        "pimpinan",
        "SETDA-SEKDA",
        Pengguna.Peran.PIMPINAN,
        "Pimpinan: Sekretaris Daerah (baca seluruh kota)",
    ),
]

FIRST_NAMES_M = (
    "Ahmad Budi Dedi Eko Fajar Hendra Irfan Joko Rahmat Rudi Slamet Syahrul Wahyu Yusuf Agus Bambang Hasan Muhammad "
    "Arif Rizky Andi Darmawan Fadli Gunawan"
).split()
FIRST_NAMES_F = (
    "Siti Nur Dewi Rina Sri Wulan Yuni Ratna Indah Fitri Ayu Lestari Maya Nurul Ratih Sari Aisyah Dian Fatimah "
    "Kartika Intan Putri Rahmawati Evi"
).split()
LAST_NAMES = (
    "Saputra Wijaya Hidayat Pratama Santoso Kurniawan Setiawan Rahman Lubis Siregar Nasution Hakim Syamsudin Mahmud "
    "Effendi Ramadhan Hartono Susanto Maulana Firmansyah Aminah Yuliani Handayani Permatasari"
).split()


def seed(stdout=None) -> dict:
    """Create or bring up to date the demo organisation; returns the demo account list."""
    rng = random.Random(2026)
    with transaction.atomic():
        holders = []
        _seed_unit(ORGANISASI, None, {}, holders)
        pegawai_by_jabatan = _seed_pegawai(holders, rng)
        services.refresh_atasan()
        accounts = _seed_accounts(pegawai_by_jabatan)
        accounts.insert(-1, _seed_kepala_daerah())
    return accounts


def _seed_unit(spec, parent, parent_heads, holders):
    kode, nama, jenis, jabatan_specs, children = spec
    unit = upsert(
        UnitKerja,
        {"kode": kode},
        {"nama": nama, "jenis": jenis, "induk": parent, "aktif": True},
    )
    local = {}
    for suffix, nama_jabatan, jenis_jabatan, reports_to, count in jabatan_specs:
        if reports_to == "^":
            atasan = parent_heads.get("head")
        else:
            atasan = local.get(reports_to)
        jabatan = upsert(
            Jabatan,
            {"kode": f"{kode}-{suffix}"},
            {
                "nama": nama_jabatan,
                "jenis": jenis_jabatan,
                "unit": unit,
                "atasan": atasan,
                "aktif": True,
            },
        )
        local[suffix] = jabatan
        holders.append((jabatan, count))
    head = (
        next(iter(local.values()), None) if jabatan_specs else parent_heads.get("head")
    )
    for child in children:
        child_head = _seed_unit(child, unit, {"head": head}, holders)
        if head is None and child[0] == "SETDA":
            head = child_head  # every OPD head reports to the Sekretaris Daerah
    return head


def _seed_pegawai(holders, rng):
    pegawai_by_jabatan = {}
    sequence = {}
    for jabatan, count in holders:
        for index in range(count):
            status = _status_for(jabatan, index, rng)
            female = rng.random() < 0.5
            nama = f"{rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)} {rng.choice(LAST_NAMES)}"
            nip = unique_nip(make_nip(status, jabatan.jenis, female, rng), sequence)
            pegawai = upsert(
                Pegawai,
                {"nip": nip},
                {
                    "nama": nama,
                    "status": status,
                    "golongan": golongan_for(status, jabatan.jenis, rng),
                    "jabatan": jabatan,
                    "unit": jabatan.unit,
                    "aktif": True,
                    "atasan_manual": False,
                    "gelar_belakang": _gelar(jabatan, rng),
                },
            )
            pegawai_by_jabatan.setdefault(jabatan.kode, []).append(pegawai)
    return pegawai_by_jabatan


def _status_for(jabatan, index, rng):
    if jabatan.jenis in (J.JPT, J.ADMINISTRATOR, J.PENGAWAS) or index == 0:
        return Pegawai.Status.PNS
    roll = rng.random()
    if roll < 0.25:
        return Pegawai.Status.PPPK
    if roll < 0.32 and jabatan.jenis == J.PELAKSANA:
        return Pegawai.Status.PPPK_PARUH_WAKTU
    return Pegawai.Status.PNS


def make_nip(status, jenis_jabatan, female, rng):
    gender = "2" if female else "1"
    if status == Pegawai.Status.PNS:
        senior = jenis_jabatan in (J.JPT, J.ADMINISTRATOR)
        birth_year = rng.randint(1968, 1978) if senior else rng.randint(1975, 1998)
        tmt_year = min(birth_year + rng.randint(22, 30), 2024)
        middle = f"{tmt_year}{rng.randint(1, 12):02d}"
    else:
        birth_year = rng.randint(1985, 2001)
        tmt_year = (
            2025
            if status == Pegawai.Status.PPPK_PARUH_WAKTU
            else rng.choice([2022, 2023, 2024, 2025])
        )
        middle = f"{tmt_year}21"
    birth = f"{birth_year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    return f"{birth}{middle}{gender}"


def unique_nip(first15, sequence):
    sequence[first15] = sequence.get(first15, 0) + 1
    return f"{first15}{sequence[first15]:03d}"


def golongan_for(status, jenis_jabatan, rng):
    if status == Pegawai.Status.PPPK_PARUH_WAKTU:
        return ""
    if status == Pegawai.Status.PPPK:
        return rng.choice(["V", "VII", "IX", "X"])
    return rng.choice(
        {
            J.JPT: ["IV/c", "IV/d"],
            J.ADMINISTRATOR: ["IV/a", "IV/b"],
            J.PENGAWAS: ["III/c", "III/d"],
            J.FUNGSIONAL: ["III/a", "III/b", "III/c"],
            J.PELAKSANA: ["II/c", "II/d", "III/a"],
        }[jenis_jabatan]
    )


def _gelar(jabatan, rng):
    if jabatan.jenis in (J.JPT, J.ADMINISTRATOR):
        return rng.choice(["S.T., M.T.", "S.E., M.Si.", "S.Sos., M.AP."])
    if jabatan.jenis == J.FUNGSIONAL:
        return rng.choice(["S.Pd.", "S.Kep.", "S.KM.", "S.T."])
    return ""


def _seed_accounts(pegawai_by_jabatan):
    """Every demo pegawai gets a login with the demo password (one hash, computed once)."""
    password_hash = make_password(settings.DEMO_PASSWORD)
    admin_group = _admin_group()
    for pegawai_list in pegawai_by_jabatan.values():
        for pegawai in pegawai_list:
            account = Pengguna.objects.filter(username=pegawai.nip).first()
            if account is None:
                account = Pengguna.objects.create(
                    username=pegawai.nip,
                    nama=pegawai.nama_lengkap,
                    password=password_hash,
                )
            if pegawai.akun_id != account.pk:
                pegawai.akun = account
                pegawai.save(update_fields=["akun", "updated_at"])
    accounts = []
    for key, jabatan_kode, peran, description in DEMO_ACCOUNTS:
        pegawai = pegawai_by_jabatan[jabatan_kode][0]
        opd = pegawai.unit.opd if peran == Pengguna.Peran.PENGELOLA_OPD else None
        account = upsert(
            Pengguna,
            {"username": pegawai.nip},
            {
                "peran": peran,
                "opd_dikelola": opd,
                "is_staff": peran == Pengguna.Peran.ADMIN_BKPSDM,
            },
        )
        if (
            peran == Pengguna.Peran.ADMIN_BKPSDM
            and not account.groups.filter(pk=admin_group.pk).exists()
        ):
            account.groups.add(admin_group)
        accounts.append(
            {
                "role": key,
                "nip": pegawai.nip,
                "nama": pegawai.nama_lengkap,
                "keterangan": description,
            }
        )
    superuser = Pengguna.objects.filter(username="admin").first()
    if superuser is None:
        Pengguna.objects.create_superuser(
            "admin", settings.DEMO_PASSWORD, nama="Pemelihara Data"
        )
    accounts.append(
        {
            "role": "superuser",
            "nip": "admin",
            "nama": "Pemelihara Data",
            "keterangan": "Superuser Django admin",
        }
    )
    return accounts


# Andi Harun is the real Wali Kota of Samarinda (2021–2030); the Wakil is fictional.
KEPALA_DAERAH = [
    ("Andi Harun", KepalaDaerah.Jabatan.WALI_KOTA, "walikota"),
    ("Hasan Basri Mahmud", KepalaDaerah.Jabatan.WAKIL_WALI_KOTA, None),
]
MASA_JABATAN = (datetime.date(2025, 2, 20), datetime.date(2030, 2, 20))


def _seed_kepala_daerah():
    """The Wali Kota (with a pimpinan login, so penilai screens can be tried) and the Wakil."""
    for nama, jabatan, username in KEPALA_DAERAH:
        akun = None
        if username:
            akun = Pengguna.objects.filter(username=username).first()
            if akun is None:
                akun = Pengguna.objects.create_user(
                    username,
                    settings.DEMO_PASSWORD,
                    nama=f"{jabatan.label} {nama}",
                    peran=Pengguna.Peran.PIMPINAN,
                )
        upsert(
            KepalaDaerah,
            {"jabatan": jabatan, "aktif": True},
            {
                "nama": nama,
                "akun": akun,
                "masa_jabatan_mulai": MASA_JABATAN[0],
                "masa_jabatan_selesai": MASA_JABATAN[1],
            },
        )
    return {
        "role": "wali_kota",
        "nip": "walikota",
        "nama": KEPALA_DAERAH[0][0],
        "keterangan": "Kepala Daerah: Wali Kota (bukan ASN, baca seluruh kota)",
    }


def _admin_group():
    """Django-admin rights for BKPSDM staff: every model of the local apps."""
    group, _ = Group.objects.get_or_create(name="Admin BKPSDM")
    wanted = Permission.objects.filter(content_type__app_label__in=settings.LOCAL_APPS)
    missing = wanted.exclude(pk__in=group.permissions.values("pk"))
    if missing.exists():
        group.permissions.add(*missing)
    return group
