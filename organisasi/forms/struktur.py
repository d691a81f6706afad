"""Units and positions."""

from django import forms

from core.forms import plain_text
from organisasi.models import Jabatan, UnitKerja


@plain_text
class UnitKerjaForm(forms.ModelForm):
    class Meta:
        model = UnitKerja
        fields = ["kode", "nama", "singkatan", "jenis", "induk", "aktif"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["induk"].queryset = UnitKerja.objects.filter(aktif=True).order_by(
            "path"
        )


@plain_text
class JabatanForm(forms.ModelForm):
    class Meta:
        model = Jabatan
        fields = ["kode", "nama", "jenis", "unit", "atasan", "kelas_jabatan", "aktif"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitKerja.objects.filter(aktif=True).order_by(
            "path"
        )
        self.fields["atasan"].queryset = Jabatan.objects.filter(
            aktif=True
        ).select_related("unit")
