"""Bulk organisation data at city scale, for benchmarks (not for demos: names are generated).

Builds, under one Pemkot unit "SCALE", OPD × bidang × seksi/sekolah with a head per unit and
staff below, until N pegawai exist, with valid NIPs and derived atasan. Bulk inserts: 12,000
pegawai take seconds. Running it again adds nothing once the scale units exist.
"""

import random

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction

from organisasi import demo, services
from organisasi.models import Jabatan, Pegawai, Pengguna, UnitKerja

J = Jabatan.Jenis
STAFF_PER_UNIT = 18


class Command(BaseCommand):
    help = "Isi data organisasi skala kota untuk benchmark (mis. --pegawai 12000)."

    def add_arguments(self, parser):
        parser.add_argument("--pegawai", type=int, default=12000)
        parser.add_argument("--password", default="Bench#2026")

    def handle(self, *args, pegawai, password, **options):
        if UnitKerja.objects.filter(kode="SCALE").exists():
            self.stdout.write("Data skala sudah ada; tidak ada yang ditambahkan.")
            return
        with transaction.atomic():
            created = build_scale(pegawai, password_hash=make_password(password))
            services.rebuild_unit_paths()
            services.refresh_atasan()
        self.stdout.write(
            self.style.SUCCESS(
                f"{created} pegawai skala dibuat (kata sandi: {password})."
            )
        )


def build_scale(total: int, *, password_hash: str) -> int:
    rng = random.Random(12000)
    root = UnitKerja.objects.create(
        kode="SCALE", nama="Pemerintah Kota (skala)", jenis=UnitKerja.Jenis.PEMKOT
    )
    sekda_jabatan = Jabatan.objects.create(
        kode="SCALE-SEKDA", nama="Sekretaris Daerah", jenis=J.JPT, unit=root
    )
    rows = [(sekda_jabatan, J.JPT)]
    units_per_opd = 15  # bidang/sekolah/puskesmas below each OPD
    per_opd = units_per_opd * (STAFF_PER_UNIT + 1) + 1
    for o in range(max(1, -(-total // per_opd))):
        opd = _unit(f"SCALE-{o:02d}", f"Dinas Skala {o:02d}", UnitKerja.Jenis.OPD, root)
        kadis = _jabatan(
            f"SCALE-{o:02d}-KADIS", "Kepala Dinas", J.JPT, opd, sekda_jabatan
        )
        rows.append((kadis, J.JPT))
        for b in range(units_per_opd):
            unit = _unit(
                f"SCALE-{o:02d}-{b:02d}",
                f"Unit {o:02d}.{b:02d}",
                UnitKerja.Jenis.BIDANG,
                opd,
            )
            head = _jabatan(
                f"SCALE-{o:02d}-{b:02d}-KEPALA",
                "Kepala Unit",
                J.ADMINISTRATOR,
                unit,
                kadis,
            )
            staff = _jabatan(
                f"SCALE-{o:02d}-{b:02d}-STAF", "Pelaksana", J.PELAKSANA, unit, head
            )
            rows.append((head, J.ADMINISTRATOR))
            rows += [(staff, J.PELAKSANA)] * STAFF_PER_UNIT
    rows = rows[:total]
    sequence = {}
    for nip in Pegawai.objects.values_list(
        "nip", flat=True
    ):  # continue existing sequences: NIPs stay unique
        sequence[nip[:15]] = max(sequence.get(nip[:15], 0), int(nip[15:]))
    accounts, pegawai = [], []
    for jabatan, jenis in rows:
        status = (
            Pegawai.Status.PNS
            if jenis != J.PELAKSANA or rng.random() < 0.7
            else Pegawai.Status.PPPK
        )
        female = rng.random() < 0.5
        nip = demo.unique_nip(demo.make_nip(status, jenis, female, rng), sequence)
        accounts.append(
            Pengguna(username=nip, nama=f"Pegawai {nip[-6:]}", password=password_hash)
        )
        pegawai.append(
            Pegawai(
                nip=nip,
                nama=f"Pegawai {nip[-6:]}",
                status=status,
                golongan=demo.golongan_for(status, jenis, rng),
                jabatan=jabatan,
                unit_id=jabatan.unit_id,
            )
        )
    Pengguna.objects.bulk_create(accounts, batch_size=2000)
    account_ids = dict(
        Pengguna.objects.filter(username__in=[p.nip for p in pegawai]).values_list(
            "username", "pk"
        )
    )
    for row in pegawai:
        row.akun_id = account_ids[row.nip]
    Pegawai.objects.bulk_create(pegawai, batch_size=2000)
    return len(pegawai)


def _unit(kode, nama, jenis, induk):
    return UnitKerja.objects.create(kode=kode, nama=nama, jenis=jenis, induk=induk)


def _jabatan(kode, nama, jenis, unit, atasan):
    return Jabatan.objects.create(
        kode=kode, nama=nama, jenis=jenis, unit=unit, atasan=atasan
    )
