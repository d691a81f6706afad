"""The 7 BerAKHLAK core values with their 3 behaviour guides (SE MenPANRB 20/2021, domain.md §1.5).

Not copied from the Tulungagung seed, which has two copy errors (Kompeten c, Adaptif c).
"""

from django.db import migrations

BERAKHLAK = [
    ("Berorientasi Pelayanan", "Komitmen memberikan pelayanan prima demi kepuasan masyarakat", [
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    ]),
    ("Akuntabel", "Bertanggung jawab atas kepercayaan yang diberikan", [
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    ]),
    ("Kompeten", "Terus belajar dan mengembangkan kapabilitas", [
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    ]),
    ("Harmonis", "Saling peduli dan menghargai perbedaan", [
        "Menghargai setiap orang apa pun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    ]),
    ("Loyal", "Berdedikasi dan mengutamakan kepentingan bangsa dan negara", [
        "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
        "Menjaga rahasia jabatan dan negara",
    ]),
    ("Adaptif", "Terus berinovasi dan antusias dalam menggerakkan serta menghadapi perubahan", [
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    ]),
    ("Kolaboratif", "Membangun kerja sama yang sinergis", [
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
    ]),
]


def seed(apps, schema_editor):
    PerilakuKerja = apps.get_model("indikator", "PerilakuKerja")
    PanduanPerilaku = apps.get_model("indikator", "PanduanPerilaku")
    for urutan, (nama, definisi, panduan) in enumerate(BERAKHLAK, start=1):
        perilaku, _ = PerilakuKerja.objects.update_or_create(
            urutan=urutan, defaults={"nama": nama, "definisi": definisi}
        )
        for nomor, uraian in enumerate(panduan, start=1):
            PanduanPerilaku.objects.update_or_create(perilaku=perilaku, urutan=nomor, defaults={"uraian": uraian})


class Migration(migrations.Migration):
    dependencies = [("indikator", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
