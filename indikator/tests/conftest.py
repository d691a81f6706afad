from types import SimpleNamespace

import pytest

from indikator.models import Skp
from indikator.tests.factories import (
    IndikatorKinerjaFactory,
    IndikatorKinerjaIndividuFactory,
    RencanaHasilKerjaFactory,
    SasaranStrategisFactory,
    periode,
    skp_for,
)


@pytest.fixture
def chain(org):
    """Approved SKP for kepala (JPT) → kabid → kasi, each RHK intervening the one above; no SKP below."""
    c = SimpleNamespace(org=org, periode=periode(2026))
    c.indikator = IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_a), kode="A-IKU-1"
    )
    c.skp_kepala = skp_for(org.kepala, status=Skp.Status.DISETUJUI)
    c.rhk_kepala = RencanaHasilKerjaFactory(
        skp=c.skp_kepala, indikator_unit=c.indikator, uraian="Meningkatnya layanan"
    )
    c.iki_kepala = IndikatorKinerjaIndividuFactory(rhk=c.rhk_kepala)
    c.skp_kabid = skp_for(org.kabid, status=Skp.Status.DISETUJUI)
    c.rhk_kabid = RencanaHasilKerjaFactory(
        skp=c.skp_kabid, rhk_atasan=c.rhk_kepala, uraian="Terlaksananya program"
    )
    c.iki_kabid = IndikatorKinerjaIndividuFactory(rhk=c.rhk_kabid)
    c.skp_kasi = skp_for(org.kasi, status=Skp.Status.DISETUJUI)
    c.rhk_kasi = RencanaHasilKerjaFactory(
        skp=c.skp_kasi, rhk_atasan=c.rhk_kabid, uraian="Tertanganinya sampah"
    )
    c.iki_kasi = IndikatorKinerjaIndividuFactory(
        rhk=c.rhk_kasi, uraian="Persentase sampah tertangani", target=90, satuan="%"
    )
    c.iki_kasi_2 = IndikatorKinerjaIndividuFactory(
        rhk=c.rhk_kasi, uraian="Jumlah TPS dibersihkan", target=40, satuan="TPS"
    )
    return c


@pytest.fixture
def staf_draft(chain):
    """The staf's draft SKP with one RHK intervening the kasi's RHK and one IKI: ready to submit."""
    skp = skp_for(chain.org.staf)
    rhk = RencanaHasilKerjaFactory(
        skp=skp, rhk_atasan=chain.rhk_kasi, uraian="Terangkutnya sampah TPS"
    )
    IndikatorKinerjaIndividuFactory(rhk=rhk)
    return skp
