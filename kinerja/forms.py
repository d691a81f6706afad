"""Parsing and validation of kinerja's forms; the rules themselves are checked by the services."""

import datetime
import uuid

from django import forms

from core.forms import plain_text
from kinerja.models import Aktivitas, Realisasi

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M")
ACCEPT = "image/jpeg,image/png,application/pdf,.pdf,.jpg,.jpeg,.png,.xlsx,.docx"


def parse_date(value, default: datetime.date) -> datetime.date:
    """A yyyy-mm-dd value (from a form or a query string), or the default."""
    try:
        return datetime.date.fromisoformat(str(value))
    except (TypeError, ValueError):
        return default


@plain_text
class EvidenceFields(forms.Form):
    """A file or a link as evidence (both optional)."""

    berkas = forms.FileField(
        label="Foto / berkas bukti",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text="JPG, PNG, PDF, XLSX atau DOCX. Foto diperkecil dan data lokasinya dihapus.",
    )
    tautan = forms.URLField(
        label="atau tautan bukti",
        required=False,
        assume_scheme="https",
        max_length=500,
        widget=forms.URLInput(attrs={"placeholder": "https://…", "inputmode": "url"}),
    )


@plain_text
class AktivitasForm(forms.ModelForm):
    """The fast-entry form (and the edit page): RHK choices are those in force for the date."""

    rhk = forms.TypedChoiceField(label="RHK", coerce=int)
    kunci = forms.UUIDField(widget=forms.HiddenInput, required=False)
    berkas = EvidenceFields.base_fields["berkas"]
    tautan = EvidenceFields.base_fields["tautan"]

    class Meta:
        model = Aktivitas
        fields = [
            "tanggal",
            "rhk",
            "uraian",
            "jam_mulai",
            "jam_selesai",
            "kuantitas_output",
            "satuan_output",
        ]
        labels = {
            "uraian": "Apa yang dikerjakan?",
            "kuantitas_output": "Output",
            "satuan_output": "Satuan",
        }
        widgets = {
            "tanggal": DATE,
            "jam_mulai": TIME,
            "jam_selesai": TIME,
            "uraian": forms.Textarea(
                attrs={
                    "rows": 2,
                    "maxlength": 1000,
                    "autocomplete": "off",
                    "placeholder": "mis. Memeriksa kebersihan 6 TPS Kelurahan Sidodadi",
                }
            ),
            "satuan_output": forms.TextInput(
                attrs={"list": "satuan-list", "autocomplete": "off"}
            ),
        }

    def __init__(self, *args, rhk_list=(), with_evidence: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.rhk_by_pk = {rhk.pk: rhk for rhk in rhk_list}
        self.fields["rhk"].choices = [
            (rhk.pk, _rhk_label(rhk)) for rhk in rhk_list
        ] or [("", "— belum ada SKP disetujui —")]
        if not self.is_bound and not self.initial.get("kunci"):
            self.initial["kunci"] = uuid.uuid4()  # a new key for every form shown
        if not with_evidence:
            del self.fields["berkas"], self.fields["tautan"]
        for field in (
            self.fields.values()
        ):  # Bootstrap classes, for the day page's light field template
            field.widget.attrs.setdefault(
                "class",
                "form-select"
                if isinstance(field.widget, forms.Select)
                else "form-control",
            )

    def clean_rhk(self):
        rhk = self.rhk_by_pk.get(self.cleaned_data["rhk"])
        if rhk is None:
            raise forms.ValidationError(
                "Pilih RHK dari SKP yang berlaku pada tanggal ini."
            )
        return rhk

    def activity_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def _rhk_label(rhk) -> str:
    text = rhk.uraian if len(rhk.uraian) <= 90 else rhk.uraian[:88] + "…"
    return f"{'Tambahan: ' if rhk.jenis == 'tambahan' else ''}{text}"


@plain_text
class KunciForm(forms.Form):
    """An action that creates rows (copying): one key per form shown, so a double tap acts once."""

    kunci = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["kunci"] = uuid.uuid4()


@plain_text
class SalinForm(KunciForm):
    tanggal = forms.DateField(label="Salin ke tanggal", widget=DATE)


@plain_text
class PilihanForm(forms.Form):
    """A selection of activities (submit or decide), from checkboxes named `aktivitas`."""

    aktivitas = forms.TypedMultipleChoiceField(
        coerce=int,
        required=True,
        error_messages={"required": "Pilih sedikitnya satu aktivitas."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        values = self.data.getlist("aktivitas") if hasattr(self.data, "getlist") else []
        self.fields["aktivitas"].choices = [
            (value, value) for value in values if str(value).isdigit()
        ]


@plain_text
class KeputusanForm(PilihanForm):
    AKSI = [("setujui", "Setujui"), ("kembalikan", "Kembalikan")]

    aksi = forms.ChoiceField(choices=AKSI)
    catatan = forms.CharField(
        label="Catatan untuk pegawai",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@plain_text
class RealisasiForm(forms.ModelForm):
    berkas = EvidenceFields.base_fields["berkas"]
    tautan = EvidenceFields.base_fields["tautan"]

    class Meta:
        model = Realisasi
        fields = ["nilai", "narasi"]
        labels = {"nilai": "Realisasi", "narasi": "Narasi / penjelasan"}
        widgets = {"narasi": forms.Textarea(attrs={"rows": 2})}


@plain_text
class CatatanForm(forms.Form):
    catatan = forms.CharField(
        label="Catatan untuk pegawai",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@plain_text
class BuktiForm(EvidenceFields):
    kunci = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["kunci"] = uuid.uuid4()


@plain_text
class EksporForm(forms.Form):
    mulai = forms.DateField(label="Dari tanggal", widget=DATE)
    selesai = forms.DateField(label="Sampai tanggal", widget=DATE)

    MAX_DAYS = 400

    def clean(self):
        cleaned = super().clean()
        mulai, selesai = cleaned.get("mulai"), cleaned.get("selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error("selesai", "Tanggal akhir tidak boleh sebelum tanggal awal.")
        elif mulai and selesai and (selesai - mulai).days > self.MAX_DAYS:
            self.add_error("selesai", f"Rentang paling panjang {self.MAX_DAYS} hari.")
        return cleaned


@plain_text
class EksporUnitForm(EksporForm):
    unit = forms.ModelChoiceField(label="Unit kerja", queryset=None)

    MAX_DAYS = 100

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
