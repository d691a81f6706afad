"""Accounts in the admin: only a superuser changes a superuser's or another admin's account."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from organisasi.models import Pengguna
from organisasi.tests.factories import PegawaiFactory, PenggunaFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = {
    "password1": "Ambil-Alih-2026!",
    "password2": "Ambil-Alih-2026!",
    "usable_password": "true",
}


@pytest.fixture
def bkpsdm(org, client):
    """Admin BKPSDM as a Django staff user with every organisasi and auth permission (the widest grant)."""
    group = Group.objects.create(name="Admin BKPSDM uji")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["organisasi", "auth"])
    )
    account = org.admin.akun
    account.is_staff = True
    account.save()
    account.groups.add(group)
    client.force_login(account)
    return client


def _special(kind, org):
    if kind == "superuser":
        return Pengguna.objects.create_superuser("pemelihara", "rahasia-uji-123")
    if kind == "staf_admin":
        return PenggunaFactory(is_staff=True)
    if kind == "admin_bkpsdm":
        return PenggunaFactory(peran=Pengguna.Peran.ADMIN_BKPSDM)
    return org.pimpinan


SPECIAL = ["superuser", "staf_admin", "admin_bkpsdm", "pimpinan"]


def test_bkpsdm_cannot_set_the_superusers_password_in_the_admin(org, bkpsdm):
    root = Pengguna.objects.create_superuser("pemelihara", "rahasia-uji-123")
    url = reverse("admin:auth_user_password_change", args=[root.pk])

    shown = bkpsdm.get(url)
    posted = bkpsdm.post(url, NEW_PASSWORD)

    root.refresh_from_db()
    assert (shown.status_code, posted.status_code) == (403, 403)
    assert root.check_password("rahasia-uji-123") is True


@pytest.mark.parametrize("kind", SPECIAL)
def test_bkpsdm_cannot_set_the_password_of_an_admin_account(org, bkpsdm, kind):
    account = _special(kind, org)

    response = bkpsdm.post(
        reverse("admin:auth_user_password_change", args=[account.pk]), NEW_PASSWORD
    )

    account.refresh_from_db()
    assert response.status_code == 403
    assert account.check_password("Ambil-Alih-2026!") is False


@pytest.mark.parametrize("kind", SPECIAL)
def test_bkpsdm_sees_an_admin_account_read_only(org, bkpsdm, kind):
    account = _special(kind, org)
    url = reverse("admin:organisasi_pengguna_change", args=[account.pk])

    page = bkpsdm.get(url)
    posted = bkpsdm.post(
        url, {"username": account.username, "peran": "pegawai", "is_active": ""}
    )

    account.refresh_from_db()
    assert page.status_code == 200
    assert (
        'name="username"' not in page.content.decode()
        and 'name="peran"' not in page.content.decode()
    )
    assert posted.status_code == 403
    assert account.is_active is True


@pytest.mark.parametrize("kind", SPECIAL)
def test_bkpsdm_cannot_delete_an_admin_account(org, bkpsdm, kind):
    account = _special(kind, org)

    single = bkpsdm.post(
        reverse("admin:organisasi_pengguna_delete", args=[account.pk]), {"post": "yes"}
    )
    bulk = bkpsdm.post(
        reverse("admin:organisasi_pengguna_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [account.pk],
            "post": "yes",
        },
    )

    assert single.status_code == 403
    assert bulk.status_code in (200, 302, 403)
    assert Pengguna.objects.filter(pk=account.pk).exists() is True


def test_bkpsdm_still_resets_a_plain_pegawai_password_in_the_admin(org, bkpsdm):
    response = bkpsdm.post(
        reverse("admin:auth_user_password_change", args=[org.staf.akun_id]),
        NEW_PASSWORD,
    )

    assert response.status_code == 302
    assert (
        Pengguna.objects.get(pk=org.staf.akun_id).check_password("Ambil-Alih-2026!")
        is True
    )


@pytest.mark.parametrize(
    "peran", [Pengguna.Peran.ADMIN_BKPSDM, Pengguna.Peran.PIMPINAN]
)
def test_bkpsdm_cannot_grant_a_city_wide_role_in_the_admin(org, bkpsdm, peran):
    account = org.staf.akun
    url = reverse("admin:organisasi_pengguna_change", args=[account.pk])

    response = bkpsdm.post(
        url,
        {
            "username": account.username,
            "nama": account.nama,
            "peran": peran,
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "08:00:00",
        },
    )

    account.refresh_from_db()
    assert response.status_code == 200  # the form again, with the refused choice marked
    assert account.peran == Pengguna.Peran.PEGAWAI


def test_a_superuser_may_grant_a_city_wide_role_in_the_admin(org, client):
    client.force_login(
        Pengguna.objects.create_superuser("pemelihara", "rahasia-uji-123")
    )
    account = org.staf.akun

    client.post(
        reverse("admin:organisasi_pengguna_change", args=[account.pk]),
        {
            "username": account.username,
            "nama": account.nama,
            "peran": Pengguna.Peran.PIMPINAN,
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "08:00:00",
        },
    )

    account.refresh_from_db()
    assert account.peran == Pengguna.Peran.PIMPINAN


def test_bkpsdm_cannot_attach_the_superuser_login_to_a_pegawai_in_the_admin(
    org, bkpsdm
):
    root = Pengguna.objects.create_superuser("pemelihara", "rahasia-uji-123")
    pegawai = PegawaiFactory(jabatan=org.staf.jabatan, akun=None)

    form = (
        bkpsdm.get(reverse("admin:organisasi_pegawai_change", args=[pegawai.pk]))
        .context["adminform"]
        .form
    )

    assert form.fields["akun"].queryset.filter(pk=root.pk).exists() is False
    assert form.fields["akun"].queryset.filter(pk=org.staf2.akun_id).exists() is True


def test_bkpsdm_sees_the_login_of_an_admins_pegawai_record_read_only(org, bkpsdm):
    page = bkpsdm.get(reverse("admin:organisasi_pegawai_change", args=[org.admin.pk]))

    assert "akun" not in page.context["adminform"].form.fields


def test_only_a_superuser_edits_groups_in_the_admin(org, bkpsdm):
    group = Group.objects.get(name="Admin BKPSDM uji")

    response = bkpsdm.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": "Semua", "permissions": []},
    )

    assert response.status_code == 403
    assert group.permissions.count() > 0


def test_reactivating_a_pegawai_does_not_reopen_a_closed_admin_login(org):
    from organisasi import services

    Pengguna.objects.filter(pk=org.admin.akun_id).update(is_active=False)

    services.save_pegawai(org.admin)

    assert Pengguna.objects.get(pk=org.admin.akun_id).is_active is False
