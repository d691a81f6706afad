"""Functions that change state, one module per topic; every public name is importable from here."""

from organisasi.services.akun import (
    change_password,
    close_inactive_accounts,
    delete_expired_account_workbooks,
    generate_one_time_password,
    run_issue_accounts,
    start_issue_accounts,
    take_account_workbook,
)
from organisasi.services.impor import import_dataset, refresh_derived_after_import
from organisasi.services.jawaban import (
    fingerprint,
    import_responden,
    parse_answer,
    parse_answers,
    reshuffle_participations,
    submit_responden,
)
from organisasi.services.kebutuhan import (
    change_kebutuhan_status,
    create_kebutuhan,
    is_unanswered,
    kebutuhan_from_hasil,
)
from organisasi.services.pegawai import (
    correct_atasan,
    deactivate_pegawai,
    deactivate_pegawai_list,
    rebuild_atasan_paths,
    refresh_atasan,
    save_pegawai,
)
from organisasi.services.struktur import rebuild_unit_paths, save_jabatan, save_unit
from organisasi.services.survei import (
    add_skm_unsur,
    create_survei,
    delete_pertanyaan,
    save_pertanyaan,
    update_survei,
)

__all__ = [
    "add_skm_unsur",
    "change_kebutuhan_status",
    "is_unanswered",
    "change_password",
    "close_inactive_accounts",
    "create_kebutuhan",
    "create_survei",
    "deactivate_pegawai",
    "deactivate_pegawai_list",
    "delete_expired_account_workbooks",
    "delete_pertanyaan",
    "fingerprint",
    "generate_one_time_password",
    "import_dataset",
    "import_responden",
    "kebutuhan_from_hasil",
    "parse_answer",
    "parse_answers",
    "rebuild_atasan_paths",
    "rebuild_unit_paths",
    "refresh_atasan",
    "refresh_derived_after_import",
    "reshuffle_participations",
    "run_issue_accounts",
    "save_jabatan",
    "correct_atasan",
    "save_pegawai",
    "save_pertanyaan",
    "save_unit",
    "start_issue_accounts",
    "submit_responden",
    "take_account_workbook",
    "update_survei",
]
