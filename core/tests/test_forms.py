from django import forms

from core.forms import checks_plain_text, plain_text


@plain_text
class _Form(forms.Form):
    nama = forms.CharField()
    jumlah = forms.IntegerField()


def test_plain_text_form_refuses_control_characters_at_the_field():
    form = _Form({"nama": "Bu\x07di", "jumlah": "1"})

    assert form.is_valid() is False
    assert "karakter kendali" in form.errors["nama"][0]


def test_plain_text_form_keeps_tabs_and_new_lines():
    assert _Form({"nama": "Baris satu\r\n\tdua", "jumlah": "1"}).is_valid() is True


def test_checks_plain_text_tells_a_decorated_form_from_a_bare_one():
    class Bare(forms.Form):
        nama = forms.CharField()

    assert (checks_plain_text(_Form), checks_plain_text(Bare)) == (True, False)
