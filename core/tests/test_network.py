import datetime

import pytest
from django.contrib.sessions.models import Session
from django.test import RequestFactory
from django.utils import timezone

from core.network import client_ip
from core.tasks import clear_sessions_task


def request_from(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_client_ip_is_the_socket_address_without_a_proxy(settings):
    settings.BEHIND_PROXY = False

    assert client_ip(request_from("10.0.0.5", "203.0.113.9")) == "10.0.0.5"


def test_client_ip_behind_the_proxy_is_the_address_nginx_appended(settings):
    settings.BEHIND_PROXY = True

    assert (
        client_ip(request_from("10.0.0.5", "198.51.100.1, 203.0.113.9"))
        == "203.0.113.9"
    )


def test_client_ip_behind_the_proxy_without_header_falls_back_to_the_socket(settings):
    settings.BEHIND_PROXY = True

    assert client_ip(request_from("10.0.0.5")) == "10.0.0.5"


@pytest.mark.django_db
def test_clear_sessions_task_deletes_only_expired_sessions():
    now = timezone.now()
    Session.objects.create(
        session_key="lama",
        session_data="",
        expire_date=now - datetime.timedelta(days=1),
    )
    Session.objects.create(
        session_key="baru",
        session_data="",
        expire_date=now + datetime.timedelta(days=1),
    )

    deleted = clear_sessions_task()

    assert (deleted, list(Session.objects.values_list("session_key", flat=True))) == (
        1,
        ["baru"],
    )
