"""The home page: every role reaches it, and each sees the lines of its roles."""

import pytest
from django.urls import reverse

from conftest import ROLE_USERS, ViewCase, permission_table, request_as

pytestmark = pytest.mark.django_db

TABLE = [
    ViewCase(
        "beranda",
        "get",
        lambda o: reverse("beranda"),
        dict(zip(ROLE_USERS, [302, 200, 200, 200, 200, 200, 200], strict=True)),
    ),
]


@permission_table(TABLE)
def test_view_answers_each_role_as_the_table_says(org, client, case, role, user_for):
    response = request_as(client, case, user_for(org), case.url(org))

    assert response.status_code == case.expected[role]


def test_beranda_of_an_atasan_lists_their_direct_subordinates(org, client):
    client.force_login(org.kasi.akun)

    response = client.get(reverse("beranda"))

    assert set(response.context["bawahan_list"]) == {org.staf, org.staf2}
    assert "Staf A1" in response.content.decode()


def test_beranda_of_the_city_counts_the_active_pegawai(org, client):
    client.force_login(org.pimpinan)

    response = client.get(reverse("beranda"))

    assert response.context["kota"]["pegawai"] == 9
