"""The survey builder: a survey's settings with its unsur weights, and one question."""

from django import forms
from django.db.models import Count

from core.fields import AngkaField
from core.forms import plain_text
from organisasi import permissions
from organisasi.models import Pertanyaan, Survei, UnitKerja
from organisasi.skm import bobot_problem

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


@plain_text
class SurveiForm(forms.ModelForm):
    class Meta:
        model = Survei
        fields = [
            "judul",
            "unit",
            "program",
            "periode",
            "jenis",
            "internal",
            "target_responden",
            "tanggal_buka",
            "tanggal_tutup",
            "status",
            "mode_bobot",
            "survei_sebelumnya",
        ]
        widgets = {"tanggal_buka": DATE, "tanggal_tutup": DATE}
        help_texts = {"jenis": "SKM otomatis berisi 9 unsur baku PermenPANRB 14/2017."}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = permissions.managed_by(
            UnitKerja.objects.filter(aktif=True), user, unit_field=""
        )
        # The previous period: a survey of the same unit (checked in clean) that the user manages.
        previous = permissions.managed_by(Survei.objects.select_related("unit"), user)
        if self.instance.pk:
            previous = previous.exclude(pk=self.instance.pk)
            self.fields["jenis"].disabled = True
        self.fields["survei_sebelumnya"].queryset = previous
        self._add_weight_fields()

    def _add_weight_fields(self):
        """One weight per SKM unsur, set all at once (they must sum to 1); locked once answered."""
        self.unsur_list = []
        if not self.instance.pk:
            return
        self.unsur_list = list(
            self.instance.pertanyaan_set.filter(tipe=Pertanyaan.Tipe.UNSUR_SKM)
            .annotate(jumlah_jawaban=Count("jawaban"))
            .order_by("urutan")
        )
        for unsur in self.unsur_list:
            field = AngkaField(
                label=f"Bobot U{unsur.urutan} {unsur.unsur}",
                required=False,
                min_value=0,
                max_digits=6,
                decimal_places=4,
                initial=unsur.bobot,
                help_text="Kosongkan semua untuk bobot standar."
                if unsur is self.unsur_list[-1]
                else "",
            )
            field.disabled = unsur.jumlah_jawaban > 0
            self.fields[f"bobot_{unsur.pk}"] = field

    def bobot(self) -> dict:
        """The unsur weights entered on the form, by pertanyaan id."""
        return {
            unsur.pk: self.cleaned_data.get(f"bobot_{unsur.pk}")
            for unsur in self.unsur_list
        }

    def clean(self):
        cleaned = super().clean()
        opening = cleaned.get("status") == Survei.Status.DIBUKA
        has_questions = cleaned.get("jenis") == Survei.Jenis.SKM or (
            self.instance.pk and self.instance.pertanyaan_set.exists()
        )
        if opening and not has_questions:
            self.add_error("status", "Tambahkan pertanyaan dulu sebelum survei dibuka.")
        previous, unit = cleaned.get("survei_sebelumnya"), cleaned.get("unit")
        if previous and unit and previous.unit_id != unit.pk:
            self.add_error(
                "survei_sebelumnya",
                "Pilih survei periode sebelumnya dari unit kerja yang sama.",
            )
        if self.unsur_list and not any(
            name.startswith("bobot_") for name in self.errors
        ):
            problem = bobot_problem(list(self.bobot().values()))
            if problem:
                self.add_error(None, problem)
        return cleaned


@plain_text
class PertanyaanForm(forms.ModelForm):
    pilihan = forms.CharField(
        label="Pilihan jawaban",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Satu pilihan per baris (untuk pilihan tunggal; untuk skala: label nilai terendah dulu).",
    )

    class Meta:
        model = Pertanyaan
        fields = ["teks", "unsur", "tipe", "pilihan", "wajib", "bobot"]
        widgets = {"teks": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["pilihan"] = "\n".join(self.instance.pilihan)
            if self.instance.jawaban_set.exists():
                # Answers are stored against these: only the wording may change now.
                for name in Pertanyaan.FIELDS_LOCKED_BY_ANSWERS:
                    self.fields[name].disabled = True
                    self.fields[
                        name
                    ].help_text = "Tidak dapat diubah: pertanyaan ini sudah dijawab."

    def clean_pilihan(self):
        return [
            line.strip()
            for line in self.cleaned_data["pilihan"].splitlines()
            if line.strip()
        ]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("tipe") == Pertanyaan.Tipe.PILIHAN
            and len(cleaned.get("pilihan", [])) < 2
        ):
            self.add_error(
                "pilihan",
                "Pertanyaan pilihan tunggal perlu paling sedikit dua pilihan.",
            )
        return cleaned
