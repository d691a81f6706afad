"""The admin corrects data but never runs around a workflow (issue 8 §3).

State (an SKP's status, dates, penilai, snapshot; the locks) is read-only; whatever a
workflow closed is read-only with its parts; history is never reverted; an SKP that was ever
approved is never deleted; state changes go through the services (admin actions).
"""

import pytest
from django.contrib import admin
from django.utils import timezone

from core.admin import ImportExportAdmin
from indikator.models import (
    EkspektasiKhusus,
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    MatriksPeranHasil,
    PerilakuKerja,
    Periode,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
    Skp,
)
from indikator.tests.factories import (
    IndikatorKinerjaFactory,
    RencanaHasilKerjaFactory,
    SasaranStrategisFactory,
    periode,
    skp_for,
)

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
IMPORTED = {
    "sasaranstrategis",
    "indikatorkinerja",
}  # the sheets with a Resource of their own


@pytest.mark.parametrize("model", MODEL_ADMINS)
def test_admin_lists_and_exports_every_indikator_model(admin_client, chain, model):
    assert admin_client.get(f"/admin/indikator/{model}/").status_code == 200
    assert admin_client.get(f"/admin/indikator/{model}/export/").status_code == 200


def test_every_indikator_model_admin_is_on_core_import_export_admin():
    registered = {
        model._meta.model_name: model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == "indikator"
    }

    assert set(registered) == set(MODEL_ADMINS)
    assert [
        name
        for name, model_admin in registered.items()
        if not isinstance(model_admin, ImportExportAdmin)
    ] == []


@pytest.mark.parametrize("model", MODEL_ADMINS)
def test_admin_imports_only_the_sheets_with_a_resource(admin_client, model):
    expected = 200 if model in IMPORTED else 403

    assert admin_client.get(f"/admin/indikator/{model}/import/").status_code == expected


# --- the SKP ------------------------------------------------------------------------------------------


def _skp_post(skp, **changes):
    data = {
        "pendekatan": skp.pendekatan,
        "dukungan_sumber_daya": skp.dukungan_sumber_daya,
        "skema_pertanggungjawaban": skp.skema_pertanggungjawaban,
        "konsekuensi": skp.konsekuensi,
    }
    return {**data, **changes}


def test_admin_cannot_approve_a_draft_skp_by_saving_its_status(
    admin_client, org, staf_draft
):
    forged = {
        "status": "disetujui",
        "disetujui_pada_0": "2026-02-01",
        "disetujui_pada_1": "08:00:00",
        "diajukan_pada_0": "2026-01-31",
        "diajukan_pada_1": "08:00:00",
        "penilai": org.kabid.pk,
        "snapshot": '{"pegawai": {"nama": "Orang lain"}}',
        "alasan_pengembalian": "x",
        "pegawai": org.kasi.pk,
        "tanggal_mulai": "2026-06-01",
    }

    response = admin_client.post(
        f"/admin/indikator/skp/{staf_draft.pk}/change/",
        _skp_post(staf_draft, konsekuensi="Teguran tertulis", **forged),
    )

    skp = Skp.objects.get(pk=staf_draft.pk)
    assert response.status_code == 302
    assert (
        skp.status,
        skp.disetujui_pada,
        skp.diajukan_pada,
        skp.alasan_pengembalian,
    ) == ("draft", None, None, "")
    assert (skp.penilai_id, skp.pegawai_id, skp.snapshot, skp.tanggal_mulai) == (
        staf_draft.penilai_id,
        org.staf.pk,
        staf_draft.snapshot,
        staf_draft.tanggal_mulai,
    )
    assert (
        skp.konsekuensi == "Teguran tertulis"
    )  # the lampiran of an open SKP can be corrected


@pytest.mark.parametrize(
    "field",
    [
        "status",
        "disetujui_pada",
        "diajukan_pada",
        "snapshot",
        "penilai",
        "alasan_pengembalian",
        "pegawai",
        "periode",
        "jabatan",
    ],
)
def test_the_skp_state_is_never_a_field_of_the_admin_form(
    admin_client, staf_draft, field
):
    response = admin_client.get(f"/admin/indikator/skp/{staf_draft.pk}/change/")

    assert field not in response.context["adminform"].form.fields
    assert field in response.context["adminform"].readonly_fields


@pytest.mark.parametrize("status", [Skp.Status.DIAJUKAN, Skp.Status.DISETUJUI])
def test_a_submitted_or_approved_skp_is_read_only_in_the_admin(
    admin_client, chain, status
):
    skp = chain.skp_kasi
    Skp.objects.filter(pk=skp.pk).update(status=status)

    response = admin_client.post(
        f"/admin/indikator/skp/{skp.pk}/change/", _skp_post(skp, konsekuensi="diubah")
    )

    assert response.status_code == 403
    assert Skp.objects.get(pk=skp.pk).konsekuensi == ""
    assert (
        admin_client.get(f"/admin/indikator/skp/{skp.pk}/change/").status_code == 200
    )  # still readable


