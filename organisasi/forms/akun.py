"""Login by NIP, password change, and issuing accounts for a unit."""

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    SetPasswordMixin,
)

from core.forms import plain_text
from organisasi import nip as nip_rules
from organisasi.models import UnitKerja


@plain_text
class LoginForm(AuthenticationForm):
    """Login by NIP: spaces people type between the NIP groups are ignored."""

    username = forms.CharField(
        label="NIP",
        max_length=30,
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "username",
                "inputmode": "numeric",
            }
        ),
    )

    password = forms.CharField(
        label="Kata sandi",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": "NIP atau kata sandi salah. Periksa kembali (huruf besar/kecil berpengaruh).",
        "inactive": "Akun ini tidak aktif. Hubungi pengelola kinerja OPD Anda.",
    }

    def clean_username(self):
        return nip_rules.normalize_nip(self.cleaned_data["username"])


@plain_text
class GantiKataSandiForm(PasswordChangeForm):
    """Password change that refuses to keep the old (e.g. one-time) password.

    The fields are declared here, not inherited: plain_text adds its validator to this form's
    own fields instead of Django's shared ones.
    """

    old_password = forms.CharField(
        label=PasswordChangeForm.base_fields["old_password"].label,
        strip=False,
        widget=forms.PasswordInput(
            attrs={"autocomplete": "current-password", "autofocus": True}
        ),
    )
    new_password1, new_password2 = SetPasswordMixin.create_password_fields()

    def clean(self):
        cleaned = super().clean()
        new = cleaned.get("new_password1")
        if new and self.user.check_password(new):
            self.add_error(
                "new_password1", "Kata sandi baru harus berbeda dari kata sandi lama."
            )
        return cleaned


@plain_text
class TerbitkanAkunForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="Unit kerja (termasuk unit di bawahnya)",
        queryset=UnitKerja.objects.filter(aktif=True).order_by("path"),
    )
    reset_existing = forms.BooleanField(
        label="Terbitkan ulang kata sandi untuk pegawai yang sudah punya akun",
        required=False,
    )
