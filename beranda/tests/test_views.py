"""The home page: every role reaches it, and each sees the lines of its roles."""

import datetime

import pytest
from django.urls import reverse

from conftest import ROLE_USERS, ViewCase, permission_table, request_as
from organisasi.tests.factories import KebutuhanFactory, SurveiFactory

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


def test_beranda_starts_with_what_the_pengelola_must_do_now(org, client):
    KebutuhanFactory(unit=org.seksi_a)
    client.force_login(org.pengelola.akun)

    response = client.get(reverse("beranda"))

    page = response.content.decode()
    assert "Yang perlu dilakukan sekarang" in page
    assert page.index("kebutuhan terbuka belum dijawab") < page.index("kartu-pengelola")
    assert 'href="/organisasi/kebutuhan/?tanpa_jawaban=on"' in page


# Each home's query count, pinned with more rows than needed: it does not grow with data.
@pytest.mark.parametrize(
    ("role", "expected"),
    [("staf", 10), ("atasan", 12), ("pengelola", 14), ("admin", 17), ("pimpinan", 9)],
)
def test_beranda_takes_a_constant_number_of_queries_for_each_role(
    org, client, django_assert_num_queries, role, expected
):
    for _ in range(3):
        KebutuhanFactory(unit=org.seksi_a)
        SurveiFactory(unit=org.opd_a, tanggal_tutup=datetime.date.today())
    client.force_login(ROLE_USERS[role](org))

    with django_assert_num_queries(expected):
        response = client.get(reverse("beranda"))

    assert response.status_code == 200
