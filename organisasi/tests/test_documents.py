"""The printable survey report."""

import pytest

from organisasi import queries, skm
from organisasi.models import Survei
from organisasi.tests.factories import SurveiFactory, answer, skm_survei

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("jenis", "shows_dasar"), [(Survei.Jenis.SKM, True), (Survei.Jenis.KHUSUS, False)]
)
def test_report_names_the_skm_regulation_only_for_skm_surveys(org, jenis, shows_dasar):
    from django.template.loader import render_to_string

    survei = (
        skm_survei(unit=org.bidang_a)
        if jenis == Survei.Jenis.SKM
        else SurveiFactory(unit=org.bidang_a)
    )
    answer(survei, [4] * 9)
    hasil = queries.compute_hasil(survei)

    html = render_to_string(
        "organisasi/survei_laporan.html",
        {"hasil": hasil, "survei": survei, "pembulatan": skm.PEMBULATAN},
    )

    assert ("PANRB Nomor 14 Tahun 2017" in html) is shows_dasar
    assert (skm.PEMBULATAN in html) is shows_dasar  # stated wherever an IKM is reported
