import secrets

from django import forms
from django.core import signing
from django.db.models import Count

from organisasi import permissions
from organisasi.forms import PegawaiNipField
from organisasi.models import Kebutuhan, Pertanyaan, Responden, Survei, UnitKerja
from organisasi.queries_survei import bobot_problem

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
TIKET_SALT = "organisasi.survei.tiket"
TIKET_MAX_AGE = 60 * 60 * 24  # a form left open for a day must be reloaded


class SurveiForm(forms.ModelForm):
    class Meta:
        model = Survei
        fields = [
            "judul", "unit", "program", "periode", "jenis", "internal", "target_responden",
            "tanggal_buka", "tanggal_tutup", "status", "mode_bobot", "survei_sebelumnya",
        ]
        widgets = {"tanggal_buka": DATE, "tanggal_tutup": DATE}
        help_texts = {"jenis": "SKM otomatis berisi 9 unsur baku PermenPANRB 14/2017."}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = permissions.managed_by(UnitKerja.objects.filter(aktif=True), user, unit_field="")
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
            .annotate(jumlah_jawaban=Count("jawaban")).order_by("urutan")
        )
        for unsur in self.unsur_list:
            field = forms.DecimalField(
                label=f"Bobot U{unsur.urutan} {unsur.unsur}", required=False, min_value=0, max_digits=6,
                decimal_places=4, initial=unsur.bobot, localize=True,
                help_text="Kosongkan semua untuk bobot standar." if unsur is self.unsur_list[-1] else "",
            )
            field.disabled = unsur.jumlah_jawaban > 0
            self.fields[f"bobot_{unsur.pk}"] = field

    def bobot(self) -> dict:
        """The unsur weights entered on the form, by pertanyaan id."""
        return {unsur.pk: self.cleaned_data.get(f"bobot_{unsur.pk}") for unsur in self.unsur_list}

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
            self.add_error("survei_sebelumnya", "Pilih survei periode sebelumnya dari unit kerja yang sama.")
        if self.unsur_list and not any(name.startswith("bobot_") for name in self.errors):
            problem = bobot_problem(list(self.bobot().values()))
            if problem:
                self.add_error(None, problem)
        return cleaned


class PertanyaanForm(forms.ModelForm):
    pilihan = forms.CharField(
        label="Pilihan jawaban", required=False, widget=forms.Textarea(attrs={"rows": 3}),
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
                    self.fields[name].help_text = "Tidak dapat diubah: pertanyaan ini sudah dijawab."

    def clean_pilihan(self):
        return [line.strip() for line in self.cleaned_data["pilihan"].splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("tipe") == Pertanyaan.Tipe.PILIHAN and len(cleaned.get("pilihan", [])) < 2:
            self.add_error("pilihan", "Pertanyaan pilihan tunggal perlu paling sedikit dua pilihan.")
        return cleaned


def _question_field(pertanyaan: Pertanyaan) -> forms.Field:
    options = {"label": pertanyaan.teks, "required": pertanyaan.wajib}
    if pertanyaan.tipe == Pertanyaan.Tipe.YA_TIDAK:
        return forms.ChoiceField(choices=[("1", "Ya"), ("0", "Tidak")], widget=forms.RadioSelect, **options)
    if pertanyaan.skala:
        low, high = pertanyaan.skala
        names = pertanyaan.pilihan or []
        choices = [
            (str(value), names[value - low] if value - low < len(names) else str(value))
            for value in range(low, high + 1)
        ]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **options)
    if pertanyaan.tipe == Pertanyaan.Tipe.PILIHAN:
        return forms.ChoiceField(choices=[(o, o) for o in pertanyaan.pilihan], widget=forms.RadioSelect, **options)
    if pertanyaan.tipe == Pertanyaan.Tipe.ANGKA:
        return forms.DecimalField(max_digits=12, decimal_places=2, localize=True, **options)
    return forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), **options)


def new_tiket(survei: Survei) -> str:
    """A signed (survey id, random nonce): the form's one-submission key, no session needed."""
    return signing.dumps([survei.pk, secrets.token_urlsafe(16)], salt=TIKET_SALT)


