"""Spreadsheet column mapping for the needs register (export from the admin)."""

from import_export import fields, resources

from organisasi.models import Kebutuhan


class KebutuhanResource(resources.ModelResource):
    unit = fields.Field(attribute="unit__kode", column_name="kode_unit")
    unit_nama = fields.Field(attribute="unit__nama", column_name="unit_kerja")
    pemilik = fields.Field(attribute="pemilik__nip", column_name="nip_penanggung_jawab")

    class Meta:
        model = Kebutuhan
        fields = ["id", "judul", "unit", "unit_nama", "sumber", "deskripsi", "prioritas", "pemilik", "status", "bukti"]
        export_order = fields
