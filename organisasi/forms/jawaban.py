"""The answer form behind a survey's link, and the upload of paper responses."""

import secrets

from django import forms
from django.core import signing

from core.fields import AngkaField
from core.forms import plain_text
from core.validators import refuse_control_characters
from organisasi.models import Pertanyaan, Responden, Survei

TIKET_SALT = "organisasi.survei.tiket"
TIKET_MAX_AGE = 60 * 60 * 24  # a form left open for a day must be reloaded


def _question_field(pertanyaan: Pertanyaan) -> forms.Field:
    options = {"label": pertanyaan.teks, "required": pertanyaan.wajib}
    if pertanyaan.tipe == Pertanyaan.Tipe.YA_TIDAK:
        return forms.ChoiceField(
            choices=[("1", "Ya"), ("0", "Tidak")], widget=forms.RadioSelect, **options
        )
    if pertanyaan.skala:
        low, high = pertanyaan.skala
        names = pertanyaan.pilihan or []
        choices = [
            (str(value), names[value - low] if value - low < len(names) else str(value))
            for value in range(low, high + 1)
        ]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **options)
    if pertanyaan.tipe == Pertanyaan.Tipe.PILIHAN:
        return forms.ChoiceField(
            choices=[(o, o) for o in pertanyaan.pilihan],
            widget=forms.RadioSelect,
            **options,
        )
    if pertanyaan.tipe == Pertanyaan.Tipe.ANGKA:
        return AngkaField(max_digits=12, decimal_places=2, **options)
    return forms.CharField(
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[refuse_control_characters],
        **options,
    )


def new_tiket(survei: Survei) -> str:
    """A signed (survey id, random nonce): the form's one-submission key, no session needed."""
    return signing.dumps([survei.pk, secrets.token_urlsafe(16)], salt=TIKET_SALT)


@plain_text
class JawabanForm(forms.Form):
    """The answer form: one field per question, the optional profile, a honeypot and a ticket.

    The ticket signs the survey id and a random nonce: a form posted to another survey's
    address, older than a day, or already submitted once, is refused. The honeypot (`situs_web`) is hidden from people.
    """

    usia = forms.ChoiceField(
        label="Usia", required=False, choices=[("", "—")] + Responden.Usia.choices
    )
    jenis_kelamin = forms.ChoiceField(
        label="Jenis kelamin",
        required=False,
        choices=[("", "—")] + Responden.JenisKelamin.choices,
    )
    pendidikan = forms.ChoiceField(
        label="Pendidikan terakhir",
        required=False,
        choices=[("", "—")] + Responden.Pendidikan.choices,
    )
    pekerjaan = forms.ChoiceField(
        label="Pekerjaan",
        required=False,
        choices=[("", "—")] + Responden.Pekerjaan.choices,
    )
    layanan = forms.CharField(
        label="Layanan yang Anda terima", required=False, max_length=200
    )
    situs_web = forms.CharField(
        label="Situs web (kosongkan)",
        required=False,
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
                widget.attrs.setdefault(
                    "class",
                    "form-select"
                    if isinstance(widget, forms.Select)
                    else "form-control",
                )

    def question_fields(self):
        return [
            (pertanyaan, self[f"p{pertanyaan.pk}"])
            for pertanyaan in self.pertanyaan_list
        ]

    def profile_fields(self):
        return [self[name] for name in self.PROFIL]

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("situs_web"))

    def clean_tiket(self):
        """The ticket's random nonce (its hash is stored: one form, one submission)."""
        try:
            survei_id, nonce = signing.loads(
                self.cleaned_data["tiket"], salt=TIKET_SALT, max_age=TIKET_MAX_AGE
            )
        except (signing.BadSignature, TypeError, ValueError) as error:
            raise forms.ValidationError(
                "Formulir kedaluwarsa atau tidak sah. Muat ulang halaman ini."
            ) from error
        if survei_id != self.survei.pk or not nonce:
            raise forms.ValidationError(
                "Formulir ini bukan milik survei ini. Muat ulang halaman ini."
            )
        return nonce

    def raw_answers(self) -> dict:
        return {p.pk: self.cleaned_data.get(f"p{p.pk}") for p in self.pertanyaan_list}

    def profil(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in self.PROFIL}

    def add_answer_errors(self, errors: dict) -> None:
        for pertanyaan_id, message in errors.items():
            self.add_error(f"p{pertanyaan_id}", message)


@plain_text
class ImportRespondenForm(forms.Form):
    berkas = forms.FileField(label="Berkas jawaban (.xlsx atau .csv)")
