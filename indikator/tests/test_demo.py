import pytest
from simple_history.utils import get_history_model_for_model

from indikator import demo
from indikator.models import IndikatorKinerja, RencanaHasilKerja, Skp
from organisasi import demo as organisasi_demo

pytestmark = pytest.mark.django_db


def _counts():
    models = [Skp, RencanaHasilKerja, IndikatorKinerja]
    return [m.objects.count() for m in models] + [
        get_history_model_for_model(m).objects.count() for m in models
    ]


def test_demo_seed_makes_the_approved_dlh_chain_and_a_second_run_changes_nothing():
    organisasi_demo.seed()
    demo.seed()
    first = _counts()

    demo.seed()

    assert _counts() == first
    chain = Skp.objects.filter(status="disetujui").values_list(
        "pegawai__jabatan__kode", flat=True
    )
    assert sorted(chain) == ["DLH-KADIS", "DLH-SAMPAH-1-KASI", "DLH-SAMPAH-KABID"]
    assert (
        Skp.objects.filter(pegawai__jabatan__kode="DLH-SAMPAH-1-PENGAWAS").exists()
        is False
    )
