import pytest
from django.core.exceptions import ValidationError

from indikator import services
from indikator.models import PeriodePenilaian, Skp
from indikator.tests.factories import IndikatorKinerjaFactory, periode

pytestmark = pytest.mark.django_db
Status = Skp.Status


def test_realisasi_in_a_locked_period_needs_bkpsdm_and_a_reason(org):
    indikator = IndikatorKinerjaFactory()
    quarter = PeriodePenilaian.objects.get(periode=periode(), nomor=1)
    quarter.terkunci = True
    quarter.save()

    with pytest.raises(ValidationError):
        services.save_realisasi_indikator(
            indikator, quarter, nilai=80, by=org.pengelola.akun
        )
    with pytest.raises(ValidationError):
        services.save_realisasi_indikator(
            indikator, quarter, nilai=80, by=org.admin.akun
        )
    realisasi = services.save_realisasi_indikator(
        indikator, quarter, nilai=80, by=org.admin.akun, alasan="Data BPS terlambat"
    )

    assert realisasi.capaian.quantize(1) == 89
    assert realisasi.history.first().history_change_reason == "Data BPS terlambat"


def test_realisasi_refuses_a_negative_value(org):
    with pytest.raises(ValidationError):
        services.save_realisasi_indikator(
            IndikatorKinerjaFactory(),
            PeriodePenilaian.objects.filter(periode=periode()).first(),
            nilai=-3,
            by=org.admin.akun,
        )
