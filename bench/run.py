"""`make bench`: the numbers of DESIGN.md §8 that exist so far, measured, not asserted.

On PostgreSQL (DATABASE_URL) it works in a separate database `<name>_bench`, created afresh:
migrate, seed_demo, seed_scale --pegawai N, then
- key pages under load: gunicorn with 2 workers, 10 concurrent clients, p50/p95 per page and
  the ratio to a bare authenticated page (the password-change form) measured in the same run;
- queries per page (constant in N is asserted by the test suite; here the figure is shown);
- full re-derivation of atasan for the city, and the import of N pegawai from xlsx with full
  validation (all-or-nothing).
Results are printed and written to var/bench.json.
"""

import io
import json
import os
import resource
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))
PEGAWAI = int(os.environ.get("BENCH_PEGAWAI", "12000"))
CLIENTS, REQUESTS_PER_CLIENT, PORT = 10, 20, int(os.environ.get("BENCH_PORT", "8765"))


def use_bench_database():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print(
            "PERINGATAN: DATABASE_URL bukan PostgreSQL; angka dari SQLite tidak mewakili produksi."
        )
        os.environ["DATABASE_URL"] = f"sqlite:///{BASE_DIR / 'var' / 'bench.sqlite3'}"
        (BASE_DIR / "var" / "bench.sqlite3").unlink(missing_ok=True)
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    bench_name = f"{name.split('?')[0]}_bench"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{bench_name}"')
        conn.execute(f'CREATE DATABASE "{bench_name}"')
    os.environ["DATABASE_URL"] = f"{base}/{bench_name}"


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault(
        "SECRET_KEY", secrets.token_urlsafe(64)
    )  # production settings refuse the dev key
    os.environ.update(
        {
            "DEBUG": "false",
            "SECURE_COOKIES": "false",
            "AXES_ENABLED": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        }
    )
    import django

    django.setup()


def timed(label, function):
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    print(f"  {label}: {seconds:.2f} s")
    return seconds, result


def prepare():
    from django.core.management import call_command

    devnull = open(os.devnull, "w")
    timed(
        "collectstatic",
        lambda: call_command("collectstatic", interactive=False, verbosity=0),
    )
    timed("migrate", lambda: call_command("migrate", verbosity=0))
    timed("seed_demo", lambda: call_command("seed_demo", stdout=devnull))
    timed(
        f"seed_scale --pegawai {PEGAWAI}",
        lambda: call_command("seed_scale", pegawai=PEGAWAI, stdout=devnull),
    )
    timed(
        "seed_kinerja_scale --months 3",
        lambda: call_command("seed_kinerja_scale", months=3, stdout=devnull),
    )


def sessions():
    """A logged-in session per role, on the scale data (plus the demo for the pages that need it)."""
    from django.contrib.sessions.backends.db import SessionStore

    from organisasi.models import Pegawai, Pengguna, UnitKerja

    atasan = Pegawai.objects.filter(
        jabatan__kode__endswith="-00-KEPALA", unit__kode__startswith="SCALE-00"
    ).first()
    staf = atasan.bawahan.first()
    pengelola = (
        Pegawai.objects.filter(unit__kode="SCALE-01-00").exclude(pk=atasan.pk).first()
    )
    Pengguna.objects.filter(pk=pengelola.akun_id).update(
        peran="pengelola_opd", opd_dikelola=UnitKerja.objects.get(kode="SCALE-01")
    )
    admin = Pegawai.objects.filter(unit__kode="SCALE-02-00").first()
    Pengguna.objects.filter(pk=admin.akun_id).update(peran="admin_bkpsdm")
    keys = {}
    for role, pegawai in {
        "pegawai": staf,
        "atasan": atasan,
        "pengelola": pengelola,
        "admin": admin,
    }.items():
        user = Pengguna.objects.get(pk=pegawai.akun_id)
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store["_auth_user_backend"] = "organisasi.backends.PegawaiAktifBackend"
        store["_auth_user_hash"] = user.get_session_auth_hash()
        store.create()
        keys[role] = (user, store.session_key)
    global PAGES
    PAGES = [(label, role, path.format(staf=staf.pk)) for label, role, path in PAGES]
    return keys


PAGES = [
    ("kosong (kata sandi)", "pegawai", "/accounts/kata-sandi/"),
    ("beranda ASN", "pegawai", "/"),
    ("beranda atasan", "atasan", "/"),
    ("direktori (kota)", "admin", "/organisasi/pegawai/"),
    ("cari direktori", "admin", "/organisasi/pegawai/?q=Pegawai+1"),
    ("profil pegawai", "atasan", "/organisasi/pegawai/{staf}/"),
    ("SKP bawahan", "atasan", "/indikator/skp/bawahan/"),
    ("indikator unit", "pengelola", "/indikator/"),
    ("struktur organisasi", "admin", "/organisasi/unit/"),
    ("aktivitas hari ini", "pegawai", "/kinerja/"),
    ("minggu aktivitas", "pegawai", "/kinerja/minggu/"),
    ("kalender bulan", "pegawai", "/kinerja/bulan/"),
    ("aktivitas bawahan", "atasan", "/kinerja/tim/{staf}/"),
]


