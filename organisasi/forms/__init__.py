"""Forms, one module per topic; every public name is importable from here."""

from organisasi.forms.akun import GantiKataSandiForm, LoginForm, TerbitkanAkunForm
from organisasi.forms.jawaban import (
    TIKET_MAX_AGE,
    TIKET_SALT,
    ImportRespondenForm,
    JawabanForm,
    new_tiket,
)
from organisasi.forms.kebutuhan import (
    KebutuhanFilterForm,
    KebutuhanForm,
    KebutuhanStatusForm,
)
from organisasi.forms.pegawai import (
    AtasanForm,
    PegawaiFilterForm,
    PegawaiForm,
    PegawaiNipField,
    directory_units,
)
from organisasi.forms.struktur import JabatanForm, UnitKerjaForm
from organisasi.forms.survei import PertanyaanForm, SurveiForm

__all__ = [
    "AtasanForm",
    "TIKET_MAX_AGE",
    "TIKET_SALT",
    "GantiKataSandiForm",
    "ImportRespondenForm",
    "JabatanForm",
    "JawabanForm",
    "KebutuhanFilterForm",
    "KebutuhanForm",
    "KebutuhanStatusForm",
    "LoginForm",
    "PegawaiFilterForm",
    "PegawaiForm",
    "PegawaiNipField",
    "PertanyaanForm",
    "SurveiForm",
    "TerbitkanAkunForm",
    "UnitKerjaForm",
    "directory_units",
    "new_tiket",
]
