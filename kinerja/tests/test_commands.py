import io

import pytest
from django.core.management import call_command

from kinerja.models import Aktivitas
from organisasi.models import Pegawai

pytestmark = pytest.mark.django_db


def test_seed_kinerja_scale_gives_every_active_pegawai_three_activities_a_working_day_once(
    org,
):
    call_command("seed_kinerja_scale", "--months", "1", stdout=io.StringIO())
    count = Aktivitas.objects.count()

    call_command("seed_kinerja_scale", "--months", "1", stdout=io.StringIO())

    days = Aktivitas.objects.values("tanggal").distinct().count()
    assert (
        count
        == Aktivitas.objects.count()
        == Pegawai.objects.active().count() * days * 3
    )
    assert all(
        day.weekday() < 5 for day in Aktivitas.objects.values_list("tanggal", flat=True)
    )
