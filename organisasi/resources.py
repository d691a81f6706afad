"""Spreadsheet column mapping for units, positions and employees (xlsx/csv via import-export).

Column names follow the spreadsheets BKPSDM keeps. Natural keys (kode, NIP) make a second
import of the same file update rows instead of duplicating them.
"""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from organisasi import nip as nip_rules
from organisasi.models import Jabatan, Pegawai, UnitKerja


class KodeWidget(widgets.ForeignKeyWidget):
    """A foreign key by its kode, with an Indonesian message for an unknown code."""

    def __init__(self, model, field="kode", label="", hint=""):
        super().__init__(model, field)
        self.label, self.hint = label or model._meta.verbose_name, hint

    def clean(self, value, row=None, **kwargs):
        value = "" if value is None else str(value).strip()
        if not value:
            return None
        try:
            return self.model.objects.get(**{self.field: value})
        except self.model.DoesNotExist:
            raise ValueError(f"Kode {self.label} \"{value}\" tidak dikenal.{self.hint}") from None


class PilihanWidget(widgets.Widget):
    """A choice given either as its stored value or its label, in any letter case."""

    def __init__(self, choices, label):
        self.lookup = {}
        for value, text in choices:
            self.lookup[str(value).lower()] = value
            self.lookup[str(text).lower()] = value
        self.label = label
        self.allowed = ", ".join(text for _, text in choices)

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip().lower()
        if not text:
            return ""
        if text not in self.lookup:
            raise ValueError(f"{self.label} \"{value}\" tidak dikenal. Pilihan: {self.allowed}.")
        return self.lookup[text]

    def render(self, value, obj=None, **kwargs):
        return value


class NipWidget(widgets.CharWidget):
    """NIP as text; a NIP that Excel turned into a number is refused with an explanation."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, (int, float)) or nip_rules.looks_like_excel_number(str(value or "")):
            raise ValueError(
                f"NIP {value} tersimpan sebagai angka (mis. 1,97E+17) sehingga digit terakhirnya hilang. "
                "Ubah format kolom NIP menjadi Teks di Excel, ketik ulang NIP 18 digit, lalu impor lagi."
            )
        return nip_rules.normalize_nip(value)


class _BaseResource(resources.ModelResource):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._seen_keys = set()

    def before_import_row(self, row, **kwargs):
        key_column = self.key_column
        key = str(row.get(key_column) or "").strip()
        if key and key in self._seen_keys:
            raise ValidationError({key_column: f"{key_column} \"{key}\" muncul lebih dari sekali dalam berkas."})
        self._seen_keys.add(key)
        if row.get("Aktif") in (None, ""):
            row["Aktif"] = "1"


class UnitKerjaResource(_BaseResource):
    key_column = "Kode"
    kode = fields.Field(attribute="kode", column_name="Kode")
    nama = fields.Field(attribute="nama", column_name="Nama")
    singkatan = fields.Field(attribute="singkatan", column_name="Singkatan")
    jenis = fields.Field(
        attribute="jenis", column_name="Jenis", widget=PilihanWidget(UnitKerja.Jenis.choices, "Jenis unit")
    )
    induk = fields.Field(
        attribute="induk", column_name="Kode Induk",
        widget=KodeWidget(UnitKerja, label="unit induk", hint=" Baris unit induk harus berada di atas unit anaknya."),
    )
    aktif = fields.Field(attribute="aktif", column_name="Aktif", widget=widgets.BooleanWidget())

    class Meta:
        model = UnitKerja
        fields = ["kode", "nama", "singkatan", "jenis", "induk", "aktif"]
        import_id_fields = ["kode"]
        skip_unchanged = True
        clean_model_instances = True
        use_transactions = True


class JabatanResource(_BaseResource):
    key_column = "Kode"
    kode = fields.Field(attribute="kode", column_name="Kode")
    nama = fields.Field(attribute="nama", column_name="Nama Jabatan")
    jenis = fields.Field(
        attribute="jenis", column_name="Jenis", widget=PilihanWidget(Jabatan.Jenis.choices, "Jenis jabatan")
    )
    unit = fields.Field(attribute="unit", column_name="Kode Unit", widget=KodeWidget(UnitKerja, label="unit"))
    atasan = fields.Field(
        attribute="atasan", column_name="Kode Jabatan Atasan",
        widget=KodeWidget(Jabatan, label="jabatan atasan", hint=" Baris jabatan atasan harus berada di atasnya."),
    )
    kelas_jabatan = fields.Field(attribute="kelas_jabatan", column_name="Kelas", widget=widgets.IntegerWidget())
    aktif = fields.Field(attribute="aktif", column_name="Aktif", widget=widgets.BooleanWidget())

    class Meta:
        model = Jabatan
        fields = ["kode", "nama", "jenis", "unit", "atasan", "kelas_jabatan", "aktif"]
        import_id_fields = ["kode"]
        skip_unchanged = True
        clean_model_instances = True
        use_transactions = True


class PegawaiResource(_BaseResource):
    key_column = "NIP"
    nip = fields.Field(attribute="nip", column_name="NIP", widget=NipWidget())
    nama = fields.Field(attribute="nama", column_name="Nama")
    gelar_depan = fields.Field(attribute="gelar_depan", column_name="Gelar Depan")
    gelar_belakang = fields.Field(attribute="gelar_belakang", column_name="Gelar Belakang")
    status = fields.Field(
        attribute="status", column_name="Status", widget=PilihanWidget(Pegawai.Status.choices, "Status")
    )
    golongan = fields.Field(attribute="golongan", column_name="Golongan")
    jabatan = fields.Field(
        attribute="jabatan", column_name="Kode Jabatan", widget=KodeWidget(Jabatan, label="jabatan")
    )
    unit = fields.Field(attribute="unit", column_name="Kode Unit", widget=KodeWidget(UnitKerja, label="unit"))
    email = fields.Field(attribute="email", column_name="Email")
    aktif = fields.Field(attribute="aktif", column_name="Aktif", widget=widgets.BooleanWidget())

    class Meta:
        model = Pegawai
        fields = ["nip", "nama", "gelar_depan", "gelar_belakang", "status", "golongan", "jabatan", "unit", "email", "aktif"]
        import_id_fields = ["nip"]
        skip_unchanged = True
        clean_model_instances = True
        use_transactions = True

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        nip = row.get("NIP")
        if isinstance(nip, str):
            row["NIP"] = nip_rules.normalize_nip(nip)
        if not row.get("Kode Unit") and row.get("Kode Jabatan"):
            # Reshape only: an empty unit column means "the unit of the position".
            unit_kode = Jabatan.objects.filter(kode=str(row["Kode Jabatan"]).strip()).values_list(
                "unit__kode", flat=True
            ).first()
            row["Kode Unit"] = unit_kode or ""

    def get_instance(self, instance_loader, row):
        # A NIP Excel mangled cannot name a row; the widget then reports it as this row's error.
        nip = row.get("NIP")
        if isinstance(nip, (int, float)) or nip_rules.looks_like_excel_number(str(nip or "")):
            return None
        return super().get_instance(instance_loader, row)