def test_an_skp_of_a_locked_year_is_read_only_in_the_admin(admin_client, staf_draft):
    Periode.objects.filter(pk=staf_draft.periode_id).update(terkunci=True)

    assert (
        admin_client.post(
            f"/admin/indikator/skp/{staf_draft.pk}/change/", _skp_post(staf_draft)
        ).status_code
        == 403
    )


def test_the_admin_cannot_add_an_skp_around_create_skp(admin_client):
    assert admin_client.get("/admin/indikator/skp/add/").status_code == 403


def test_an_approved_skp_cannot_be_deleted_in_the_admin(admin_client, chain):
    response = admin_client.post(
        f"/admin/indikator/skp/{chain.skp_kasi.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert Skp.objects.filter(pk=chain.skp_kasi.pk).exists()


def test_an_skp_reopened_after_approval_cannot_be_deleted_in_the_admin(
    admin_client, org, chain
):
    skp = skp_for(org.staf2)
    skp.status = Skp.Status.DISETUJUI
    skp.save()  # its history says it was approved once
    Skp.objects.filter(pk=skp.pk).update(status=Skp.Status.DIKEMBALIKAN)

    response = admin_client.post(
        f"/admin/indikator/skp/{skp.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert Skp.objects.filter(pk=skp.pk).exists()


def test_the_bulk_delete_action_refuses_an_approved_skp(
    admin_client, chain, staf_draft
):
    data = {
        "action": "delete_selected",
        "_selected_action": [chain.skp_kasi.pk, staf_draft.pk],
        "post": "yes",
    }

    admin_client.post("/admin/indikator/skp/", data)

    assert set(
        Skp.objects.filter(pk__in=[chain.skp_kasi.pk, staf_draft.pk]).values_list(
            "pk", flat=True
        )
    ) == {chain.skp_kasi.pk, staf_draft.pk}


def test_a_never_approved_draft_can_be_deleted_in_the_admin(admin_client, org, chain):
    skp = skp_for(org.staf2)

    response = admin_client.post(
        f"/admin/indikator/skp/{skp.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Skp.objects.filter(pk=skp.pk).exists()


def test_the_admin_reopens_an_approved_skp_only_with_a_reason(admin_client, chain):
    skp = chain.skp_kasi
    Skp.objects.filter(pk=skp.pk).update(disetujui_pada=timezone.now())
    action = {"action": "reopen_action", "_selected_action": [skp.pk], "index": "0"}

    asked = admin_client.post("/admin/indikator/skp/", action)
    empty = admin_client.post("/admin/indikator/skp/", {**action, "alasan": "  "})
    done = admin_client.post(
        "/admin/indikator/skp/", {**action, "alasan": "Salah target"}
    )

    assert asked.status_code == 200 and "alasan" in asked.context["form"].fields
    assert empty.status_code == 200 and empty.context["form"].errors["alasan"]
    assert done.status_code == 302
    skp.refresh_from_db()
    assert skp.status == Skp.Status.DIKEMBALIKAN
    assert (
        skp.history.first().history_change_reason
        == "Dibuka kembali oleh BKPSDM: Salah target"
    )


def test_the_reopen_action_leaves_an_skp_that_is_not_approved_and_says_so(
    admin_client, staf_draft
):
    response = admin_client.post(
        "/admin/indikator/skp/",
        {
            "action": "reopen_action",
            "index": "0",
            "_selected_action": [staf_draft.pk],
            "alasan": "x",
        },
        follow=True,
    )

    assert Skp.objects.get(pk=staf_draft.pk).status == Skp.Status.DRAFT
    assert any(
        "Hanya SKP yang sudah disetujui" in str(message)
        for message in response.context["messages"]
    )


def test_the_history_of_an_skp_is_never_reverted_in_the_admin(admin_client, chain):
    skp = chain.skp_kasi  # approved; its first history row is the draft
    first = skp.history.order_by("history_id").first()

    response = admin_client.post(
        f"/admin/indikator/skp/{skp.pk}/history/{first.history_id}/", {}
    )

    assert response.status_code == 403
    assert Skp.objects.get(pk=skp.pk).status == Skp.Status.DISETUJUI
    assert (
        admin_client.get(f"/admin/indikator/skp/{skp.pk}/history/").status_code == 200
    )


# --- the parts of an SKP ------------------------------------------------------------------------------


def _ekspektasi(skp):
    return EkspektasiKhusus.objects.create(
        skp=skp, perilaku=PerilakuKerja.objects.first(), uraian="Tepat waktu"
    )


PARTS = [
    pytest.param(
        "rencanahasilkerja",
        lambda c: c.rhk_kasi,
        {"jenis": "utama", "uraian": "Diubah", "urutan": "1"},
        id="rhk",
    ),
    pytest.param(
        "indikatorkinerjaindividu",
        lambda c: c.iki_kasi,
        {
            "aspek": "kuantitas",
            "uraian": "Diubah",
            "target": "1",
            "satuan": "x",
            "polaritas": "naik",
        },
        id="iki",
    ),
    pytest.param(
        "ekspektasikhusus",
        lambda c: _ekspektasi(c.skp_kasi),
        {"uraian": "Diubah"},
        id="ekspektasi",
    ),
]


@pytest.mark.parametrize(("model", "part", "data"), PARTS)
def test_the_parts_of_an_approved_skp_are_read_only_and_kept_in_the_admin(
    admin_client, chain, model, part, data
):
    obj = part(chain)

    changed = admin_client.post(f"/admin/indikator/{model}/{obj.pk}/change/", data)
    deleted = admin_client.post(
        f"/admin/indikator/{model}/{obj.pk}/delete/", {"post": "yes"}
    )

    assert (changed.status_code, deleted.status_code) == (403, 403)
    obj.refresh_from_db()
    assert obj.uraian != "Diubah"


@pytest.mark.parametrize(
    "model",
    [
        "rencanahasilkerja",
        "indikatorkinerjaindividu",
        "ekspektasikhusus",
        "matriksperanhasil",
        "realisasiindikator",
        "periode",
        "periodepenilaian",
    ],
)
def test_rows_made_by_a_workflow_are_not_added_in_the_admin(admin_client, model):
    assert admin_client.get(f"/admin/indikator/{model}/add/").status_code == 403


def test_an_iki_cannot_be_moved_to_an_approved_skp_in_the_admin(
    admin_client, chain, staf_draft
):
    iki = IndikatorKinerjaIndividu.objects.get(rhk__skp=staf_draft)
    data = {
        "rhk": chain.rhk_kasi.pk,
        "aspek": "kuantitas",
        "uraian": iki.uraian,
        "target": "12",
        "satuan": "dokumen",
        "polaritas": "naik",
    }

    admin_client.post(
        f"/admin/indikator/indikatorkinerjaindividu/{iki.pk}/change/", data
    )

    assert IndikatorKinerjaIndividu.objects.get(pk=iki.pk).rhk.skp_id == staf_draft.pk


def test_what_a_matriks_push_made_is_read_only_in_the_admin(admin_client, chain):
    rhk = RencanaHasilKerjaFactory(
        skp=skp_for(chain.org.staf), rhk_atasan=chain.rhk_kasi, uraian="Didorong"
    )
    cell = MatriksPeranHasil.objects.create(
        iki_atasan=chain.iki_kasi,
        pegawai=chain.org.staf,
        peran_hasil="Didorong",
        rhk=rhk,
        peran_didorong="Didorong",
    )

    response = admin_client.get(f"/admin/indikator/matriksperanhasil/{cell.pk}/change/")

    assert set(response.context["adminform"].form.fields) == {"peran_hasil"}


# --- years, months, unit indicators and their realisasi -----------------------------------------------


def test_the_lock_of_a_year_is_not_a_field_of_the_admin(admin_client, org):
    tahun = periode(2026)

    response = admin_client.post(
        f"/admin/indikator/periode/{tahun.pk}/change/",
        {"batas_penetapan_skp": "2026-02-15", "terkunci": "on", "skema": "bulanan"},
    )

    tahun.refresh_from_db()
    assert response.status_code == 302
    assert (tahun.terkunci, tahun.skema, str(tahun.batas_penetapan_skp)) == (
        False,
        "triwulanan",
        "2026-02-15",
    )


def test_a_locked_year_is_read_only_in_the_admin_and_unlocks_only_with_a_reason(
    admin_client, org
):
    tahun = periode(2026)
    action = {"action": "lock_action", "_selected_action": [tahun.pk], "index": "0"}
    admin_client.post("/admin/indikator/periode/", action)
    tahun.refresh_from_db()
    assert tahun.terkunci is True

    edit = admin_client.post(
        f"/admin/indikator/periode/{tahun.pk}/change/",
        {"batas_penetapan_skp": "2026-03-01"},
    )
    asked = admin_client.post(
        "/admin/indikator/periode/", {**action, "action": "unlock_action"}
    )
    admin_client.post(
        "/admin/indikator/periode/",
        {**action, "action": "unlock_action", "alasan": "Koreksi target"},
    )

    assert edit.status_code == 403 and "alasan" in asked.context["form"].fields
    tahun.refresh_from_db()
    assert tahun.terkunci is False
    assert tahun.history.first().history_change_reason == "Koreksi target"


def test_a_locked_month_and_its_realisasi_are_read_only_in_the_admin(admin_client, org):
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    bulan = PeriodePenilaian.objects.filter(periode=periode(2026)).first()
    realisasi = RealisasiIndikator.objects.create(
        indikator=indikator, periode_penilaian=bulan, nilai=5
    )
    PeriodePenilaian.objects.filter(pk=bulan.pk).update(terkunci=True)

    month = admin_client.post(
        f"/admin/indikator/periodepenilaian/{bulan.pk}/change/",
        {"batas_realisasi": "2026-12-31", "batas_evaluasi": "2026-12-31"},
    )
    value = admin_client.post(
        f"/admin/indikator/realisasiindikator/{realisasi.pk}/change/",
        {"nilai": "99", "keterangan": ""},
    )

    assert (month.status_code, value.status_code) == (403, 403)
    assert RealisasiIndikator.objects.get(pk=realisasi.pk).nilai == 5


def test_the_admin_cannot_move_an_indikator_into_a_locked_year(admin_client, org):
    indikator = IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_a), tahun=2026
    )
    Periode.objects.filter(pk=periode(2027).pk).update(terkunci=True)
    data = {
        "sasaran": indikator.sasaran_id,
        "kode": indikator.kode,
        "nama": indikator.nama,
        "dokumen": "iku",
        "tahun": "2027",
        "satuan": "%",
        "polaritas": "naik",
        "target": "90",
    }

    response = admin_client.post(
        f"/admin/indikator/indikatorkinerja/{indikator.pk}/change/", data
    )

    assert response.status_code == 200
    assert "terkunci" in response.context["adminform"].form.errors["tahun"][0]
    assert IndikatorKinerja.objects.get(pk=indikator.pk).tahun == 2026


def test_an_indikator_of_a_locked_year_is_read_only_in_the_admin(admin_client, org):
    indikator = IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_a), tahun=2026, target=90
    )
    Periode.objects.filter(pk=periode(2026).pk).update(terkunci=True)

    response = admin_client.post(
        f"/admin/indikator/indikatorkinerja/{indikator.pk}/change/", {"target": "1"}
    )

    assert response.status_code == 403
    assert IndikatorKinerja.objects.get(pk=indikator.pk).target == 90


