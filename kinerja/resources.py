"""Spreadsheet column mapping: the calendar (import and export) and activities (export only).

Activities and realisations are not imported: their states change only through the services.
Natural keys (tanggal; NIP + mulai) make a second import of the same file update rows.
"""

from import_export import fields, resources, widgets

from kinerja.models import Aktivitas, Cuti, HariLibur, Realisasi
from organisasi.models import Pegawai


class HariLiburResource(resources.ModelResource):
    tanggal = fields.Field(
        attribute="tanggal",
        column_name="Tanggal",
        widget=widgets.DateWidget("%Y-%m-%d"),
    )
    nama = fields.Field(attribute="nama", column_name="Nama")
    jenis = fields.Field(attribute="jenis", column_name="Jenis")

    class Meta:
        model = HariLibur
        fields = ["tanggal", "nama", "jenis"]
        import_id_fields = ["tanggal"]
        skip_unchanged = True


class CutiResource(resources.ModelResource):
    pegawai = fields.Field(
        attribute="pegawai",
        column_name="NIP",
        widget=widgets.ForeignKeyWidget(Pegawai, "nip"),
    )
    jenis = fields.Field(attribute="jenis", column_name="Jenis")
    mulai = fields.Field(
        attribute="mulai", column_name="Mulai", widget=widgets.DateWidget("%Y-%m-%d")
    )
    selesai = fields.Field(
        attribute="selesai",
        column_name="Selesai",
        widget=widgets.DateWidget("%Y-%m-%d"),
    )
    keterangan = fields.Field(attribute="keterangan", column_name="Keterangan")

    class Meta:
        model = Cuti
        fields = ["pegawai", "jenis", "mulai", "selesai", "keterangan"]
        import_id_fields = ["pegawai", "mulai"]
        skip_unchanged = True


class AktivitasResource(resources.ModelResource):
    nip = fields.Field(attribute="pegawai__nip", column_name="NIP", readonly=True)
    nama = fields.Field(attribute="pegawai__nama", column_name="Nama", readonly=True)
    tanggal = fields.Field(attribute="tanggal", column_name="Tanggal", readonly=True)
    jam_mulai = fields.Field(
        attribute="jam_mulai", column_name="Jam mulai", readonly=True
    )
    jam_selesai = fields.Field(
        attribute="jam_selesai", column_name="Jam selesai", readonly=True
    )
    menit = fields.Field(attribute="menit", column_name="Menit", readonly=True)
    rhk = fields.Field(attribute="rhk__uraian", column_name="RHK", readonly=True)
    uraian = fields.Field(attribute="uraian", column_name="Uraian", readonly=True)
    kuantitas_output = fields.Field(
        attribute="kuantitas_output", column_name="Kuantitas output", readonly=True
    )
    satuan_output = fields.Field(
        attribute="satuan_output", column_name="Satuan output", readonly=True
    )
    status = fields.Field(attribute="status", column_name="Status", readonly=True)

    class Meta:
        model = Aktivitas
        fields = [
            "nip",
            "nama",
            "tanggal",
            "jam_mulai",
            "jam_selesai",
            "menit",
            "rhk",
            "uraian",
            "kuantitas_output",
            "satuan_output",
            "status",
        ]

    def get_queryset(self):
        return super().get_queryset().select_related("pegawai", "rhk")


class RealisasiResource(resources.ModelResource):
    nip = fields.Field(attribute="pegawai__nip", column_name="NIP", readonly=True)
    iki = fields.Field(attribute="iki__uraian", column_name="IKI", readonly=True)
    periode = fields.Field(
        attribute="periode_penilaian", column_name="Periode", readonly=True
    )
    nilai = fields.Field(attribute="nilai", column_name="Realisasi", readonly=True)
    narasi = fields.Field(attribute="narasi", column_name="Narasi", readonly=True)
    status = fields.Field(attribute="status", column_name="Status", readonly=True)

    class Meta:
        model = Realisasi
        fields = ["nip", "iki", "periode", "nilai", "narasi", "status"]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("pegawai", "iki", "periode_penilaian__periode")
        )
