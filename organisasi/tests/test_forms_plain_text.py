"""Every text field of every organisasi form refuses invisible control characters at the field."""

import importlib
import pkgutil

import pytest
from django import forms
from django.urls import reverse

import organisasi.forms
from core.forms import checks_plain_text
from organisasi.forms import JawabanForm, new_tiket
from organisasi.models import Pertanyaan, Responden
from organisasi.tests.factories import PertanyaanFactory, SurveiFactory


def _form_classes():
    """Every form class defined in organisasi/forms (beranda has no forms)."""
    found = []
    for module_info in pkgutil.iter_modules(organisasi.forms.__path__):
        module = importlib.import_module(f"organisasi.forms.{module_info.name}")
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, forms.BaseForm)
            and value.__module__ == module.__name__
        ]
    return found


FORM_CLASSES = _form_classes()


def test_the_walk_finds_the_forms():
    names = {form_class.__name__ for form_class in FORM_CLASSES}

    assert {
        "SurveiForm",
        "PertanyaanForm",
        "JawabanForm",
        "KebutuhanForm",
        "PegawaiForm",
        "LoginForm",
    } <= names


@pytest.mark.parametrize(
    "form_class", FORM_CLASSES, ids=[form_class.__name__ for form_class in FORM_CLASSES]
)
def test_every_organisasi_form_refuses_control_characters_in_text(form_class):
    assert checks_plain_text(form_class) is True


def test_beranda_defines_no_form_to_check():
    assert importlib.util.find_spec("beranda.forms") is None


@pytest.mark.django_db
def test_a_free_text_answer_field_refuses_control_characters(org):
    survei = SurveiFactory(unit=org.opd_a)
    teks = PertanyaanFactory(survei=survei, tipe=Pertanyaan.Tipe.TEKS, urutan=1)

    form = JawabanForm(
        {f"p{teks.pk}": "baik\x1b[31m", "tiket": new_tiket(survei)},
        survei=survei,
        pertanyaan_list=[teks],
    )

    assert form.is_valid() is False
    assert "karakter kendali" in form.errors[f"p{teks.pk}"][0]


@pytest.mark.django_db
@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x07"], ids=["NUL", "ESC", "BEL"])
def test_a_control_character_in_a_public_answer_gets_a_message_not_an_error_page(
    client, org, control
):
    survei = SurveiFactory(unit=org.opd_a)
    teks = PertanyaanFactory(survei=survei, tipe=Pertanyaan.Tipe.TEKS, urutan=1)

    response = client.post(
        reverse("publik:jawab", args=[survei.token]),
        {
            f"p{teks.pk}": f"Pelayanan{control} cepat",
            "tiket": new_tiket(survei),
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors[f"p{teks.pk}"]
    assert Responden.objects.count() == 0


@pytest.mark.django_db
def test_every_organisasi_admin_form_refuses_control_characters_in_text(
    org, django_user_model
):
    from django.contrib import admin
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = django_user_model.objects.create_superuser("root", "rahasia-uji-123")
    unchecked = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label != "organisasi":
            continue
        form_classes = [model_admin.get_form(request)] + [
            inline.get_formset(request).form
            for inline in model_admin.get_inline_instances(request)
        ]
        unchecked += [
            model.__name__
            for form_class in form_classes
            if not checks_plain_text(form_class)
        ]

    assert unchecked == []
