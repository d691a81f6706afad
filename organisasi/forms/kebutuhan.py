"""A need of the register, and the register's filter."""

from django import forms

from core.forms import plain_text
from organisasi import nip as nip_rules
from organisasi import permissions
from organisasi.models import Kebutuhan, Pegawai, UnitKerja


@plain_text
class KebutuhanForm(forms.ModelForm):
    """A need; its penanggung jawab is typed as a NIP and looked up only inside the OPD of the
    need's unit, so the answer is the same for an unknown NIP and for one of another OPD."""

    TIDAK_DITEMUKAN = "Tidak ada pegawai aktif dengan NIP ini di perangkat daerah unit kerja kebutuhan ini."

    pemilik_nip = forms.CharField(
        label="NIP penanggung jawab",
        required=False,
        max_length=30,
        help_text="Pegawai aktif di perangkat daerah unit kerja kebutuhan ini.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Kebutuhan
        fields = [
            "judul",
            "unit",
            "sumber",
            "deskripsi",
            "prioritas",
            "pemilik_nip",
            "bukti",
        ]
        widgets = {
            "deskripsi": forms.Textarea(attrs={"rows": 3}),
            "bukti": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = permissions.managed_by(
            UnitKerja.objects.filter(aktif=True), user, unit_field=""
        )
        self.fields["unit"].queryset = units
        if self.instance.pemilik_id:
            self.initial["pemilik_nip"] = self.instance.pemilik.nip

    def clean(self):
        cleaned = super().clean()
        nip, unit = (
            nip_rules.normalize_nip(cleaned.get("pemilik_nip") or ""),
            cleaned.get("unit"),
        )
        pemilik = None
        if nip and unit is not None:
            pemilik = (
                Pegawai.objects.active()
                .filter(nip=nip, unit__opd_id=unit.opd_id)
                .first()
            )
            if pemilik is None:
                self.add_error("pemilik_nip", self.TIDAK_DITEMUKAN)
        self.instance.pemilik = pemilik
        return cleaned


@plain_text
class KebutuhanFilterForm(forms.Form):
    q = forms.CharField(label="Cari", required=False)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Semua")] + Kebutuhan.Status.choices,
    )
    sumber = forms.ChoiceField(
        label="Sumber",
        required=False,
        choices=[("", "Semua")] + Kebutuhan.Sumber.choices,
    )
    tanpa_jawaban = forms.BooleanField(
        label="Masih terbuka, belum dijawab",
        required=False,
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        queryset = queryset.search(data["q"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["sumber"]:
            queryset = queryset.filter(sumber=data["sumber"])
        if data["tanpa_jawaban"]:
            queryset = queryset.still_open().unanswered()
        return queryset


@plain_text
class KebutuhanStatusForm(forms.Form):
    """A status move; `alasan` is what closes a need nothing answers (kept in its history)."""

    status = forms.ChoiceField(choices=Kebutuhan.Status.choices)
    alasan = forms.CharField(
        label="Alasan selesai tanpa indikator/rencana", required=False, max_length=100
    )
