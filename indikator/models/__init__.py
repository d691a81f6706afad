"""Periods, unit indicators (Renstra / IKU / PK) with capaian, and each ASN's SKP.

One module per topic; every model is importable from `indikator.models`.
"""

from indikator.models.indikator import (
    IndikatorKinerja,
    Polaritas,
    RealisasiIndikator,
    SasaranStrategis,
)
from indikator.models.perilaku import PanduanPerilaku, PerilakuKerja
from indikator.models.periode import Periode, PeriodePenilaian
from indikator.models.skp import (
    EkspektasiKhusus,
    IndikatorKinerjaIndividu,
    MatriksPeranHasil,
    RencanaHasilKerja,
    Skp,
)

__all__ = [
    "EkspektasiKhusus",
    "IndikatorKinerja",
    "IndikatorKinerjaIndividu",
    "MatriksPeranHasil",
    "PanduanPerilaku",
    "PerilakuKerja",
    "Periode",
    "PeriodePenilaian",
    "Polaritas",
    "RealisasiIndikator",
    "RencanaHasilKerja",
    "SasaranStrategis",
    "Skp",
]
