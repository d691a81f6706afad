import datetime

from django import forms

from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    Periode,
    PeriodePenilaian,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)
from organisasi.models import UnitKerja

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodeCreateForm(forms.ModelForm):
    class Meta:
        model = Periode
        fields = ["tahun", "skema", "batas_penetapan_skp"]
        widgets = {"batas_penetapan_skp": DATE}

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


class PeriodeUpdateForm(forms.ModelForm):
    alasan = forms.CharField(label="Alasan perubahan", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="Wajib bila periode terkunci.")

    class Meta:
        model = Periode
        fields = ["skema", "batas_penetapan_skp"]
        widgets = {"batas_penetapan_skp": DATE}


class PeriodePenilaianForm(forms.ModelForm):
    class Meta:
        model = PeriodePenilaian
        fields = ["batas_realisasi", "batas_evaluasi", "terkunci"]
        widgets = {"batas_realisasi": DATE, "batas_evaluasi": DATE}


PeriodePenilaianFormSet = forms.modelformset_factory(PeriodePenilaian, form=PeriodePenilaianForm, extra=0)


class KunciForm(forms.Form):
    alasan = forms.CharField(label="Alasan (wajib saat membuka kunci)", required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class AlasanForm(forms.Form):
    alasan = forms.CharField(label="Alasan", widget=forms.Textarea(attrs={"rows": 3}))


class SasaranStrategisForm(forms.ModelForm):
    class Meta:
        model = SasaranStrategis
        fields = ["unit", "kode", "nama"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class IndikatorKinerjaForm(forms.ModelForm):
    """Unit indicator, with the organisation's needs (Kebutuhan) it answers."""

    alasan = forms.CharField(label="Alasan perubahan", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="Wajib bila tahun indikator terkunci (hanya BKPSDM).")

    class Meta:
        model = IndikatorKinerja
        fields = ["sasaran", "kode", "nama", "dokumen", "tahun", "satuan", "polaritas", "target", "target_atas",
                  "kebutuhan"]
        widgets = {"kebutuhan": forms.CheckboxSelectMultiple}

    def __init__(self, *args, sasaran_list, kebutuhan_list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sasaran"].queryset = sasaran_list.select_related("unit")
        self.fields["kebutuhan"].queryset = kebutuhan_list.select_related("unit").order_by("status", "-created_at")


class IndikatorFilterForm(forms.Form):
    q = forms.CharField(label="Cari indikator", required=False)
    tahun = forms.IntegerField(label="Tahun", required=False)
    unit = forms.ModelChoiceField(label="Perangkat daerah", queryset=UnitKerja.objects.none(), required=False,
                                  empty_label="Semua perangkat daerah")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitKerja.objects.visible_to(user).opd_list().filter(aktif=True)

    def filter(self, queryset):
        data = self.cleaned_data if self.is_valid() else {}
        queryset = queryset.search(data.get("q", "").strip()).for_tahun(data.get("tahun"))
        if data.get("unit"):
            queryset = queryset.filter(sasaran__unit__path__startswith=data["unit"].path)
        return queryset


class RealisasiIndikatorForm(forms.Form):
    periode_penilaian = forms.ModelChoiceField(label="Periode", queryset=PeriodePenilaian.objects.none())
    nilai = forms.DecimalField(label="Realisasi", min_value=0, max_digits=14, decimal_places=2)
    keterangan = forms.CharField(label="Keterangan", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    alasan = forms.CharField(label="Alasan perubahan (periode terkunci)", required=False)

    def __init__(self, *args, indikator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode_penilaian"].queryset = PeriodePenilaian.objects.filter(
            periode__tahun=indikator.tahun).select_related("periode")


class SkpCreateForm(forms.Form):
    periode = forms.ModelChoiceField(label="Tahun", queryset=Periode.objects.all(), empty_label=None)
    pendekatan = forms.ChoiceField(label="Pendekatan", choices=Skp.Pendekatan.choices)


class SkpForm(forms.ModelForm):
    class Meta:
        model = Skp
        fields = ["pendekatan", "dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"]
        widgets = {name: forms.Textarea(attrs={"rows": 3})
                   for name in ["dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"]}


class RencanaHasilKerjaForm(forms.ModelForm):
    class Meta:
        model = RencanaHasilKerja
        fields = ["jenis", "uraian", "rhk_atasan", "indikator_unit"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, skp, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.skp = skp
        self.fields["rhk_atasan"].queryset = RencanaHasilKerja.objects.intervenable_by(skp)
        self.fields["rhk_atasan"].empty_label = "— tidak ada —"
        if skp.is_jpt:
            self.fields["indikator_unit"].queryset = IndikatorKinerja.objects.filter(
                tahun=skp.periode.tahun, sasaran__unit__path__startswith=skp.pegawai.unit.path)
            del self.fields["rhk_atasan"]
        else:
            del self.fields["indikator_unit"]


class IndikatorKinerjaIndividuForm(forms.ModelForm):
    class Meta:
        model = IndikatorKinerjaIndividu
        fields = ["aspek", "uraian", "target", "target_atas", "satuan", "polaritas", "target_kualitatif"]
        widgets = {"target_kualitatif": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, rhk, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.rhk = rhk
