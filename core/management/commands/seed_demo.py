import importlib
import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Isi data demo Kota Samarinda (aman dijalankan berulang kali)."

    def handle(self, *args, **options):
        # Each app may own a `demo` module with `seed(stdout)`; they run in dependency order,
        # so this command needs no import against the direction of the apps.
        accounts = []
        for app in settings.LOCAL_APPS:
            if importlib.util.find_spec(f"{app}.demo") is None:
                continue
            result = importlib.import_module(f"{app}.demo").seed(stdout=self.stdout)
            if app == "organisasi":
                accounts = result
            self.stdout.write(f"  data demo {app}: selesai")
        self.stdout.write(self.style.SUCCESS(f"\nAkun demo (kata sandi semua akun: {settings.DEMO_PASSWORD})"))
        for account in accounts:
            self.stdout.write(f"  {account['role']:<10} {account['nip']:<20} {account['nama']} — {account['keterangan']}")
