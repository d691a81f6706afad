"""organisasi's models, one module per topic; every public name is importable from here."""

from organisasi.models.akun import PenerbitanAkun, Pengguna, PenggunaManager
from organisasi.models.jawaban import (
    ImporResponden,
    Jawaban,
    PartisipasiSurvei,
    Responden,
)
from organisasi.models.kebutuhan import Kebutuhan, KebutuhanQuerySet
from organisasi.models.kepala_daerah import KepalaDaerah
from organisasi.models.pegawai import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    Pegawai,
    PegawaiQuerySet,
)
from organisasi.models.struktur import (
    Jabatan,
    JabatanQuerySet,
    UnitKerja,
    UnitKerjaQuerySet,
)
from organisasi.models.survei import (
    MutuPelayanan,
    Pertanyaan,
    Survei,
    UnsurSkm,
    new_survei_token,
)

__all__ = [
    "GOLONGAN_PNS",
    "GOLONGAN_PPPK",
    "ImporResponden",
    "Jabatan",
    "JabatanQuerySet",
    "Jawaban",
    "Kebutuhan",
    "KepalaDaerah",
    "KebutuhanQuerySet",
    "MutuPelayanan",
    "PartisipasiSurvei",
    "Pegawai",
    "PegawaiQuerySet",
    "PenerbitanAkun",
    "Pengguna",
    "PenggunaManager",
    "Pertanyaan",
    "Responden",
    "Survei",
    "UnitKerja",
    "UnitKerjaQuerySet",
    "UnsurSkm",
    "new_survei_token",
]
