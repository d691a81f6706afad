"""Internal surveys: who answered moves out of Responden into PartisipasiSurvei, unlinkable.

Existing `akun_hash` values are matched against every account (keyed hash, as migration 0005
wrote them) and become participations, created in random order so their row order pairs them
with nothing; a hash that matches no account is dropped (that ASN could answer once more). The
internal respondents keep only the date they answered and lose their ticket and address hashes.
The column is then dropped: the rows can never be re-linked.
"""

import datetime
import hashlib
import hmac
import random
import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def account_fingerprint(account_id) -> str:
    # As migration 0005 computed it; copied so this migration never changes.
    value = f"akun:{account_id}"
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def participations(hashes, *, account_ids) -> list[tuple[int, int]]:
    """(survei id, account id) for every (survei id, akun_hash) that matches an account, shuffled."""
    hashes = list(hashes)
    if not hashes:
        return []
    account_of = {account_fingerprint(account_id): account_id for account_id in account_ids}
    found = {(survei_id, account_of[akun_hash]) for survei_id, akun_hash in hashes if akun_hash in account_of}
    pairs = sorted(found)
    random.SystemRandom().shuffle(pairs)
    return pairs


def move_hashes(apps, schema_editor):
    Responden = apps.get_model("organisasi", "Responden")
    Pengguna = apps.get_model("organisasi", "Pengguna")
    PartisipasiSurvei = apps.get_model("organisasi", "PartisipasiSurvei")
    hashes = Responden.objects.exclude(akun_hash="").values_list("survei_id", "akun_hash")
    pairs = participations(hashes, account_ids=Pengguna.objects.values_list("pk", flat=True).iterator())
    PartisipasiSurvei.objects.bulk_create(
        [PartisipasiSurvei(id=uuid.uuid4(), survei_id=survei_id, pengguna_id=pengguna_id) for survei_id, pengguna_id in pairs],
        batch_size=2000,
    )
    internal = Responden.objects.filter(models.Q(survei__internal=True) | ~models.Q(akun_hash=""))
    changed = []
    for responden in internal.only("pk", "diisi_pada").iterator(chunk_size=2000):
        day = timezone.localtime(responden.diisi_pada).date()
        responden.diisi_pada = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        responden.sesi_hash = responden.ip_hash = responden.akun_hash = ""
        changed.append(responden)
    Responden.objects.bulk_update(changed, ["diisi_pada", "sesi_hash", "ip_hash", "akun_hash"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("organisasi", "0008_fill_atasan_path"),
    ]

    operations = [
        migrations.CreateModel(
            name="PartisipasiSurvei",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                (
                    "pengguna",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL,
                        verbose_name="pengguna",
                    ),
                ),
                (
                    "survei",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="organisasi.survei", verbose_name="survei"
                    ),
                ),
            ],
            options={
                "verbose_name": "partisipasi survei",
                "verbose_name_plural": "partisipasi survei",
                "constraints": [
                    models.UniqueConstraint(fields=("survei", "pengguna"), name="partisipasi_satu_per_akun")
                ],
            },
        ),
        migrations.RunPython(move_hashes, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="responden", name="responden_satu_per_akun"),
        migrations.RemoveField(model_name="responden", name="akun_hash"),
    ]
