"""Internal surveys: *that* an ASN answered is recorded apart from *what* they answered.

Even with the database and every key, a participation (survei, pengguna) cannot be tied to a
respondent: no foreign key, no hash, no timestamp, no id order pairs them.
"""

import datetime
import importlib
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from organisasi import services
from organisasi.forms import new_tiket
from organisasi.models import PartisipasiSurvei, Pengguna, Responden
from organisasi.tasks import reshuffle_participations_task
from organisasi.tests.factories import skm_survei

pytestmark = pytest.mark.django_db


def _submit(survei, pengguna, *, tiket="tiket-1", now=None):
    raw = {p.pk: "4" for p in survei.pertanyaan_set.all()}
    return services.submit_responden(
        survei,
        raw_answers=raw,
        profil={},
        tiket=tiket,
        ip_address="10.0.0.1",
        pengguna=pengguna,
        now=now,
    )


def test_an_internal_answer_records_the_participation_apart_from_the_respondent(org):
    survei = skm_survei(unit=org.opd_a, internal=True)

    _submit(survei, org.staf.akun)

    assert list(PartisipasiSurvei.objects.values_list("survei", "pengguna")) == [
        (survei.pk, org.staf.akun_id)
    ]
    assert Responden.objects.filter(survei=survei).count() == 1


def test_an_asn_answers_an_internal_survey_once(org):
    survei = skm_survei(unit=org.opd_a, internal=True)
    _submit(survei, org.staf.akun)

    with pytest.raises(ValidationError) as error:
        _submit(survei, org.staf.akun, tiket="tiket-2")

    assert error.value.code == "duplikat"
    assert Responden.objects.filter(survei=survei).count() == 1


def test_an_internal_respondent_keeps_only_the_date_and_no_hash(org):
    survei = skm_survei(unit=org.opd_a, internal=True)
    now = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time(14, 37, 5))
    )

    responden = _submit(survei, org.staf.akun, now=now)

    responden.refresh_from_db()
    filled = timezone.localtime(responden.diisi_pada)
    assert (filled.date(), filled.time()) == (now.date(), datetime.time(0, 0))
    assert (responden.sesi_hash, responden.ip_hash) == ("", "")


def test_a_participation_has_a_random_key_and_nothing_that_orders_or_links_it():
    fields = {field.name: field for field in PartisipasiSurvei._meta.get_fields()}

    assert set(fields) == {"id", "survei", "pengguna"}
    assert (
        isinstance(fields["id"], models.UUIDField)
        and fields["id"].default is uuid.uuid4
    )
    assert not any(
        isinstance(field, models.DateField | models.DateTimeField)
        for field in fields.values()
    )


def test_a_respondent_has_no_link_to_an_account():
    related = {
        field.related_model
        for field in Responden._meta.get_fields()
        if field.is_relation
    }

    assert Pengguna not in related and PartisipasiSurvei not in related
    assert not any("akun" in field.name for field in Responden._meta.get_fields())


def test_a_public_answer_records_no_participation(org):
    survei = skm_survei(unit=org.opd_a)

    responden = _submit(survei, None)

    assert PartisipasiSurvei.objects.count() == 0
    assert responden.ip_hash != ""


def test_an_asn_who_answered_is_told_so_on_the_next_visit_from_any_browser(org):
    survei = skm_survei(unit=org.opd_a, internal=True)
    _submit(survei, org.staf.akun)
    browser = Client()
    browser.force_login(org.staf.akun)

    page = browser.get(reverse("publik:jawab", args=[survei.token])).content.decode()

    assert "Anda sudah mengisi survei ini" in page


def test_answering_an_internal_survey_leaves_no_mark_in_the_session(org, client):
    survei = skm_survei(unit=org.opd_a, internal=True)
    client.force_login(org.staf.akun)
    data = {f"p{p.pk}": "4" for p in survei.pertanyaan_set.all()}

    client.post(
        reverse("publik:jawab", args=[survei.token]),
        {**data, "tiket": new_tiket(survei)},
    )

    assert Responden.objects.filter(survei=survei).count() == 1
    assert not any(key.startswith("survei-dijawab") for key in client.session.keys())


def test_the_internal_form_says_what_is_recorded_and_what_is_not(org, client):
    survei = skm_survei(unit=org.opd_a, internal=True)
    client.force_login(org.staf.akun)

    page = client.get(reverse("publik:jawab", args=[survei.token])).content.decode()

    assert "terpisah dari jawaban Anda" in page
    assert "hanya tanggalnya" in page
    assert "sidik akun" not in page


def test_migration_0009_moves_account_hashes_to_participations_it_cannot_pair():
    migration = importlib.import_module("organisasi.migrations.0009_partisipasi_survei")
    fingerprint = importlib.import_module(
        "organisasi.migrations.0005_responden_akun_hash"
    ).account_fingerprint
    hashes = [(7, fingerprint(account_id)) for account_id in (31, 12, 55)] + [
        (8, fingerprint(999))
    ]

    pairs = migration.participations(hashes, account_ids=range(1, 100))

    assert sorted(pairs) == [(7, 12), (7, 31), (7, 55)]


@pytest.mark.django_db(transaction=True)
def test_migration_0009_turns_hashes_into_participations_and_drops_the_time():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = (
        [("organisasi", "0008_fill_atasan_path")],
        [("organisasi", "0009_partisipasi_survei")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    fingerprint = importlib.import_module(
        "organisasi.migrations.0009_partisipasi_survei"
    ).account_fingerprint
    asn = old.get_model("organisasi", "Pengguna").objects.create(
        username="196608011988031001"
    )
    unit = old.get_model("organisasi", "UnitKerja").objects.create(
        kode="X", nama="X", jenis="opd"
    )
    survei = old.get_model("organisasi", "Survei").objects.create(
        unit=unit,
        judul="Internal",
        program="-",
        periode="2026",
        internal=True,
        token="t-0009",
        tanggal_buka=datetime.date(2026, 1, 1),
        tanggal_tutup=datetime.date(2026, 12, 31),
    )
    answered_at = timezone.make_aware(datetime.datetime(2026, 3, 4, 14, 37))
    old.get_model("organisasi", "Responden").objects.create(
        survei=survei,
        akun_hash=fingerprint(asn.pk),
        ip_hash="i" * 64,
        sesi_hash="s" * 64,
        diisi_pada=answered_at,
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)

    assert list(PartisipasiSurvei.objects.values_list("survei", "pengguna")) == [
        (survei.pk, asn.pk)
    ]
    responden = Responden.objects.get(survei_id=survei.pk)
    assert timezone.localtime(responden.diisi_pada) == timezone.make_aware(
        datetime.datetime(2026, 3, 4)
    )
    assert (responden.ip_hash, responden.sesi_hash) == ("", "")


def test_the_nightly_reshuffle_keeps_who_answered_and_forgets_the_order(org):
    survei = skm_survei(unit=org.opd_a, internal=True)
    for pegawai in (org.staf, org.staf2, org.kasi):
        _submit(survei, pegawai.akun, tiket=f"tiket-{pegawai.pk}")
    before = dict(PartisipasiSurvei.objects.values_list("pk", "pengguna"))

    count = reshuffle_participations_task()

    after = dict(PartisipasiSurvei.objects.values_list("pk", "pengguna"))
    assert count == 3
    assert sorted(after.values()) == sorted(before.values())
    assert set(after).isdisjoint(before)
