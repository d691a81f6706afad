from django.conf import settings
from django.core.management.base import BaseCommand

from indikator import demo as indikator_demo
from kinerja import demo as kinerja_demo
from organisasi import demo as organisasi_demo
from organisasi.demo import survei as survei_demo


class Command(BaseCommand):
    help = "Isi data demo Kota Samarinda (aman dijalankan berulang kali)."

    def handle(self, *args, **options):
        # Each app's demo, in the order of the apps: later demos build on the earlier ones.
        accounts = organisasi_demo.seed(stdout=self.stdout)
        survei_demo.seed(stdout=self.stdout)
        self.stdout.write("  data demo organisasi: selesai")
        indikator_demo.seed(stdout=self.stdout)
        self.stdout.write("  data demo indikator: selesai")
        kinerja_demo.seed(stdout=self.stdout)
        self.stdout.write("  data demo kinerja harian: selesai")
        self.stdout.write(
            self.style.SUCCESS(
                f"\nAkun demo (kata sandi semua akun: {settings.DEMO_PASSWORD})"
            )
        )
        for account in accounts:
            self.stdout.write(
                f"  {account['role']:<10} {account['nip']:<20} {account['nama']} — {account['keterangan']}"
            )
