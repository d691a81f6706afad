import io
import os

import pytest
from django.core.management import call_command

from organisasi.models import Jabatan, Pegawai, Pengguna, UnitKerja

pytestmark = pytest.mark.django_db


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    counts = _counts()

    call_command("seed_demo", stdout=open(os.devnull, "w"))

    assert _counts() == counts
    assert counts["pegawai"] >= 150


def test_seed_demo_builds_atasan_chains_four_levels_deep():
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    staff = Pegawai.objects.get(jabatan__kode="DLH-SAMPAH-1-KASI").bawahan.first()

    chain = []
    node = staff
    while node is not None:
        chain.append(node.jabatan.kode)
        node = node.atasan

    assert chain[1:] == [
        "DLH-SAMPAH-1-KASI",
        "DLH-SAMPAH-KABID",
        "DLH-KADIS",
        "SETDA-SEKDA",
    ]


def test_seed_demo_has_one_account_per_role():
    call_command("seed_demo", stdout=open(os.devnull, "w"))

    peran = set(Pengguna.objects.values_list("peran", flat=True))

    assert peran == {"pegawai", "pengelola_opd", "admin_bkpsdm", "pimpinan"}
    assert (
        UnitKerja.objects.filter(
            kode__in=["DINKES", "DISDIKBUD", "DLH", "BKPSDM", "BAPPERIDA"]
        ).count()
        == 5
    )
    assert (
        UnitKerja.objects.filter(jenis="kelurahan", induk__jenis="kecamatan").count()
        >= 4
    )


def _counts():
    return {
        "pegawai": Pegawai.objects.count(),
        "pegawai_history": Pegawai.history.count(),
        "jabatan_history": Jabatan.history.count(),
        "unit_history": UnitKerja.history.count(),
        "pengguna": Pengguna.objects.count(),
        "last_update": str(
            Pegawai.objects.order_by("-updated_at")
            .values_list("updated_at", flat=True)
            .first()
        ),
    }


def test_seed_demo_reports_each_app_and_prints_the_demo_accounts():
    out = io.StringIO()

    call_command("seed_demo", stdout=out)

    printed = out.getvalue()
    assert (
        "data demo organisasi: selesai" in printed
        and "data demo indikator: selesai" in printed
    )
    assert "pengelola" in printed and "superuser" in printed
