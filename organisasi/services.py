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
    position changes the atasan of that position's subordinates). The login follows the
    pegawai: its username is the NIP and it is open only while the pegawai is active."""
    with transaction.atomic():
        if not pegawai.unit_id:
            pegawai.unit_id = pegawai.jabatan.unit_id
        pegawai.save()
        if pegawai.akun_id:
            Pengguna.objects.filter(pk=pegawai.akun_id).update(username=pegawai.nip, is_active=pegawai.aktif)
        refresh_atasan()
    return pegawai


def deactivate_pegawai(pegawai: Pegawai) -> Pegawai:
    """Mark the pegawai inactive, close their login, and hand their subordinates up the tree."""
    deactivate_pegawai_list([pegawai])
    return pegawai


@transaction.atomic
def save_jabatan(jabatan: Jabatan) -> Jabatan:
    """Save a position; its place in the tree decides who is whose atasan, so re-derive."""
    jabatan.save()
    refresh_atasan()
    return jabatan


@transaction.atomic
def deactivate_pegawai_list(pegawai_list) -> int:
    """Deactivate several pegawai at once (one re-derivation of atasan for all of them)."""
    count = 0
    for pegawai in pegawai_list:
        pegawai.aktif = False
        pegawai.save(update_fields=["aktif", "updated_at"])
        count += 1
    close_inactive_accounts()
    refresh_atasan()
    return count


def close_inactive_accounts() -> int:
    """Logins of inactive pegawai are closed (after deactivation, imports, admin edits)."""
    return Pengguna.objects.filter(pegawai__aktif=False, is_active=True).update(is_active=False)


# --- units --------------------------------------------------------------------


@transaction.atomic
def save_unit(unit: UnitKerja) -> UnitKerja:
    """Save a unit; when it moved or became (or stopped being) an OPD, rewrite the path and
    OPD of its whole subtree."""
    before = UnitKerja.objects.filter(pk=unit.pk).values_list("path", "jenis").first() if unit.pk else None
    unit.save()
    if before and before != (unit.path, unit.jenis):
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


def _account_problem(pegawai, *, reset_existing, by):
    """Why issuing a one-time password for this pegawai would be wrong, or "" when it is fine."""
    if not pegawai.aktif:
        return "pegawai nonaktif"
    if pegawai.akun_id is None:
        if Pengguna.objects.filter(username=pegawai.nip).exists():
            return "sudah ada akun dengan NIP ini yang tidak terhubung ke pegawai; periksa di admin"
        return ""
    if not reset_existing:
        return "sudah punya akun"
    account = pegawai.akun
    if account.pk == by.pk or account.is_staff or account.is_superuser or account.peran != Pengguna.Peran.PEGAWAI:
        return "akun berperan khusus; ganti kata sandinya lewat admin"
    return ""


@transaction.atomic
def issue_accounts(pegawai_list, *, by, reset_existing=False):
    """Give each active pegawai a login (username = NIP) with a one-time password.

    The first login forces a new password. Existing accounts are reset only on request, and
    never those with a special role (staff, superuser, pengelola, BKPSDM, pimpinan) nor the
    requester's own. Returns (issued, skipped): (pegawai, password) pairs to hand over once
    (not stored in clear anywhere), and (pegawai, reason) pairs.
    """
    issued, skipped = [], []
    for pegawai in pegawai_list:
        problem = _account_problem(pegawai, reset_existing=reset_existing, by=by)
        if problem:
            skipped.append((pegawai, problem))
            continue
        password = generate_one_time_password()
        account = pegawai.akun or Pengguna(username=pegawai.nip)
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
    return issued, skipped


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
    with transaction.atomic():
        result = resource.import_data(
            dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
        )
        if not (result.has_errors() or result.has_validation_errors()):
            refresh_derived_after_import()
    return result


def refresh_derived_after_import():
    """Unit paths, logins of pegawai marked inactive, and atasan, after rows changed in bulk."""
    rebuild_unit_paths()
    close_inactive_accounts()
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
