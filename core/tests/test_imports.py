import pytest
import tablib
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from core.imports import ImportResult, RowError, missing_columns, run_rows

pytestmark = pytest.mark.django_db


def _store_group(row, number):
    if not row["Nama"]:
        raise ValidationError({"name": "Nama wajib diisi."})
    Group.objects.create(name=row["Nama"])


def test_run_rows_stores_every_row_when_all_are_good():
    dataset = tablib.Dataset(["Satu"], ["Dua"], headers=["Nama"])

    result = run_rows(dataset, _store_group, columns={"name": "Nama"})

    assert (result, sorted(Group.objects.values_list("name", flat=True))) == (
        ImportResult(2, []),
        ["Dua", "Satu"],
    )


def test_run_rows_stores_nothing_and_names_each_bad_row_by_its_sheet_row_and_column():
    dataset = tablib.Dataset(["Satu"], [""], ["Tiga"], [""], headers=["Nama"])

    result = run_rows(dataset, _store_group, columns={"name": "Nama"})

    assert result.rows == 0
    assert result.errors == [
        RowError(3, "Nama", "Nama wajib diisi."),
        RowError(5, "Nama", "Nama wajib diisi."),
    ]
    assert Group.objects.exists() is False


def test_run_rows_runs_after_only_when_every_row_was_good():
    calls = []
    run_rows(
        tablib.Dataset([""], headers=["Nama"]),
        _store_group,
        after=lambda: calls.append("after"),
    )

    assert calls == []


def test_a_change_made_before_the_rows_is_rolled_back_with_them():
    dataset = tablib.Dataset([""], headers=["Nama"])

    run_rows(
        dataset, _store_group, before=lambda: Group.objects.create(name="dihapus?")
    )

    assert Group.objects.exists() is False


def test_missing_columns_names_every_missing_header():
    dataset = tablib.Dataset(["x"], headers=["Nama"])

    assert [str(e) for e in missing_columns(dataset, ["Nama", "Kode", "Tahun"])] == [
        "Baris 1: Kolom Kode, Tahun tidak ada. Gunakan templat yang disediakan."
    ]


def test_row_error_reads_as_a_sentence():
    assert (
        str(RowError(4, "Target", "bukan angka."))
        == "Baris 4, kolom Target: bukan angka."
    )
    assert str(RowError(None, "", "Berkas kosong.")) == "Berkas kosong."


def test_refused_result_stores_nothing_and_keeps_the_message():
    assert ImportResult.refused("Berkas kosong.") == ImportResult(
        0, [RowError(None, "", "Berkas kosong.")]
    )
