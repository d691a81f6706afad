import datetime
import importlib
import io
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.utils import timezone
from PIL import Image

from indikator.models import IndikatorKinerjaIndividu, Skp
from indikator.tests.factories import (
    IndikatorKinerjaIndividuFactory,
    RencanaHasilKerjaFactory,
    periode,
    skp_for,
)
from kinerja import kalender

Aspek = IndikatorKinerjaIndividu.Aspek


@pytest.fixture(autouse=True)
def _kinerja_rules(request):
    """The rules seeded by migration 0002, also after a browser test's flush emptied them (--reuse-db)."""
    if (
        request.node.get_closest_marker("django_db") is None
        and "db" not in request.fixturenames
    ):
        return
    request.getfixturevalue(
        "transactional_db" if "live_server" in request.fixturenames else "db"
    )
    importlib.import_module("kinerja.migrations.0002_aturan_awal").seed(
        django_apps, None
    )


def working_monday(year: int) -> datetime.date:
    """A Monday of the year whose whole week (Monday–Friday) has no national day off."""
    day = datetime.date(year, 7, 1)
    while True:
        day += datetime.timedelta(days=(7 - day.weekday()) % 7 or 7)
        week = [day + datetime.timedelta(days=offset) for offset in range(5)]
        if not any(d in kalender.national_days_off(year) for d in week):
            return day


@pytest.fixture
def kin(org):
    """This year's approved SKP for the kasi and the staf (the staf's RHK intervene the kasi's),
    with a kuantitas and a waktu IKI; the staf_b of the other OPD has one too."""
    today = timezone.localdate()
    c = SimpleNamespace(
        org=org,
        today=today,
        periode=periode(today.year),
        monday=working_monday(today.year),
    )
    c.skp_kasi = skp_for(org.kasi, tahun=today.year, status=Skp.Status.DISETUJUI)
    c.rhk_kasi = RencanaHasilKerjaFactory(
        skp=c.skp_kasi, uraian="Tertanganinya sampah di TPS wilayah"
    )
    c.skp = skp_for(org.staf, tahun=today.year, status=Skp.Status.DISETUJUI)
    c.rhk = RencanaHasilKerjaFactory(
        skp=c.skp, rhk_atasan=c.rhk_kasi, uraian="Terangkutnya sampah TPS Sidodadi"
    )
    c.rhk_2 = RencanaHasilKerjaFactory(
        skp=c.skp, rhk_atasan=c.rhk_kasi, uraian="Tersusunnya laporan pengangkutan"
    )
    c.iki = IndikatorKinerjaIndividuFactory(
        rhk=c.rhk,
        aspek=Aspek.KUANTITAS,
        uraian="Jumlah TPS diangkut",
        target=40,
        satuan="TPS",
    )
    c.iki_waktu = IndikatorKinerjaIndividuFactory(
        rhk=c.rhk,
        aspek=Aspek.WAKTU,
        uraian="Ketepatan waktu pengangkutan",
        target=100,
        satuan="%",
    )
    c.skp_b = skp_for(org.staf_b, tahun=today.year, status=Skp.Status.DISETUJUI)
    c.rhk_b = RencanaHasilKerjaFactory(
        skp=c.skp_b, uraian="Terlayaninya administrasi OPD B"
    )
    return c


def image_bytes(fmt="JPEG", size=(2400, 1800), exif=None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (30, 120, 60))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "KameraHP"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "S"
    gps[2] = (0.0, 30.0, 12.5)
    gps[3] = "E"
    gps[4] = (117.0, 9.0, 3.2)
    return exif.tobytes()
