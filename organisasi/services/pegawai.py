"""Changes to pegawai: saving, deactivating, and deriving who is whose atasan."""

from django.db import transaction

from organisasi import permissions
from organisasi.models import Jabatan, Pegawai, Pengguna
from organisasi.models.pegawai import ATASAN_PATH_DIGITS
from organisasi.services.akun import close_inactive_accounts


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
    for pegawai in pegawai_qs.only("pk", "jabatan_id", "atasan_id").iterator(
        chunk_size=2000
    ):
        atasan_id = _derive(pegawai.jabatan_id, pegawai.pk, parent_of, holders)
        if atasan_id != pegawai.atasan_id:
            pegawai.atasan_id = atasan_id
            changed.append(pegawai)
    Pegawai.objects.bulk_update(changed, ["atasan"], batch_size=1000)
    rebuild_atasan_paths()
    return len(changed)


@transaction.atomic
def rebuild_atasan_paths() -> int:
    """Recompute every pegawai's place in the atasan tree (`atasan_path`) from `atasan`.

    One read of (id, atasan) for the whole city and a bulk update of the paths that changed;
    a cycle (refused elsewhere) is cut where it closes. Returns how many paths changed.
    """
    rows, stored, computed = {}, {}, {}
    for pk, atasan_id, path in Pegawai.objects.values_list(
        "pk", "atasan_id", "atasan_path"
    ).iterator(chunk_size=5000):
        rows[pk], stored[pk] = atasan_id, path
    for start in rows:
        chain, node = [], start
        while node is not None and node not in computed and node not in chain:
            chain.append(node)
            node = rows.get(node)
        path = computed[node] if node in computed else "/"
        for pk in reversed(chain):
            path = f"{path}{pk:0{ATASAN_PATH_DIGITS}d}/"
            computed[pk] = path
    changed = [
        Pegawai(pk=pk, atasan_path=path)
        for pk, path in computed.items()
        if stored[pk] != path
    ]
    Pegawai.objects.bulk_update(changed, ["atasan_path"], batch_size=1000)
    return len(changed)


def save_pegawai(pegawai: Pegawai) -> Pegawai:
    """Save a pegawai from a form, then re-derive atasan for everyone (a new holder of a
    position changes the atasan of that position's subordinates). The login follows the
    pegawai: its username is the NIP and it is open only while the pegawai is active (a closed
    special account is reopened only by a superuser, in the admin)."""
    with transaction.atomic():
        if not pegawai.unit_id:
            pegawai.unit_id = pegawai.jabatan.unit_id
        pegawai.save()
        if pegawai.akun_id:
            account = Pengguna.objects.filter(pk=pegawai.akun_id)
            account.update(username=pegawai.nip)
            if not pegawai.aktif:
                account.update(is_active=False)
            else:  # a special account closed by a superuser stays closed (permissions.can_change_account)
                account.exclude(permissions.special_accounts_q()).update(is_active=True)
        refresh_atasan()
    return pegawai


def correct_atasan(pegawai: Pegawai, *, alasan: str) -> Pegawai:
    """Save a hand-corrected atasan (or its return to the structure) through save_pegawai,
    with the reason on the pegawai's history record."""
    if not pegawai.atasan_manual:
        pegawai.atasan = None  # refresh_atasan derives it from the positions again
    pegawai._change_reason = alasan
    return save_pegawai(pegawai)


def deactivate_pegawai(pegawai: Pegawai) -> Pegawai:
    """Mark the pegawai inactive, close their login, and hand their subordinates up the tree."""
    deactivate_pegawai_list([pegawai])
    return pegawai


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