def query_counts(keys):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for label, role, path in PAGES:
        client = Client()
        client.force_login(keys[role][0])
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        counts[label] = (status, len(queries))
    return counts


def load(path, session_key, results):
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", f"sessionid={session_key}")]
    for _ in range(REQUESTS_PER_CLIENT):
        start = time.perf_counter()
        with opener.open(f"http://127.0.0.1:{PORT}{path}") as response:
            response.read()
            assert response.status == 200, (path, response.status)
        results.append(time.perf_counter() - start)


def measure_pages(keys):
    server = subprocess.Popen(
        [
            str(BASE_DIR / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=os.environ.copy(),
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        figures = {}
        for label, role, path in PAGES:
            results = []
            threads = [
                threading.Thread(target=load, args=(path, keys[role][1], results))
                for _ in range(CLIENTS)
            ]
            load(path, keys[role][1], [])  # warm up
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            results.sort()
            figures[label] = {
                "p50_ms": round(statistics.median(results) * 1000, 1),
                "p95_ms": round(results[int(len(results) * 0.95) - 1] * 1000, 1),
                "requests": len(results),
            }
        return figures
    finally:
        server.terminate()
        server.wait(10)


def import_workbook(n):
    """An xlsx of n new pegawai in the scale units (valid NIPs), as BKPSDM would upload it."""
    import random

    from openpyxl import Workbook

    from organisasi import demo
    from organisasi.models import Jabatan, Pegawai

    rng, sequence = random.Random(7), {}
    for nip in Pegawai.objects.values_list(
        "nip", flat=True
    ):  # continue the existing sequences
        sequence[nip[:15]] = max(sequence.get(nip[:15], 0), int(nip[15:]))
    staf = list(
        Jabatan.objects.filter(
            kode__startswith="SCALE-", kode__endswith="-STAF"
        ).values_list("kode", flat=True)
    )
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["NIP", "Nama", "Status", "Golongan", "Kode Jabatan", "Kode Unit"])
    for index in range(n):
        nip = demo.unique_nip(
            demo.make_nip("pns", "pelaksana", index % 2 == 0, rng), sequence
        )
        sheet.append(
            [nip, f"Impor {index}", "PNS", "II/c", staf[index % len(staf)], ""]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main():
    use_bench_database()
    setup_django()
    import tablib

    from organisasi import services
    from organisasi.resources import PegawaiResource

    print(f"Menyiapkan data ({os.environ['DATABASE_URL'].split('@')[-1]}):")
    prepare()
    keys = sessions()
    counts = query_counts(keys)
    print(
        f"\nHalaman di bawah beban ({CLIENTS} klien bersamaan, gunicorn 2 worker, {PEGAWAI} pegawai):"
    )
    pages = measure_pages(keys)
    baseline = pages["kosong (kata sandi)"]["p95_ms"]
    print(f"  {'halaman':<22} {'p50 ms':>8} {'p95 ms':>8} {'× kosong':>9} {'query':>6}")
    for label, figure in pages.items():
        figure["ratio_p95"] = round(figure["p95_ms"] / baseline, 2)
        figure["queries"] = counts[label][1]
        print(
            f"  {label:<22} {figure['p50_ms']:>8} {figure['p95_ms']:>8} {figure['ratio_p95']:>9} {figure['queries']:>6}"
        )

    print("\nPekerjaan latar dan impor:")
    atasan_seconds, _ = timed(
        f"refresh_atasan seluruh kota ({PEGAWAI} pegawai)", services.refresh_atasan
    )
    workbook = import_workbook(PEGAWAI)
    dataset = tablib.Dataset().load(workbook, format="xlsx")
    import_seconds, result = timed(
        f"impor {PEGAWAI} pegawai dari xlsx (validasi penuh)",
        lambda: services.import_dataset(PegawaiResource(), dataset),
    )
    bad = len(result.errors)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  baris ditolak: {bad}; memori puncak proses: {peak_mb:.0f} MB")
    report = {
        "pegawai": PEGAWAI,
        "pages": pages,
        "refresh_atasan_s": round(atasan_seconds, 2),
        "import_s": round(import_seconds, 2),
        "import_rows_refused": bad,
        "peak_rss_mb": round(peak_mb),
    }
    (BASE_DIR / "var" / "bench.json").write_text(json.dumps(report, indent=2))
    print("\nHasil tersimpan di var/bench.json")


if __name__ == "__main__":
    main()
