"""Column mapping of the spreadsheets whose rows are models: sasaran strategis and unit indicators.

Natural keys (kode, kode + tahun) make a second import of the same file update rows. The other
models have no spreadsheet of their own; the admin exports them with import-export's default
resource. The SKP's RHK/IKI sheet is one row per IKI with its RHK, built in spreadsheets.py.
"""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from core.angka import parse_angka
from indikator.models import IndikatorKinerja, Polaritas, SasaranStrategis
from organisasi.models import UnitKerja
from organisasi.resources import KodeWidget, PilihanWidget


class AngkaWidget(widgets.DecimalWidget):
    """A number as Indonesians write it ("0,5", "1.250,75"; core.angka), refused when ambiguous."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, "") or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return parse_angka(value)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None


class SasaranStrategisResource(resources.ModelResource):
    kode = fields.Field(attribute="kode", column_name="Kode Sasaran")
    unit = fields.Field(
        attribute="unit",
        column_name="Kode Unit",
        widget=KodeWidget(UnitKerja, label="unit"),
    )
    nama = fields.Field(attribute="nama", column_name="Sasaran Strategis")

    class Meta:
        model = SasaranStrategis
        fields = ["kode", "unit", "nama"]
        import_id_fields = ["kode"]
        skip_unchanged = True
        clean_model_instances = True
        use_transactions = True


class IndikatorKinerjaResource(resources.ModelResource):
    sasaran = fields.Field(
        attribute="sasaran",
        column_name="Kode Sasaran",
        widget=KodeWidget(SasaranStrategis, label="sasaran strategis"),
    )
    kode = fields.Field(attribute="kode", column_name="Kode Indikator")
    nama = fields.Field(attribute="nama", column_name="Indikator Kinerja")
    dokumen = fields.Field(
        attribute="dokumen",
        column_name="Dokumen",
        widget=PilihanWidget(IndikatorKinerja.Dokumen.choices, "Dokumen"),
    )
    tahun = fields.Field(
        attribute="tahun", column_name="Tahun", widget=widgets.IntegerWidget()
    )
    satuan = fields.Field(attribute="satuan", column_name="Satuan")
    polaritas = fields.Field(
        attribute="polaritas",
        column_name="Polaritas",
        widget=PilihanWidget(Polaritas.choices, "Polaritas"),
    )
    target = fields.Field(
        attribute="target", column_name="Target", widget=AngkaWidget()
    )
    target_atas = fields.Field(
        attribute="target_atas", column_name="Target Atas", widget=AngkaWidget()
    )

    class Meta:
        model = IndikatorKinerja
        fields = [
            "sasaran",
            "kode",
            "nama",
            "dokumen",
            "tahun",
            "satuan",
            "polaritas",
            "target",
            "target_atas",
        ]
        import_id_fields = ["kode", "tahun"]
        skip_unchanged = True
        clean_model_instances = True
        use_transactions = True

    def before_import_row(self, row, **kwargs):
        for column, default in (("Dokumen", "iku"), ("Polaritas", "naik")):
            if row.get(column) in (None, ""):
                row[column] = default
