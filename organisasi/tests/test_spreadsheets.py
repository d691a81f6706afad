"""Spreadsheets organisasi hands out."""

import io

import pytest

from organisasi import queries, skm, spreadsheets
from organisasi.models import Survei
from organisasi.tests.factories import answer, skm_survei

pytestmark = pytest.mark.django_db


def test_results_workbook_carries_the_weight_label_and_rounding_rule(org):
    from openpyxl import load_workbook

    survei = skm_survei(unit=org.bidang_a, mode_bobot=Survei.ModeBobot.LITERAL)
    answer(survei, [4] * 9)
    hasil = queries.compute_hasil(survei)

    sheet = load_workbook(io.BytesIO(spreadsheets.hasil_workbook(hasil)))["Ringkasan"]

    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert values["Bobot unsur"] == hasil.bobot_label
    assert values["Pembulatan"] == skm.PEMBULATAN
