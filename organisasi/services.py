import secrets
import string

from django.db import transaction

from organisasi.models import Jabatan, Pegawai, Pengguna, UnitKerja

# --- atasan -------------------------------------------------------------------


def _holders_by_jabatan():
    """jabatan id → the active pegawai holding it (lowest NIP when several do)."""
    holders = {}
    for pegawai_id, jabatan_id in (
        Pegawai.objects.active().order_by("-nip").values_list("pk", "jabatan_id")
    ):
        holders[jabatan_id] = pegawai_id
    return holders


def _derive(jabatan_id, pegawai_id, parent_of, holders):
    """Walk up the position tree to the first position with a holder other than the pegawai."""
    seen = set()
    node = parent_of.get(jabatan_id)
    while node is not None and node not in seen:
        seen.add(node)
        holder = holders.get(node)
        if holder is not None and holder != pegawai_id:
            return holder
        node = parent_of.get(node)
    return None


@transaction.atomic
def refresh_atasan(*, pegawai_ids=None) -> int:
    """Re-derive the atasan of every pegawai (or of the given ones) from the position tree.

    A vacant position is skipped: the holder of the next position up becomes the atasan.
    Pegawai whose atasan was set by hand keep it. Returns how many rows changed.
    """
    parent_of = dict(Jabatan.objects.values_list("pk", "atasan_id"))
    holders = _holders_by_jabatan()
    pegawai_qs = Pegawai.objects.filter(atasan_manual=False)
    if pegawai_ids is not None:
        pegawai_qs = pegawai_qs.filter(pk__in=pegawai_ids)
    changed = []
    for pegawai in pegawai_qs.only("pk", "jabatan_id", "atasan_id").iterator(chunk_size=2000):
        atasan_id = _derive(pegawai.jabatan_id, pegawai.pk, parent_of, holders)
        if atasan_id != pegawai.atasan_id:
            pegawai.atasan_id = atasan_id
            changed.append(pegawai)
    Pegawai.objects.bulk_update(changed, ["atasan"], batch_size=1000)
    return len(changed)


def save_pegawai(pegawai: Pegawai) -> Pegawai:
    """Save a pegawai from a form, then re-derive atasan for everyone (a new holder of a
    position changes the atasan of that position's subordinates)."""
    with transaction.atomic():
        if not pegawai.unit_id:
            pegawai.unit_id = pegawai.jabatan.unit_id
        pegawai.save()
        if pegawai.akun_id and pegawai.akun.is_active != pegawai.aktif:
            Pengguna.objects.filter(pk=pegawai.akun_id).update(is_active=pegawai.aktif)
        refresh_atasan()
    return pegawai


@transaction.atomic
def deactivate_pegawai(pegawai: Pegawai) -> Pegawai:
    """Mark the pegawai inactive, close their login, and hand their subordinates up the tree."""
    pegawai.aktif = False
    pegawai.save(update_fields=["aktif", "updated_at"])
    if pegawai.akun_id:
        Pengguna.objects.filter(pk=pegawai.akun_id).update(is_active=False)
    refresh_atasan()
    return pegawai


# --- units --------------------------------------------------------------------


@transaction.atomic
def save_unit(unit: UnitKerja) -> UnitKerja:
    """Save a unit; when it moved, rewrite the materialised path of its whole subtree."""
    old_path = UnitKerja.objects.filter(pk=unit.pk).values_list("path", flat=True).first() if unit.pk else None
    unit.save()
    if old_path and old_path != unit.path:
        rebuild_unit_paths()
    return unit


@transaction.atomic
def rebuild_unit_paths() -> int:
    """Recompute path, depth and OPD of every unit from `induk` (after moves and imports)."""
    rows = {pk: (induk_id, jenis) for pk, induk_id, jenis in UnitKerja.objects.values_list("pk", "induk_id", "jenis")}
    computed = {}

    def position(pk):
        if pk not in computed:
            induk_id, jenis = rows[pk]
            parent = position(induk_id) if induk_id else ("/", -1, None)
            opd_id = pk if jenis in UnitKerja.OPD_LEVEL else parent[2]
            computed[pk] = (f"{parent[0]}{pk}/", parent[1] + 1, opd_id)
        return computed[pk]

    changed = []
    for unit in UnitKerja.objects.only("pk", "path", "kedalaman", "opd_id"):
        path, depth, opd_id = position(unit.pk)
        if (unit.path, unit.kedalaman, unit.opd_id) != (path, depth, opd_id):
            unit.path, unit.kedalaman, unit.opd_id = path, depth, opd_id
            changed.append(unit)
    UnitKerja.objects.bulk_update(changed, ["path", "kedalaman", "opd"], batch_size=500)
    return len(changed)


# --- accounts -----------------------------------------------------------------

_PASSWORD_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "lI1O0o")


def generate_one_time_password(length: int = 10) -> str:
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))


@transaction.atomic
def issue_accounts(pegawai_list, *, reset_existing=False) -> list[tuple[Pegawai, str]]:
    """Give each active pegawai a login (username = NIP) with a one-time password.

    The first login forces a new password. Pegawai who already have an account are left
    alone unless `reset_existing`. Returns (pegawai, password) pairs to hand over once;
    the passwords are not stored anywhere in clear.
    """
    issued = []
    for pegawai in pegawai_list:
        if not pegawai.aktif or (pegawai.akun_id and not reset_existing):
            continue
        password = generate_one_time_password()
        account = (
            pegawai.akun
            or Pengguna.objects.filter(username=pegawai.nip).first()
            or Pengguna(username=pegawai.nip)
        )
        account.nama = pegawai.nama_lengkap
        account.email = account.email or pegawai.email
        account.harus_ganti_password = True
        account.is_active = True
        account.set_password(password)
        account.save()
        if pegawai.akun_id != account.pk:
            pegawai.akun = account
            pegawai.save(update_fields=["akun", "updated_at"])
        issued.append((pegawai, password))
    return issued


def change_password(form) -> Pengguna:
    """Save a valid PasswordChangeForm and lift the one-time-password obligation."""
    user = form.save(commit=False)
    user.harus_ganti_password = False
    user.save()
    return user


# --- imports ------------------------------------------------------------------


def import_dataset(resource, dataset):
    """All-or-nothing import: any bad row rolls back every row; returns the import result.

    After a clean import the derived data (unit paths, atasan) is brought up to date.
    """
    result = resource.import_data(
        dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
    )
    if not (result.has_errors() or result.has_validation_errors()):
        refresh_derived_after_import()
    return result


def refresh_derived_after_import():
    rebuild_unit_paths()
    refresh_atasan()


def row_errors(result) -> list[tuple[int, str]]:
    """(row number, reason) for every bad row of an import result, for display."""
    found = []
    for row in result.invalid_rows:
        for field, messages in row.error_dict.items():
            label = "" if field == "__all__" else f"{field}: "
            found += [(row.number, f"{label}{message}") for message in messages]
    for number, errors in result.row_errors():
        found += [(number, str(error.error)) for error in errors]
    return sorted(found)
