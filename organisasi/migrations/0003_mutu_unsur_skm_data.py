"""The SKM quality bands and the nine SKM unsur of PermenPANRB 14/2017, as data."""

from decimal import Decimal

from django.db import migrations

MUTU = [
    ("D", "Tidak baik", "25.00", "64.99"),
    ("C", "Kurang baik", "65.00", "76.60"),
    ("B", "Baik", "76.61", "88.30"),
    ("A", "Sangat baik", "88.31", "100.00"),
]

# The regulation's list order (8 = pengaduan, 9 = sarana); wording from its sample questionnaire.
UNSUR = [
    (1, "Persyaratan",
     "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
     ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
    (2, "Sistem, Mekanisme, dan Prosedur",
     "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
     ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"]),
    (3, "Waktu Penyelesaian",
     "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
     ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]),
    (4, "Biaya/Tarif",
     "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
     ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]),
    (5, "Produk Spesifikasi Jenis Pelayanan",
     "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
     "pelayanan dengan hasil yang diberikan?",
     ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
    (6, "Kompetensi Pelaksana",
     "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
     ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"]),
    (7, "Perilaku Pelaksana",
     "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
     ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"]),
    (8, "Penanganan Pengaduan, Saran dan Masukan",
     "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
     ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"]),
    (9, "Sarana dan Prasarana",
     "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
     ["Buruk", "Cukup", "Baik", "Sangat baik"]),
]


def add_data(apps, schema_editor):
    MutuPelayanan = apps.get_model("organisasi", "MutuPelayanan")
    UnsurSkm = apps.get_model("organisasi", "UnsurSkm")
    for mutu, kinerja, bawah, atas in MUTU:
        MutuPelayanan.objects.update_or_create(
            mutu=mutu, defaults={"kinerja": kinerja, "batas_bawah": Decimal(bawah), "batas_atas": Decimal(atas)}
        )
    for urutan, nama, pertanyaan, pilihan in UNSUR:
        UnsurSkm.objects.update_or_create(
            urutan=urutan, defaults={"nama": nama, "pertanyaan": pertanyaan, "pilihan": pilihan}
        )


def remove_data(apps, schema_editor):
    apps.get_model("organisasi", "MutuPelayanan").objects.all().delete()
    apps.get_model("organisasi", "UnsurSkm").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("organisasi", "0002_survei_kebutuhan")]

    operations = [migrations.RunPython(add_data, remove_data)]
