"""Internal surveys: replace the stored ASN account (Responden.pengguna) by a keyed hash of its id."""

import hashlib
import hmac

from django.conf import settings
from django.db import migrations, models
from django.db.models import Q


def account_fingerprint(account_id) -> str:
    # Same as services_survei.fingerprint(f"akun:{id}"); copied so the migration never changes.
    value = f"akun:{account_id}"
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def hash_accounts(apps, schema_editor):
    Responden = apps.get_model("organisasi", "Responden")
    for responden in Responden.objects.filter(pengguna__isnull=False).only("pk", "pengguna_id").iterator():
        Responden.objects.filter(pk=responden.pk).update(akun_hash=account_fingerprint(responden.pengguna_id))


class Migration(migrations.Migration):
    dependencies = [
        ("organisasi", "0004_pegawai_direktori_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="responden",
            name="akun_hash",
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name="sidik akun ASN"),
        ),
        migrations.RunPython(hash_accounts, migrations.RunPython.noop, elidable=True),
        migrations.RemoveConstraint(model_name="responden", name="responden_satu_per_akun"),
        migrations.RemoveField(model_name="responden", name="pengguna"),
        migrations.AddConstraint(
            model_name="responden",
            constraint=models.UniqueConstraint(
                condition=~Q(akun_hash=""), fields=("survei", "akun_hash"), name="responden_satu_per_akun"
            ),
        ),
    ]
