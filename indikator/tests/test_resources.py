import pytest
import tablib

from indikator.models import SasaranStrategis
from indikator.resources import SasaranStrategisResource

pytestmark = pytest.mark.django_db


def _sasaran_dataset(nama_pertama):
    return tablib.Dataset(
        ["SS-1", "A", nama_pertama],
        ["SS-2", "A", "Sasaran dua"],
        ["SS-3", "B", "Sasaran tiga"],
        headers=["Kode Sasaran", "Kode Unit", "Sasaran Strategis"],
    )


def test_sasaran_import_twice_updates_the_rows_with_a_known_kode(org):
    first = SasaranStrategisResource().import_data(
        _sasaran_dataset("Sasaran satu"), dry_run=False
    )
    second = SasaranStrategisResource().import_data(
        _sasaran_dataset("Sasaran satu, diperbaiki"), dry_run=False
    )

    assert (first.has_errors(), second.has_errors()) == (False, False)
    assert list(
        SasaranStrategis.objects.order_by("kode").values_list(
            "kode", "unit__kode", "nama"
        )
    ) == [
        ("SS-1", "A", "Sasaran satu, diperbaiki"),
        ("SS-2", "A", "Sasaran dua"),
        ("SS-3", "B", "Sasaran tiga"),
    ]


def test_sasaran_import_names_an_unknown_unit(org):
    dataset = tablib.Dataset(
        ["SS-9", "X", "Sasaran"],
        headers=["Kode Sasaran", "Kode Unit", "Sasaran Strategis"],
    )

    result = SasaranStrategisResource().import_data(dataset, dry_run=True)

    assert [
        str(error)
        for row in result.invalid_rows
        for error in row.error_dict.get("unit", [])
    ] == ['Kode unit "X" tidak dikenal.']
