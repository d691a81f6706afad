"""Spreadsheet column mapping for units, positions and employees (xlsx/csv via import-export), and
the needs register's export.

Column names follow the spreadsheets BKPSDM keeps. Natural keys (kode, NIP) make a second
import of the same file update rows instead of duplicating them.
"""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets
from import_export.instance_loaders import ModelInstanceLoader

from organisasi import nip as nip_rules
from organisasi.models import Jabatan, Kebutuhan, Pegawai, UnitKerja

# An empty cell of a text column is "" (the columns are NOT NULL), never None.
TEXT = widgets.CharWidget(allow_blank=True)


class KodeWidget(widgets.ForeignKeyWidget):
    """A foreign key by its kode, with an Indonesian message for an unknown code."""

    def __init__(self, model, field="kode", label="", hint=""):
        super().__init__(model, field)
        self.label, self.hint = label or model._meta.verbose_name, hint
        self._cache = {}  # per import: resources deep-copy their fields, widgets included

    def prime(self, values):
        """Load every code of the file in one query (instead of one per row)."""
        wanted = {
            str(value).strip() for value in values if value not in (None, "")
        } - set(self._cache)
        self._cache.update(
            {
                getattr(obj, self.field): obj
                for obj in self.model.objects.filter(**{f"{self.field}__in": wanted})
            }
        )

    def clean(self, value, row=None, **kwargs):
        value = "" if value is None else str(value).strip()
        if not value:
            return None
        if (
            value not in self._cache
        ):  # not primed, or created by an earlier row of this file
            found = self.model.objects.filter(**{self.field: value}).first()
            if found is None:
                raise ValueError(
                    f'Kode {self.label} "{value}" tidak dikenal.{self.hint}'
                )
            self._cache[value] = found
        return self._cache[value]


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
            raise ValueError(
                f'{self.label} "{value}" tidak dikenal. Pilihan: {self.allowed}.'
            )
        return self.lookup[text]

    def render(self, value, obj=None, **kwargs):
        return value


class NipWidget(widgets.CharWidget):
    """NIP as text; a NIP that Excel turned into a number is refused with an explanation."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, (int, float)) or nip_rules.looks_like_excel_number(
            str(value or "")
        ):
            raise ValueError(
                f"NIP {value} tersimpan sebagai angka (mis. 1,97E+17) sehingga digit terakhirnya hilang. "
                "Ubah format kolom NIP menjadi Teks di Excel, ketik ulang NIP 18 digit, lalu impor lagi."
            )
        return nip_rules.normalize_nip(value)


class NipInstanceLoader(ModelInstanceLoader):
    """Finds the rows' existing pegawai in one query; a NIP Excel mangled matches nothing
    (its widget then reports the row)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        column = self.dataset["NIP"] if "NIP" in (self.dataset.headers or []) else []
        nips = {
            nip_rules.normalize_nip(value) for value in column if isinstance(value, str)
        }
        self.by_nip = {
            pegawai.nip: pegawai for pegawai in Pegawai.objects.filter(nip__in=nips)
        }

    def get_instance(self, row):
        nip = row.get("NIP")
        if not isinstance(nip, str) or nip_rules.looks_like_excel_number(nip):
            return None
        return self.by_nip.get(nip_rules.normalize_nip(nip))


class _BaseResource(resources.ModelResource):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._seen_keys = set()

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, KodeWidget) and field.column_name in (
                dataset.headers or []
            ):
                field.widget.prime(dataset[field.column_name])

    def before_import_row(self, row, **kwargs):
        key_column = self.key_column
        key = str(row.get(key_column) or "").strip()
        if key and key in self._seen_keys:
            raise ValidationError(
                {
                    key_column: f'{key_column} "{key}" muncul lebih dari sekali dalam berkas.'
                }
            )
        self._seen_keys.add(key)
        if row.get("Aktif") in (None, ""):
            row["Aktif"] = "1"


class UnitKerjaResource(_BaseResource):
    key_column = "Kode"
    kode = fields.Field(attribute="kode", column_name="Kode", widget=TEXT)
    nama = fields.Field(attribute="nama", column_name="Nama", widget=TEXT)
    singkatan = fields.Field(
        attribute="singkatan", column_name="Singkatan", widget=TEXT
    )
    jenis = fields.Field(
        attribute="jenis",
        column_name="Jenis",
        widget=PilihanWidget(UnitKerja.Jenis.choices, "Jenis unit"),
    )
    induk = fields.Field(
        attribute="induk",
        column_name="Kode Induk",
        widget=KodeWidget(
            UnitKerja,
            label="unit induk",
            hint=" Baris unit induk harus berada di atas unit anaknya.",
        ),
    )
    aktif = fields.Field(
        attribute="aktif", column_name="Aktif", widget=widgets.BooleanWidget()
    )

    class Meta:
        model = UnitKerja
        fields = ["kode", "nama", "singkatan", "jenis", "induk", "aktif"]
        import_id_fields = ["kode"]
        skip_unchanged = True
        clean_model_instances = True
        use_transactions = True


