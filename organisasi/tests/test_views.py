import pytest
from django.urls import reverse

from organisasi.models import Pegawai, Pengguna
from organisasi.tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db


def test_login_by_nip_accepts_spaces_between_the_groups(org, client):
    nip = org.staf.nip
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"

    response = client.post(
        reverse("login"), {"username": spaced, "password": "rahasia-uji-123"}
    )

    assert response.status_code == 302
    assert response.url == reverse("beranda")


def test_wrong_password_gets_an_indonesian_message(org, client):
    response = client.post(
        reverse("login"), {"username": org.staf.nip, "password": "salah"}
    )

    assert "NIP atau kata sandi salah" in response.content.decode()


def test_repeated_failures_lock_the_nip_for_a_while(org, client, settings):
    settings.AXES_ENABLED = True
    for _ in range(5):
        client.post(reverse("login"), {"username": org.staf.nip, "password": "salah"})

    response = client.post(
        reverse("login"), {"username": org.staf.nip, "password": "rahasia-uji-123"}
    )

    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()


def test_one_time_password_forces_a_password_change_first(org, client):
    org.staf.akun.harus_ganti_password = True
    org.staf.akun.save()
    client.force_login(org.staf.akun)

    blocked = client.get(reverse("organisasi:pegawai_list"))
    changed = client.post(
        reverse("password_change"),
        {
            "old_password": "rahasia-uji-123",
            "new_password1": "Kinerja-Baru-2026",
            "new_password2": "Kinerja-Baru-2026",
        },
    )

    assert blocked.url == reverse("password_change")
    assert changed.url == reverse("beranda")
    assert Pengguna.objects.get(pk=org.staf.akun_id).harus_ganti_password is False
    assert client.get(reverse("organisasi:pegawai_list")).status_code == 200


def test_directory_search_finds_by_name_within_the_own_opd(org, client):
    client.force_login(org.staf.akun)

    response = client.get(reverse("organisasi:pegawai_list"), {"q": "kasi"})

    assert list(response.context["page"]) == [org.kasi]


def test_directory_search_by_nip_prefix(org, client):
    client.force_login(org.admin.akun)

    response = client.get(reverse("organisasi:pegawai_list"), {"q": org.kepala_b.nip})

    assert list(response.context["page"]) == [org.kepala_b]


def test_directory_never_lists_another_opd_to_a_pegawai(org, client):
    client.force_login(org.staf.akun)

    response = client.get(reverse("organisasi:pegawai_list"), {"q": "Staf B"})

    assert list(response.context["page"]) == []


def test_directory_filters_by_status(org, client):
    client.force_login(org.staf.akun)

    response = client.get(reverse("organisasi:pegawai_list"), {"status": "pppk"})

    assert list(response.context["page"]) == [org.staf2]


def test_directory_htmx_request_gets_only_the_results_fragment(org, client):
    client.force_login(org.staf.akun)

    response = client.get(
        reverse("organisasi:pegawai_list"),
        {"q": "Staf"},
        headers={"HX-Request": "true"},
    )

    body = response.content.decode()
    assert "pegawai ditemukan" in body
    assert "<html" not in body


@pytest.mark.parametrize("extra", [1, 3])
def test_directory_query_count_does_not_grow_with_rows(
    org, client, django_assert_num_queries, extra
):
    for _ in range(extra):
        PegawaiFactory(jabatan=org.staf.jabatan)
    client.force_login(org.admin.akun)
    client.get(reverse("organisasi:pegawai_list"))  # warm the session

    with django_assert_num_queries(7):
        client.get(reverse("organisasi:pegawai_list"))


def test_admin_creates_a_pegawai_and_the_atasan_is_derived(org, client):
    client.force_login(org.admin.akun)

    response = client.post(
        reverse("organisasi:pegawai_create"),
        {
            "nip": "19900505 201503 2 004",
            "nama": "Bunga",
            "status": "pns",
            "golongan": "III/b",
            "unit": org.seksi_a.pk,
            "jabatan": org.staf.jabatan_id,
            "aktif": "on",
        },
    )

    bunga = Pegawai.objects.get(nip="199005052015032004")
    assert response.url == bunga.get_absolute_url()
    assert (bunga.unit, bunga.atasan) == (org.seksi_a, org.kasi)


