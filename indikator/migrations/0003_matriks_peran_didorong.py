from django.db import migrations, models
from django.db.models import F


def remember_pushed_text(apps, schema_editor):
    # Cells pushed before this field existed: assume the current text was the last one pushed,
    # so an RHK the bawahan already changed is treated as theirs.
    MatriksPeranHasil = apps.get_model("indikator", "MatriksPeranHasil")
    MatriksPeranHasil.objects.filter(rhk__isnull=False).update(peran_didorong=F("peran_hasil"))


class Migration(migrations.Migration):
    dependencies = [
        ("indikator", "0002_berakhlak"),
    ]

    operations = [
        migrations.AddField(
            model_name="matriksperanhasil",
            name="peran_didorong",
            field=models.TextField(blank=True, verbose_name="peran hasil terakhir didorong"),
        ),
        migrations.RunPython(remember_pushed_text, migrations.RunPython.noop),
    ]