class JabatanResource(_BaseResource):
    key_column = "Kode"
    kode = fields.Field(attribute="kode", column_name="Kode", widget=TEXT)
    nama = fields.Field(attribute="nama", column_name="Nama Jabatan", widget=TEXT)
    jenis = fields.Field(
        attribute="jenis",
        column_name="Jenis",
        widget=PilihanWidget(Jabatan.Jenis.choices, "Jenis jabatan"),
    )
    unit = fields.Field(
        attribute="unit",
        column_name="Kode Unit",
        widget=KodeWidget(UnitKerja, label="unit"),
    )
    atasan = fields.Field(
        attribute="atasan",
        column_name="Kode Jabatan Atasan",
        widget=KodeWidget(
            Jabatan,
            label="jabatan atasan",
            hint=" Baris jabatan atasan harus berada di atasnya.",
        ),
    )
    kelas_jabatan = fields.Field(
        attribute="kelas_jabatan", column_name="Kelas", widget=widgets.IntegerWidget()
    )
    aktif = fields.Field(
        attribute="aktif", column_name="Aktif", widget=widgets.BooleanWidget()
    )

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
    nama = fields.Field(attribute="nama", column_name="Nama", widget=TEXT)
    gelar_depan = fields.Field(
        attribute="gelar_depan", column_name="Gelar Depan", widget=TEXT
    )
    gelar_belakang = fields.Field(
        attribute="gelar_belakang", column_name="Gelar Belakang", widget=TEXT
    )
    status = fields.Field(
        attribute="status",
        column_name="Status",
        widget=PilihanWidget(Pegawai.Status.choices, "Status"),
    )
    golongan = fields.Field(attribute="golongan", column_name="Golongan", widget=TEXT)
    jabatan = fields.Field(
        attribute="jabatan",
        column_name="Kode Jabatan",
        widget=KodeWidget(Jabatan, label="jabatan"),
    )
    unit = fields.Field(
        attribute="unit",
        column_name="Kode Unit",
        widget=KodeWidget(UnitKerja, label="unit"),
    )
    email = fields.Field(attribute="email", column_name="Email", widget=TEXT)
    aktif = fields.Field(
        attribute="aktif", column_name="Aktif", widget=widgets.BooleanWidget()
    )

    class Meta:
        model = Pegawai
        fields = [
            "nip",
            "nama",
            "gelar_depan",
            "gelar_belakang",
            "status",
            "golongan",
            "jabatan",
            "unit",
            "email",
            "aktif",
        ]
        import_id_fields = ["nip"]
        instance_loader_class = NipInstanceLoader
        skip_unchanged = True
        clean_model_instances = True
        use_transactions = True

    def before_import_row(self, row, **kwargs):
        nip = row.get("NIP")
        if isinstance(
            nip, str
        ):  # before the duplicate check: "1985… 2010… 1 001" is the same NIP
            row["NIP"] = nip_rules.normalize_nip(nip)
        super().before_import_row(row, **kwargs)
        if not row.get("Kode Unit") and row.get("Kode Jabatan"):
            # Reshape only: an empty unit column means "the unit of the position".
            row["Kode Unit"] = self._unit_kode_of_jabatan().get(
                str(row["Kode Jabatan"]).strip(), ""
            )

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        if "Kode Jabatan" in (dataset.headers or []):
            self.fields["unit"].widget.prime(
                {
                    self._unit_kode_of_jabatan().get(str(kode).strip())
                    for kode in dataset["Kode Jabatan"]
                }
            )

    def _unit_kode_of_jabatan(self):
        if not hasattr(self, "_unit_kode_cache"):
            self._unit_kode_cache = dict(
                Jabatan.objects.values_list("kode", "unit__kode")
            )
        return self._unit_kode_cache

    def validate_instance(
        self, instance, import_validation_errors=None, validate_unique=True
    ):
        """Full validation minus the per-row queries already answered in bulk: the widgets
        loaded jabatan and unit from the database, the loader matched the NIP, and the
        database constraints stay the last line of defence."""
        errors = dict(import_validation_errors or {})
        for field, message in (
            ("jabatan", "Kode jabatan wajib diisi."),
            ("unit", Pegawai._meta.get_field("unit").error_messages["null"]),
        ):
            if getattr(instance, f"{field}_id") is None and field not in errors:
                errors[field] = [message]
        try:
            instance.full_clean(
                exclude=set(errors) | {"jabatan", "unit", "akun", "atasan"},
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


class KebutuhanResource(resources.ModelResource):
    unit = fields.Field(attribute="unit__kode", column_name="kode_unit")
    unit_nama = fields.Field(attribute="unit__nama", column_name="unit_kerja")
    pemilik = fields.Field(attribute="pemilik__nip", column_name="nip_penanggung_jawab")

    class Meta:
        model = Kebutuhan
        fields = [
            "id",
            "judul",
            "unit",
            "unit_nama",
            "sumber",
            "deskripsi",
            "prioritas",
            "pemilik",
            "status",
            "bukti",
        ]
        export_order = fields