def test_rejected_pegawai_form_keeps_what_was_typed(org, client):
    client.force_login(org.admin.akun)

    response = client.post(
        reverse("organisasi:pegawai_create"),
        {
            "nip": "200012312024211001",
            "nama": "Bunga Citra",
            "status": "pns",
            "golongan": "III/b",
            "unit": org.seksi_a.pk,
            "jabatan": org.staf.jabatan_id,
            "aktif": "on",
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="Bunga Citra"' in body
    assert "Digit 13–14 NIP PNS adalah bulan TMT CPNS (01–12), bukan 21." in body


def test_profile_hides_private_data_from_a_colleague(org, client):
    client.force_login(org.staf2.akun)

    body = client.get(org.staf.get_absolute_url()).content.decode()

    assert "Tanggal lahir" not in body
    assert org.staf.nama in body


def test_akun_issue_starts_a_job_instead_of_answering_with_the_passwords(org, client):
    PegawaiFactory(jabatan=org.staf.jabatan, akun=None)
    client.force_login(org.admin.akun)

    response = client.post(reverse("organisasi:akun_issue"), {"unit": org.opd_a.pk})

    assert response.status_code == 302
    assert response.url.startswith("/organisasi/akun/terbitkan/")


def test_unit_tree_children_load_as_a_fragment(org, client):
    client.force_login(org.staf.akun)

    response = client.get(
        reverse("organisasi:unit_list"),
        {"induk": org.opd_a.pk},
        headers={"HX-Request": "true"},
    )

    body = response.content.decode()
    assert "Bidang A" in body and "Seksi A" not in body and "<html" not in body


def test_dates_are_indonesian_even_for_an_english_browser(org, client):
    client.force_login(org.staf.akun)

    body = client.get(
        org.staf.get_absolute_url(), headers={"Accept-Language": "en-US,en;q=0.9"}
    ).content.decode()

    born = org.staf.tanggal_lahir
    bulan = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
    assert f"{born.day} {bulan[born.month - 1]} {born.year}" in body
    assert 'lang="id"' in body


def test_unit_tree_counts_active_pegawai_of_the_whole_subtree(org, client):
    client.force_login(org.admin.akun)

    response = client.get(reverse("organisasi:unit_list"))

    counts = {unit.kode: unit.jumlah_pegawai for unit in response.context["unit_list"]}
    assert counts == {"PEMKOT": 9, "A": 6, "B": 3}


@pytest.mark.parametrize("extra", [1, 3])
def test_unit_tree_query_count_does_not_grow_with_units(
    org, client, django_assert_num_queries, extra
):
    from organisasi.tests.factories import UnitKerjaFactory

    for _ in range(extra):
        UnitKerjaFactory(opd=True, induk=org.pemkot)
    client.force_login(org.admin.akun)
    client.get(reverse("organisasi:unit_list"))

    with django_assert_num_queries(7):
        client.get(reverse("organisasi:unit_list"))


def test_choosing_a_unit_reloads_the_jabatan_choices_of_that_unit(org, client):
    client.force_login(org.admin.akun)

    response = client.get(
        reverse("organisasi:pegawai_create"),
        {"unit": org.opd_b.pk},
        headers={"HX-Request": "true"},
    )

    body = response.content.decode()
    assert 'id="div_id_jabatan"' in body
    assert set(response.context["form"].fields["jabatan"].queryset) == {
        org.kepala_b.jabatan,
        org.staf_b.jabatan,
        org.admin.jabatan,
    }


def test_unit_tree_ignores_a_malformed_parent_id(org, client):
    client.force_login(org.staf.akun)

    assert (
        client.get(reverse("organisasi:unit_list"), {"induk": "abc"}).status_code == 200
    )


def test_bkpsdm_adds_a_unit_under_an_opd_and_it_joins_that_opd(org, client):
    from organisasi.models import UnitKerja

    client.force_login(org.admin.akun)

    response = client.post(
        reverse("organisasi:unit_create"),
        {
            "kode": "A-B-S2",
            "nama": "Seksi Baru",
            "jenis": "seksi",
            "induk": org.bidang_a.pk,
            "aktif": "on",
        },
    )

    unit = UnitKerja.objects.get(kode="A-B-S2")
    assert response.url == unit.get_absolute_url()
    assert (unit.opd_id, unit.path.startswith(org.bidang_a.path)) == (
        org.opd_a.pk,
        True,
    )


def test_bkpsdm_adds_a_jabatan_and_its_holder_gets_the_derived_atasan(org, client):
    from organisasi.models import Jabatan

    client.force_login(org.admin.akun)

    client.post(
        reverse("organisasi:jabatan_create"),
        {
            "kode": "A-ANALIS",
            "nama": "Analis",
            "jenis": "fungsional",
            "unit": org.seksi_a.pk,
            "atasan": org.kasi.jabatan_id,
            "aktif": "on",
        },
    )
    holder = PegawaiFactory(jabatan=Jabatan.objects.get(kode="A-ANALIS"))
    client.post(
        reverse("organisasi:jabatan_update", args=[holder.jabatan_id]),
        {
            "kode": "A-ANALIS",
            "nama": "Analis",
            "jenis": "fungsional",
            "unit": org.seksi_a.pk,
            "atasan": org.kabid.jabatan_id,
            "aktif": "on",
        },
    )

    holder.refresh_from_db()
    assert holder.atasan == org.kabid


def test_pengelola_corrects_the_atasan_of_a_pegawai_in_their_opd_with_history(
    client, org
):
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("organisasi:pegawai_atasan", args=[org.staf2.pk]),
        {
            "atasan_manual": "on",
            "atasan_nip": org.kabid.nip,
            "alasan": "Plt. Kepala Seksi",
        },
    )

    assert response.status_code == 302
    org.staf2.refresh_from_db()
    assert org.staf2.atasan == org.kabid
    assert org.staf2.atasan_manual is True
    record = org.staf2.history.latest()
    assert record.history_change_reason == "Plt. Kepala Seksi"
    assert record.history_user == org.pengelola.akun


def test_pengelola_cannot_name_an_atasan_outside_their_opd(client, org):
    client.force_login(org.pengelola.akun)

    response = client.post(
        reverse("organisasi:pegawai_atasan", args=[org.staf2.pk]),
        {"atasan_manual": "on", "atasan_nip": org.kepala_b.nip, "alasan": "Uji"},
    )

    assert response.status_code == 200
    assert "atasan_nip" in response.context["form"].errors
    org.staf2.refresh_from_db()
    assert org.staf2.atasan == org.kasi


def test_atasan_returns_to_the_structure_when_manual_is_unticked(client, org):
    org.staf2.atasan, org.staf2.atasan_manual = org.kabid, True
    org.staf2.save()
    client.force_login(org.pengelola.akun)

    client.post(
        reverse("organisasi:pegawai_atasan", args=[org.staf2.pk]),
        {"alasan": "Plt. berakhir"},
    )

    org.staf2.refresh_from_db()
    assert (org.staf2.atasan, org.staf2.atasan_manual) == (org.kasi, False)


def test_profile_lists_only_the_bawahan_the_reader_may_see(org, client):
    from organisasi import services
    from organisasi.models import Jabatan

    Jabatan.objects.filter(pk=org.kepala.jabatan_id).update(
        atasan=org.kepala_b.jabatan
    )  # Kadis A reports to B
    services.refresh_atasan()
    client.force_login(org.staf_b.akun)

    response = client.get(org.kepala_b.get_absolute_url())

    assert list(response.context["bawahan_list"]) == [org.admin, org.staf_b]
    assert "Kepala A" not in response.content.decode()