def test_the_admin_saves_an_open_indikator_through_the_service_with_its_history(
    admin_client, org
):
    indikator = IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_a), tahun=2026, target=90
    )
    data = {
        "sasaran": indikator.sasaran_id,
        "kode": indikator.kode,
        "nama": indikator.nama,
        "dokumen": "iku",
        "tahun": "2026",
        "satuan": "%",
        "polaritas": "naik",
        "target": "92,5",
    }

    response = admin_client.post(
        f"/admin/indikator/indikatorkinerja/{indikator.pk}/change/", data
    )

    assert response.status_code == 302
    assert str(IndikatorKinerja.objects.get(pk=indikator.pk).target) == "92.50"
    assert indikator.history.count() == 2


def test_an_rhk_of_a_draft_can_be_corrected_in_the_admin(admin_client, staf_draft):
    rhk = RencanaHasilKerja.objects.get(skp=staf_draft)

    response = admin_client.post(
        f"/admin/indikator/rencanahasilkerja/{rhk.pk}/change/",
        {
            "jenis": "utama",
            "uraian": "Diperbaiki",
            "urutan": "1",
            "rhk_atasan": rhk.rhk_atasan_id,
        },
    )

    assert response.status_code == 302
    assert RencanaHasilKerja.objects.get(pk=rhk.pk).uraian == "Diperbaiki"


@pytest.fixture
def one_of_each(chain):
    """A row of every indikator model, for the pages that need one."""
    bulan = PeriodePenilaian.objects.filter(periode=chain.periode).first()
    RealisasiIndikator.objects.create(
        indikator=chain.indikator, periode_penilaian=bulan, nilai=5
    )
    _ekspektasi(chain.skp_kasi)
    MatriksPeranHasil.objects.create(
        iki_atasan=chain.iki_kasi, pegawai=chain.org.staf, peran_hasil="Peran"
    )
    return chain


@pytest.mark.parametrize("model", MODEL_ADMINS)
def test_the_change_and_history_pages_of_every_indikator_model_open(
    admin_client, one_of_each, model
):
    model_class = next(
        m
        for m in admin.site._registry
        if m._meta.app_label == "indikator" and m._meta.model_name == model
    )
    obj = model_class.objects.first()

    assert (
        admin_client.get(f"/admin/indikator/{model}/{obj.pk}/change/").status_code
        == 200
    )
    assert (
        admin_client.get(f"/admin/indikator/{model}/{obj.pk}/history/").status_code
        == 200
    )
