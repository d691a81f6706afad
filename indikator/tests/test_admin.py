import pytest

pytestmark = pytest.mark.django_db


MODEL_ADMINS = [
    "periode",
    "periodepenilaian",
    "sasaranstrategis",
    "indikatorkinerja",
    "realisasiindikator",
    "perilakukerja",
    "panduanperilaku",
    "skp",
    "rencanahasilkerja",
    "indikatorkinerjaindividu",
    "ekspektasikhusus",
    "matriksperanhasil",
]


@pytest.mark.parametrize("model", MODEL_ADMINS)
def test_admin_lists_and_exports_every_indikator_model(admin_client, chain, model):
    assert admin_client.get(f"/admin/indikator/{model}/").status_code == 200
    assert admin_client.get(f"/admin/indikator/{model}/export/").status_code == 200
