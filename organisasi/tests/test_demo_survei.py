import pytest

from organisasi import demo
from organisasi.models import Jawaban, Kebutuhan, Responden, Survei

pytestmark = pytest.mark.django_db


def test_demo_seeds_dlh_surveys_and_needs_once():
    demo.seed()
    demo.survei.seed()
    first = (
        Survei.objects.count(),
        Responden.objects.count(),
        Jawaban.objects.count(),
        Kebutuhan.history.count(),
    )

    demo.seed()
    demo.survei.seed()

    second = (
        Survei.objects.count(),
        Responden.objects.count(),
        Jawaban.objects.count(),
        Kebutuhan.history.count(),
    )
    assert second == first
    closed = Survei.objects.get(status=Survei.Status.DITUTUP, jenis=Survei.Jenis.SKM)
    assert closed.responden_set.count() == 150
    assert Survei.objects.filter(status=Survei.Status.DIBUKA).count() == 2
    assert Kebutuhan.objects.filter(sumber=Kebutuhan.Sumber.TEMUAN_SURVEI).count() == 2
