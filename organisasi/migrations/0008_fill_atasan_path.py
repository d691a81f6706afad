"""Fill the derived Pegawai.atasan_path for existing rows (no other column is touched)."""

from django.db import migrations

DIGITS = 8  # as organisasi.models.pegawai.ATASAN_PATH_DIGITS; copied so the migration never changes


def fill_atasan_path(apps, schema_editor):
    Pegawai = apps.get_model("organisasi", "Pegawai")
    rows = dict(Pegawai.objects.values_list("pk", "atasan_id"))
    computed = {}
    for start in rows:
        chain, node = [], start
        while node is not None and node not in computed and node not in chain:
            chain.append(node)
            node = rows.get(node)
        path = computed[node] if node in computed else "/"
        for pk in reversed(chain):
            path = f"{path}{pk:0{DIGITS}d}/"
            computed[pk] = path
    Pegawai.objects.bulk_update(
        [Pegawai(pk=pk, atasan_path=path) for pk, path in computed.items()], ["atasan_path"], batch_size=1000
    )


class Migration(migrations.Migration):

    dependencies = [
        ("organisasi", "0007_pegawai_atasan_path"),
    ]

    operations = [
        migrations.RunPython(fill_atasan_path, migrations.RunPython.noop),
    ]
