import datetime

import pytest
from django.core.exceptions import ValidationError

from indikator import services
from indikator.models import PeriodePenilaian, Skp
from indikator.tests.factories import periode

pytestmark = pytest.mark.django_db
Status = Skp.Status


def test_create_periode_makes_four_quarters_with_default_deadlines(db):
    created = services.create_periode(tahun=2027, skema="triwulanan")

    quarters = list(
        created.periodepenilaian_set.values_list(
            "nama", "mulai", "selesai", "batas_realisasi"
        )
    )
    assert created.batas_penetapan_skp == datetime.date(2027, 1, 31)
    assert quarters[1] == (
        "Triwulan II",
        datetime.date(2027, 4, 1),
        datetime.date(2027, 6, 30),
        datetime.date(2027, 7, 5),
    )
    assert len(quarters) == 4


def test_create_periode_monthly_makes_twelve_months(db):
    created = services.create_periode(tahun=2027, skema="bulanan")

    assert created.periodepenilaian_set.count() == 12


def test_unlocking_a_periode_needs_a_reason_that_lands_in_history(org):
    locked = periode()
    services.set_periode_lock(locked, terkunci=True, by=org.admin.akun)

    with pytest.raises(ValidationError):
        services.set_periode_lock(locked, terkunci=False, by=org.admin.akun, alasan="")
    services.set_periode_lock(
        locked, terkunci=False, by=org.admin.akun, alasan="Koreksi target"
    )

    assert locked.history.first().history_change_reason == "Koreksi target"


def test_changing_a_locked_periode_penilaian_needs_a_reason(org):
    year = periode()
    quarter = year.periodepenilaian_set.get(nomor=1)
    PeriodePenilaian.objects.filter(pk=quarter.pk).update(terkunci=True)
    quarter.terkunci = False

    with pytest.raises(ValidationError):
        services.update_periode(
            year, periode_penilaian_list=[quarter], by=org.admin.akun
        )
    services.update_periode(
        year, periode_penilaian_list=[quarter], by=org.admin.akun, alasan="Koreksi"
    )

    assert (
        quarter.history.first().terkunci,
        quarter.history.first().history_change_reason,
    ) == (False, "Koreksi")
