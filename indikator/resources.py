"""Column mapping of the spreadsheets whose rows are models: sasaran strategis and unit indicators.

Natural keys (kode, kode + tahun) make a second import of the same file update rows; a file
that names one key on two rows is refused with both rows named (import-export would merge
them silently). The other models have no spreadsheet of their own; the admin exports them
with import-export's default resource. The SKP's RHK/IKI sheet is one row per IKI with its
RHK, built in spreadsheets/skp.py.

Text cells left empty read as "" (never None: a NOT NULL text column refuses None on
PostgreSQL); numbers read the Indonesian way (core.angka).
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from core.angka import parse_angka
from core.imports import sheet_row
from indikator.models import IndikatorKinerja, Periode, Polaritas, SasaranStrategis
from organisasi.models import UnitKerja
from organisasi.resources import KodeWidget, PilihanWidget


def cell_text(value) -> str:
    """A key cell as text: 2026.0 (a number Excel stored as float) → "2026", spaces trimmed, None → ""."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


class AngkaWidget(widgets.DecimalWidget):
    """A number as Indonesians write it ("0,5", "1.250,75"; core.angka), refused when ambiguous."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, "") or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return parse_angka(value)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None


class BilanganBulatWidget(widgets.IntegerWidget):
    """A whole number ("2026", "1.250"); "2026,5" is refused instead of being cut to 2026."""

    def clean(self, value, row=None, **kwargs):
        number = AngkaWidget().clean(value)
        if number is None:
            return None
        if number != number.to_integral_value():
            raise ValueError(f"“{value}” bukan bilangan bulat.")
        return int(number)


def _text(attribute, column_name):
    return fields.Field(
        attribute=attribute,
        column_name=column_name,
        widget=widgets.CharWidget(allow_blank=True),
    )


class _OneRowPerKey:
    """Rows found by their natural key: a key cell that cannot be read is an error of its column,
    and every row whose key another row of the same file also names is refused (both rows named)."""

    key_fields: tuple[str, ...] = ()

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        columns = [self.fields[name].column_name for name in self.key_fields]
        rows_by_key = defaultdict(list)
        for index, row in enumerate(dataset.dict):
            key = tuple(cell_text(row.get(column)) for column in columns)
            if all(key):
                rows_by_key[key].append(sheet_row(index))
        self._same_key = {
            number: (
                " tahun ".join(key),
                [other for other in numbers if other != number],
            )
            for key, numbers in rows_by_key.items()
            if len(numbers) > 1
            for number in numbers
        }

    def get_instance(self, instance_loader, row):
        errors = {}
        for name in self.get_import_id_fields():
            try:
                self.fields[name].clean(row)
            except ValueError as error:
                errors[name] = str(error)
        if errors:
            raise ValidationError(errors)
        return super().get_instance(instance_loader, row)

    def row_problems(self, instance, number: int) -> dict[str, str]:
        """Errors of this row beyond its own cells: field name → message (empty when none)."""
        if number not in self._same_key:
            return {}
        key, others = self._same_key[number]
        return {
            self.key_fields[
                0
            ]: f"Kode {key} juga ada di baris {', '.join(map(str, others))}; "
            "satu baris per kode. Hapus atau gabungkan baris yang sama."
        }

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        number = sheet_row(
            kwargs["row_number"] - 1
        )  # import-export counts data rows from 1
        for name, message in self.row_problems(instance, number).items():
            errors.setdefault(name, []).append(message)
        if errors:
            raise ValidationError(errors)


class SasaranStrategisResource(_OneRowPerKey, resources.ModelResource):
    kode = _text("kode", "Kode Sasaran")
    unit = fields.Field(
        attribute="unit",
        column_name="Kode Unit",
        widget=KodeWidget(UnitKerja, label="unit"),
    )
    nama = _text("nama", "Sasaran Strategis")

    key_fields = ("kode",)

    class Meta:
        model = SasaranStrategis
        fields = ["kode", "unit", "nama"]
        import_id_fields = ["kode"]
        skip_unchanged = True
        clean_model_instances = True
        use_transactions = True


class IndikatorKinerjaResource(_OneRowPerKey, resources.ModelResource):
    """Unit indicators by kode + tahun; rows of a locked year are refused (the admin's import too)."""

    sasaran = fields.Field(
        attribute="sasaran",
        column_name="Kode Sasaran",
        widget=KodeWidget(SasaranStrategis, label="sasaran strategis"),
    )
    kode = _text("kode", "Kode Indikator")
    nama = _text("nama", "Indikator Kinerja")
    dokumen = fields.Field(
        attribute="dokumen",
        column_name="Dokumen",
        widget=PilihanWidget(IndikatorKinerja.Dokumen.choices, "Dokumen"),
    )
    tahun = fields.Field(
        attribute="tahun", column_name="Tahun", widget=BilanganBulatWidget()
    )
    satuan = _text("satuan", "Satuan")
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

    key_fields = ("kode", "tahun")

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

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self._locked_years = set(
            Periode.objects.filter(terkunci=True).values_list("tahun", flat=True)
        )

    def before_import_row(self, row, **kwargs):
        for column, default in (("Dokumen", "iku"), ("Polaritas", "naik")):
            if row.get(column) in (None, ""):
                row[column] = default

    def row_problems(self, instance, number):
        problems = super().row_problems(instance, number)
        if instance.tahun in self._locked_years:
            problems["tahun"] = (
                f"Tahun {instance.tahun} terkunci; indikatornya tidak dapat diimpor. "
                "BKPSDM mengubahnya lewat formulir dengan alasan."
            )
        return problems