class JawabanForm(forms.Form):
    """The answer form: one field per question, the optional profile, a honeypot and a ticket.

    The ticket signs the survey id and a random nonce: a form posted to another survey's
    address, older than a day, or already submitted once, is refused. The honeypot (`situs_web`) is hidden from people.
    """

    usia = forms.ChoiceField(label="Usia", required=False, choices=[("", "—")] + Responden.Usia.choices)
    jenis_kelamin = forms.ChoiceField(
        label="Jenis kelamin", required=False, choices=[("", "—")] + Responden.JenisKelamin.choices
    )
    pendidikan = forms.ChoiceField(
        label="Pendidikan terakhir", required=False, choices=[("", "—")] + Responden.Pendidikan.choices
    )
    pekerjaan = forms.ChoiceField(label="Pekerjaan", required=False, choices=[("", "—")] + Responden.Pekerjaan.choices)
    layanan = forms.CharField(label="Layanan yang Anda terima", required=False, max_length=200)
    situs_web = forms.CharField(
        label="Situs web (kosongkan)", required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    tiket = forms.CharField(widget=forms.HiddenInput)

    PROFIL = ["usia", "jenis_kelamin", "pendidikan", "pekerjaan", "layanan"]

    def __init__(self, *args, survei, pertanyaan_list, **kwargs):
        super().__init__(*args, **kwargs)
        self.survei = survei
        self.pertanyaan_list = list(pertanyaan_list)
        self.initial.setdefault("tiket", new_tiket(survei))
        for pertanyaan in self.pertanyaan_list:
            self.fields[f"p{pertanyaan.pk}"] = _question_field(pertanyaan)
        for bound in self.visible_fields():
            widget = bound.field.widget
            if not isinstance(widget, forms.RadioSelect):
                widget.attrs.setdefault("class", "form-select" if isinstance(widget, forms.Select) else "form-control")

    def question_fields(self):
        return [(pertanyaan, self[f"p{pertanyaan.pk}"]) for pertanyaan in self.pertanyaan_list]

    def profile_fields(self):
        return [self[name] for name in self.PROFIL]

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("situs_web"))

    def clean_tiket(self):
        """The ticket's random nonce (its hash is stored: one form, one submission)."""
        try:
            survei_id, nonce = signing.loads(self.cleaned_data["tiket"], salt=TIKET_SALT, max_age=TIKET_MAX_AGE)
        except (signing.BadSignature, TypeError, ValueError) as error:
            raise forms.ValidationError("Formulir kedaluwarsa atau tidak sah. Muat ulang halaman ini.") from error
        if survei_id != self.survei.pk or not nonce:
            raise forms.ValidationError("Formulir ini bukan milik survei ini. Muat ulang halaman ini.")
        return nonce

    def raw_answers(self) -> dict:
        return {p.pk: self.cleaned_data.get(f"p{p.pk}") for p in self.pertanyaan_list}

    def profil(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in self.PROFIL}

    def add_answer_errors(self, errors: dict) -> None:
        for pertanyaan_id, message in errors.items():
            self.add_error(f"p{pertanyaan_id}", message)


class ImportRespondenForm(forms.Form):
    berkas = forms.FileField(label="Berkas jawaban (.xlsx atau .csv)")


class KebutuhanForm(forms.ModelForm):
    pemilik_nip = PegawaiNipField(
        label="NIP penanggung jawab", required=False,
        help_text="Pegawai aktif di perangkat daerah unit kerja kebutuhan ini.",
    )

    class Meta:
        model = Kebutuhan
        fields = ["judul", "unit", "sumber", "deskripsi", "prioritas", "pemilik_nip", "bukti"]
        widgets = {"deskripsi": forms.Textarea(attrs={"rows": 3}), "bukti": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = permissions.managed_by(UnitKerja.objects.filter(aktif=True), user, unit_field="")
        self.fields["unit"].queryset = units
        if self.instance.pemilik_id:
            self.initial["pemilik_nip"] = self.instance.pemilik.nip

    def clean(self):
        cleaned = super().clean()
        pemilik, unit = cleaned.get("pemilik_nip"), cleaned.get("unit")
        if pemilik and unit and pemilik.unit.opd_id != unit.opd_id:
            self.add_error("pemilik_nip", "Penanggung jawab harus pegawai perangkat daerah unit kerja ini.")
        self.instance.pemilik = pemilik
        return cleaned


class KebutuhanFilterForm(forms.Form):
    q = forms.CharField(label="Cari", required=False)
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Semua")] + Kebutuhan.Status.choices)
    sumber = forms.ChoiceField(label="Sumber", required=False, choices=[("", "Semua")] + Kebutuhan.Sumber.choices)

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        queryset = queryset.search(data["q"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["sumber"]:
            queryset = queryset.filter(sumber=data["sumber"])
        return queryset
