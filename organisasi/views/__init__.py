"""Function views, one module per topic; urls.py reaches every view through this package."""

from organisasi.views.akun import akun_download, akun_issue, akun_job, password_change
from organisasi.views.jawaban import (
    jawab,
    survei_import,
    survei_import_template,
    terima_kasih,
)
from organisasi.views.kebutuhan import (
    kebutuhan_create,
    kebutuhan_detail,
    kebutuhan_list,
    kebutuhan_status,
    kebutuhan_update,
)
from organisasi.views.pegawai import (
    pegawai_atasan,
    pegawai_create,
    pegawai_deactivate,
    pegawai_detail,
    pegawai_list,
    pegawai_update,
)
from organisasi.views.struktur import (
    jabatan_create,
    jabatan_list,
    jabatan_update,
    unit_create,
    unit_detail,
    unit_list,
    unit_update,
)
from organisasi.views.survei import (
    pertanyaan_create,
    pertanyaan_delete,
    pertanyaan_update,
    survei_create,
    survei_detail,
    survei_export,
    survei_hasil,
    survei_laporan,
    survei_list,
    survei_update,
)

__all__ = [
    "akun_download",
    "akun_issue",
    "akun_job",
    "jabatan_create",
    "jabatan_list",
    "jabatan_update",
    "jawab",
    "kebutuhan_create",
    "kebutuhan_detail",
    "kebutuhan_list",
    "kebutuhan_status",
    "kebutuhan_update",
    "password_change",
    "pegawai_atasan",
    "pegawai_create",
    "pegawai_deactivate",
    "pegawai_detail",
    "pegawai_list",
    "pegawai_update",
    "pertanyaan_create",
    "pertanyaan_delete",
    "pertanyaan_update",
    "survei_create",
    "survei_detail",
    "survei_export",
    "survei_hasil",
    "survei_import",
    "survei_import_template",
    "survei_laporan",
    "survei_list",
    "survei_update",
    "terima_kasih",
    "unit_create",
    "unit_detail",
    "unit_list",
    "unit_update",
]
