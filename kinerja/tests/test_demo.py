import pytest
from simple_history.utils import get_history_model_for_model

from indikator import demo as indikator_demo
from indikator.models import Skp
from kinerja import demo
from kinerja.models import Aktivitas, Status
from organisasi import demo as organisasi_demo

pytestmark = pytest.mark.django_db


def _counts():
    return [
        Aktivitas.objects.count(),
        get_history_model_for_model(Aktivitas).objects.count(),
        Skp.objects.count(),
        get_history_model_for_model(Skp).objects.count(),
    ]


def test_demo_gives_the_demo_asn_a_month_of_activities_and_a_second_run_changes_nothing():
    organisasi_demo.seed()
    indikator_demo.seed()
    demo.seed()
    first = _counts()

    demo.seed()

    assert _counts() == first
    asn = Skp.objects.get(
        pegawai__jabatan__kode=demo.ASN_JABATAN, status=Skp.Status.DISETUJUI
    ).pegawai
    statuses = list(
        Aktivitas.objects.filter(pegawai=asn).values_list("status", flat=True)
    )
    assert len(statuses) >= 30
    assert set(statuses) == {
        Status.DRAFT,
        Status.DIAJUKAN,
        Status.DISETUJUI,
        Status.DIKEMBALIKAN,
    }
    assert statuses.count(Status.DIKEMBALIKAN) == 1
