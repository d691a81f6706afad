"""Forms of indikator: parsing and validation only.

Every form refuses invisible control characters in its text (core.forms.plain_text; the
fields built in __init__ carry the validator themselves) and reads numbers the Indonesian
way (the models' core.fields hand AngkaField / BilanganBulatField to every ModelForm).
"""

import datetime

from django import forms

from core.fields import AngkaField, AngkaInput, BilanganBulatField
from core.forms import plain_text
from core.imports import ImportResult
from core.validators import refuse_control_characters
from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    Periode,
    PeriodePenilaian,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)
from organisasi.models import Kebutuhan, UnitKerja
from organisasi.permissions import managed_by

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TahunInput(AngkaInput):
    """A year typed and shown without a thousands dot ("2026", not "2.026"); read like any whole number."""

    def format_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return super().format_value(value)


TAHUN = TahunInput(attrs={"inputmode": "numeric"})


@plain_text
class PeriodeCreateForm(forms.ModelForm):
    class Meta:
        model = Periode
        fields = ["tahun", "skema", "batas_penetapan_skp"]
        widgets = {"tahun": TAHUN, "batas_penetapan_skp": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["batas_penetapan_skp"].required = False
        self.fields["batas_penetapan_skp"].help_text = "Kosongkan untuk 31 Januari."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("tahun") and not cleaned.get("batas_penetapan_skp"):
            cleaned["batas_penetapan_skp"] = datetime.date(cleaned["tahun"], 1, 31)
            self.instance.batas_penetapan_skp = cleaned["batas_penetapan_skp"]
        return cleaned


@plain_text
class PeriodeUpdateForm(forms.ModelForm):
    alasan = forms.CharField(
        label="Alasan perubahan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila periode terkunci.",
    )

    class Meta:
        model = Periode
        fields = ["skema", "batas_penetapan_skp"]
        widgets = {"batas_penetapan_skp": DATE}


@plain_text
class PeriodePenilaianForm(forms.ModelForm):
    class Meta:
        model = PeriodePenilaian
        fields = ["batas_realisasi", "batas_evaluasi", "terkunci"]
        widgets = {"batas_realisasi": DATE, "batas_evaluasi": DATE}


PeriodePenilaianFormSet = forms.modelformset_factory(
    PeriodePenilaian, form=PeriodePenilaianForm, extra=0
)


@plain_text
class KunciForm(forms.Form):
    """Lock or unlock a year; the service asks a reason for unlocking."""

    terkunci = forms.BooleanField(required=False, widget=forms.HiddenInput)
    alasan = forms.CharField(
        label="Alasan (wajib saat membuka kunci)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@plain_text
class AlasanForm(forms.Form):
    """The reason for returning or reopening an SKP."""

    alasan = forms.CharField(label="Alasan", widget=forms.Textarea(attrs={"rows": 3}))


@plain_text
class ImportForm(forms.Form):
    """The file of a spreadsheet import; a file refused as a whole is an error of this field."""

    berkas = forms.FileField(
        label="Berkas xlsx",
        error_messages={"required": "Pilih berkas xlsx terlebih dahulu."},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def file_refusals_on_the_field(self, result: ImportResult) -> ImportResult:
        """Put a refused import's errors about the whole file on `berkas`; the rest stay for the table."""
        for error in result.errors:
            if error.row is None:
                self.add_error("berkas", error.message)
        return ImportResult(
            result.rows, [error for error in result.errors if error.row is not None]
        )


@plain_text
class SasaranStrategisForm(forms.ModelForm):
    class Meta:
        model = SasaranStrategis
        fields = ["unit", "kode", "nama"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = managed_by(UnitKerja.objects.filter(aktif=True), user, unit_field="")
        self.fields["unit"].queryset = units.order_by("path")


@plain_text
class IndikatorKinerjaForm(forms.ModelForm):
    """Unit indicator, with the organisation's needs (Kebutuhan) it answers."""

    alasan = forms.CharField(
        label="Alasan perubahan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila tahun indikator terkunci (hanya BKPSDM).",
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
            "kebutuhan",
        ]
        widgets = {"tahun": TAHUN, "kebutuhan": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the sasaran and needs of the units whose data the user manages.
        self.fields["sasaran"].queryset = managed_by(
            SasaranStrategis.objects.all(), user
        ).select_related("unit")
        self.fields["kebutuhan"].queryset = (
            managed_by(Kebutuhan.objects.all(), user)
            .select_related("unit")
            .order_by("status", "-created_at")
        )


@plain_text
class IndikatorFilterForm(forms.Form):
    q = forms.CharField(label="Cari indikator", required=False)
    tahun = BilanganBulatField(label="Tahun", required=False, widget=TAHUN)
    unit = forms.ModelChoiceField(
        label="Perangkat daerah",
        queryset=UnitKerja.objects.none(),
        required=False,
        empty_label="Semua perangkat daerah",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            UnitKerja.objects.visible_to(user).opd_list().filter(aktif=True)
        )

    def filter(self, queryset):
        data = self.cleaned_data if self.is_valid() else {}
        queryset = queryset.search(data.get("q", "").strip()).for_tahun(
            data.get("tahun")
        )
        if data.get("unit"):
            queryset = queryset.filter(
                sasaran__unit__path__startswith=data["unit"].path
            )
        return queryset


@plain_text
class RealisasiIndikatorForm(forms.Form):
    periode_penilaian = forms.ModelChoiceField(
        label="Periode", queryset=PeriodePenilaian.objects.none()
    )
    nilai = AngkaField(label="Realisasi", min_value=0, max_digits=14, decimal_places=2)
    keterangan = forms.CharField(
        label="Keterangan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    alasan = forms.CharField(
        label="Alasan perubahan (periode terkunci)", required=False
    )

    def __init__(self, *args, indikator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode_penilaian"].queryset = PeriodePenilaian.objects.filter(
            periode__tahun=indikator.tahun
        ).select_related("periode")


@plain_text
class SkpCreateForm(forms.Form):
    periode = forms.ModelChoiceField(
        label="Tahun", queryset=Periode.objects.all(), empty_label=None
    )
    pendekatan = forms.ChoiceField(label="Pendekatan", choices=Skp.Pendekatan.choices)


@plain_text
class SkpForm(forms.ModelForm):
    class Meta:
        model = Skp
        fields = [
            "pendekatan",
            "dukungan_sumber_daya",
            "skema_pertanggungjawaban",
            "konsekuensi",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in [
                "dukungan_sumber_daya",
                "skema_pertanggungjawaban",
                "konsekuensi",
            ]
        }


@plain_text
class RencanaHasilKerjaForm(forms.ModelForm):
    class Meta:
        model = RencanaHasilKerja
        fields = ["jenis", "uraian", "rhk_atasan", "indikator_unit"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, skp, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.skp = skp
        self.fields["rhk_atasan"].queryset = RencanaHasilKerja.objects.intervenable_by(
            skp
        )
        self.fields["rhk_atasan"].empty_label = "— tidak ada —"
        if skp.is_jpt:
            self.fields["indikator_unit"].queryset = IndikatorKinerja.objects.filter(
                tahun=skp.periode.tahun,
                sasaran__unit__path__startswith=skp.pegawai.unit.path,
            )
            del self.fields["rhk_atasan"]
        else:
            del self.fields["indikator_unit"]


@plain_text
class IndikatorKinerjaIndividuForm(forms.ModelForm):
    class Meta:
        model = IndikatorKinerjaIndividu
        fields = [
            "aspek",
            "uraian",
            "target",
            "target_atas",
            "satuan",
            "polaritas",
            "target_kualitatif",
        ]
        widgets = {"target_kualitatif": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, rhk, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.rhk = rhk


@plain_text
class EkspektasiForm(forms.Form):
    """One text per BerAKHLAK value: the ekspektasi khusus pimpinan (empty: none)."""

    def __init__(self, *args, perilaku_list, **kwargs):
        super().__init__(*args, **kwargs)
        self.perilaku_by_field = {}
        for nomor, (perilaku, uraian) in enumerate(perilaku_list, start=1):
            name = f"perilaku-{perilaku.pk}"
            self.perilaku_by_field[name] = perilaku.pk
            self.fields[name] = forms.CharField(
                label=f"{nomor}. {perilaku.nama}",
                required=False,
                initial=uraian,
                help_text="; ".join(
                    panduan.uraian for panduan in perilaku.panduan.all()
                ),
                widget=forms.Textarea(attrs={"rows": 2}),
                validators=[refuse_control_characters],
            )

    def uraian_by_perilaku(self) -> dict[int, str]:
        return {
            pk: self.cleaned_data[name] for name, pk in self.perilaku_by_field.items()
        }


@plain_text
class MatriksForm(forms.Form):
    """The atasan's matriks peran hasil: one text per (IKI of the atasan, direct bawahan)."""

    dorong = forms.BooleanField(required=False)  # the "Simpan dan dorong" button

    def __init__(self, *args, iki_list, bawahan_list, cells, **kwargs):
        super().__init__(*args, **kwargs)
        self.iki_list, self.bawahan_list, self.cells = iki_list, bawahan_list, cells
        for pegawai in bawahan_list:
            for iki in iki_list:
                cell = cells.get((iki.pk, pegawai.pk))
                self.fields[self._name(iki, pegawai)] = forms.CharField(
                    label=f"Peran hasil {pegawai.nama_lengkap} untuk {iki.uraian}",
                    required=False,
                    initial=cell.peran_hasil if cell else "",
                    widget=forms.Textarea(
                        attrs={"rows": 3, "class": "form-control form-control-sm"}
                    ),
                    validators=[refuse_control_characters],
                )

    @staticmethod
    def _name(iki, pegawai) -> str:
        return f"sel-{iki.pk}-{pegawai.pk}"

    def rows(self):
        """Per bawahan: (pegawai, [(iki, bound field, saved cell or None)]), the table's rows."""
        return [
            (
                pegawai,
                [
                    (
                        iki,
                        self[self._name(iki, pegawai)],
                        self.cells.get((iki.pk, pegawai.pk)),
                    )
                    for iki in self.iki_list
                ],
            )
            for pegawai in self.bawahan_list
        ]

    def texts(self) -> dict[tuple[int, int], str]:
        """(iki id, pegawai id) → peran hasil, as the service takes them."""
        return {
            (iki.pk, pegawai.pk): self.cleaned_data[self._name(iki, pegawai)]
            for pegawai in self.bawahan_list
            for iki in self.iki_list
        }
