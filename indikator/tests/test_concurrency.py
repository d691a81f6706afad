"""Two people acting on one SKP at the same moment: one wins cleanly (PostgreSQL row locks)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from indikator import services
from indikator.models import Skp

pytestmark = pytest.mark.django_db(transaction=True)


def test_approval_waiting_on_a_return_in_progress_sees_the_return_and_refuses(
    org, staf_draft
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Kunci baris (SELECT … FOR UPDATE) hanya berarti di PostgreSQL; SQLite mengunci seluruh berkas."
        )
    services.submit_skp(staf_draft, by=org.staf.akun)
    kasi = org.kasi.akun
    locked, outcome = threading.Event(), {}

    def return_slowly():
        try:
            with transaction.atomic():
                services.return_skp(
                    staf_draft, by=kasi, alasan="Target kuantitas belum sesuai."
                )
                locked.set()
                threading.Event().wait(
                    0.7
                )  # hold the row lock while the approval arrives
        finally:
            connections.close_all()

    def approve_meanwhile():
        locked.wait(5)
        try:
            services.approve_skp(staf_draft, by=kasi)
            outcome["approve"] = "ok"
        except ValidationError as error:
            outcome["approve"] = error.messages
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=return_slowly),
        threading.Thread(target=approve_meanwhile),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    staf_draft.refresh_from_db()
    assert staf_draft.status == Skp.Status.DIKEMBALIKAN
    assert outcome["approve"] == ["SKP ini tidak menunggu persetujuan Anda."]
