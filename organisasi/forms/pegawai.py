"""Pegawai: the record form, the directory filter, and a pegawai chosen by NIP."""

from django import forms

from core.forms import plain_text
from organisasi import nip as nip_rules
from organisasi import permissions
from organisasi.models import Jabatan, Pegawai, UnitKerja


class PegawaiNipField(forms.CharField):
    """An active pegawai chosen by NIP (spaces allowed), not a drop-down of thousands of pegawai."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        nip = nip_rules.normalize_nip(super().clean(value))
        if not nip:
            return None
        pegawai = (
            Pegawai.objects.active().select_related("unit").filter(nip=nip).first()
        )
        if pegawai is None:
            raise forms.ValidationError(f"Tidak ada pegawai aktif dengan NIP {nip}.")
        return pegawai


@plain_text
class PegawaiForm(forms.ModelForm):
    # Longer than 18 so "19660801 198803 1 001" (with spaces) reaches clean_nip.
    nip = forms.CharField(
        label="NIP",
        max_length=30,
        help_text="18 digit; spasi antarkelompok boleh.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    atasan_nip = PegawaiNipField(
        label="NIP atasan langsung",
        required=False,
        help_text="Hanya dipakai bila 'atasan ditetapkan manual' dicentang.",
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
            "unit",
            "jabatan",
            "atasan_manual",
            "atasan_nip",
            "email",
            "aktif",
        ]
        help_texts = {"jabatan": "Pilihan jabatan mengikuti unit kerja yang dipilih."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A city has thousands of positions: offer those of the chosen unit only; choosing a
        # unit reloads this field (htmx), and without JavaScript a submit does the same.
        unit_id = (
            self.data.get("unit") or self.initial.get("unit") or self.instance.unit_id
        )
        self.fields["unit"].queryset = UnitKerja.objects.filter(aktif=True).order_by(
            "path"
        )
        self.fields["unit"].widget.attrs.update(
            {
                "hx-get": ".",
                "hx-target": "#div_id_jabatan",
                "hx-select": "#div_id_jabatan",
                "hx-swap": "outerHTML",
            }
        )
        jabatan = Jabatan.objects.filter(aktif=True)
        self.fields["jabatan"].queryset = (
            jabatan.filter(unit_id=unit_id)
            if str(unit_id or "").isdigit()
            else jabatan.none()
        )
        if self.instance.atasan_manual and self.instance.atasan_id:
            self.initial["atasan_nip"] = self.instance.atasan.nip

    def clean_nip(self):
        return nip_rules.normalize_nip(self.cleaned_data["nip"])

    def clean(self):
        cleaned = super().clean()
        _clean_manual_atasan(self, cleaned)
        return cleaned


def _clean_manual_atasan(form, cleaned) -> None:
    """A hand-set atasan needs a NIP and must not sit below the pegawai (no loop)."""
    if not cleaned.get("atasan_manual"):
        return
    atasan = cleaned.get("atasan_nip")
    if not atasan and "atasan_nip" not in form.errors:
        form.add_error("atasan_nip", "Isi NIP atasan bila atasan ditetapkan manual.")
    elif (
        atasan
        and form.instance.pk
        and form.instance.pk in atasan.atasan_chain_ids() | {atasan.pk}
    ):
        form.add_error(
            "atasan_nip",
            "Atasan ini berada di bawah pegawai tersebut: rantai atasan akan melingkar.",
        )
    form.instance.atasan = atasan


@plain_text
class AtasanForm(forms.ModelForm):
    """The pengelola's correction of one pegawai's atasan (Plt., penugasan khusus)."""

    atasan_nip = PegawaiNipField(
        label="NIP atasan langsung",
        required=False,
        help_text="Hanya dipakai bila 'atasan ditetapkan manual' dicentang.",
    )
    alasan = forms.CharField(
        label="Alasan koreksi",
        max_length=100,
        help_text="Disimpan di riwayat pegawai, mis. “Plt. Kepala Seksi sejak 1 Juli”.",
    )

    class Meta:
        model = Pegawai
        fields = ["atasan_manual", "atasan_nip"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.atasan_manual and self.instance.atasan_id:
            self.initial["atasan_nip"] = self.instance.atasan.nip

    def clean_atasan_nip(self):
        atasan = self.cleaned_data["atasan_nip"]
        if atasan is not None and not permissions.can_correct_atasan(self.user, atasan):
            raise forms.ValidationError(
                "Atasan harus pegawai di perangkat daerah yang Anda kelola; "
                "atasan di luar OPD ditetapkan BKPSDM."
            )
        return atasan

    def clean(self):
        cleaned = super().clean()
        _clean_manual_atasan(self, cleaned)
        return cleaned


@plain_text
class PegawaiFilterForm(forms.Form):
    q = forms.CharField(label="Cari nama atau NIP", required=False)
    unit = forms.ModelChoiceField(
        label="Unit kerja", queryset=UnitKerja.objects.none(), required=False
    )
    jenis_jabatan = forms.ChoiceField(
        label="Jenis jabatan",
        choices=[("", "Semua jenis jabatan")] + Jabatan.Jenis.choices,
        required=False,
    )
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "Semua status")] + Pegawai.Status.choices,
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = directory_units(user)
        self.fields["unit"].empty_label = "Semua unit"

    def filter(self, queryset):
        data = self.cleaned_data if self.is_valid() else {}
        queryset = queryset.search(data.get("q", "").strip())
        if data.get("unit"):
            queryset = queryset.in_unit_tree(data["unit"])
        if data.get("jenis_jabatan"):
            queryset = queryset.filter(jabatan__jenis=data["jenis_jabatan"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        return queryset


def directory_units(user):
    """The OPD in which the user can see pegawai: the directory's unit filter (the filter takes the
    whole subtree). Only the OPD level: a city has hundreds of schools and bidang, and a select of
    all of them is slow to render and hard to use."""
    opd_ids = Pegawai.objects.visible_to(user).values("unit__opd_id")
    return UnitKerja.objects.filter(pk__in=opd_ids, aktif=True).order_by("nama")
