"""Login by NIP, password change, and issuing accounts for a unit."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from organisasi import nip as nip_rules
from organisasi.models import UnitKerja


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


class GantiKataSandiForm(PasswordChangeForm):
    """Password change that refuses to keep the old (e.g. one-time) password."""

    def clean(self):
        cleaned = super().clean()
        new = cleaned.get("new_password1")
        if new and self.user.check_password(new):
            self.add_error(
                "new_password1", "Kata sandi baru harus berbeda dari kata sandi lama."
            )
        return cleaned


class TerbitkanAkunForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="Unit kerja (termasuk unit di bawahnya)",
        queryset=UnitKerja.objects.filter(aktif=True).order_by("path"),
    )
    reset_existing = forms.BooleanField(
        label="Terbitkan ulang kata sandi untuk pegawai yang sudah punya akun",
        required=False,
    )
