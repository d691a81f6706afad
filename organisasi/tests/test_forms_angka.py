"""Every numeric input of organisasi (our forms and the admin) reads "95,5" and "1.250,75",
refuses what it cannot read one way only at the field, and shows a stored value as it is typed."""

from decimal import Decimal

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory

from core.fields import AngkaField, BilanganBulatField
from organisasi.admin import PertanyaanInline
from organisasi.forms import (
    GantiKataSandiForm,
    ImportRespondenForm,
    JabatanForm,
    JawabanForm,
    KebutuhanFilterForm,
    KebutuhanForm,
    LoginForm,
    PegawaiFilterForm,
    PegawaiForm,
    PertanyaanForm,
    SurveiForm,
    TerbitkanAkunForm,
    UnitKerjaForm,
)
from organisasi.models import (
    Jabatan,
    MutuPelayanan,
    Pengguna,
    Pertanyaan,
    Survei,
    UnsurSkm,
)
from organisasi.tests.factories import PertanyaanFactory, SurveiFactory, skm_survei

pytestmark = pytest.mark.django_db

NUMERIC_FORM_FIELDS = (forms.IntegerField, forms.DecimalField, forms.FloatField)


def _root():
    return Pengguna.objects.filter(
        is_superuser=True
    ).first() or Pengguna.objects.create_superuser("root", "x-12345678")


def _admin_form(model, obj=None):
    request = RequestFactory().get("/admin/")
    request.user = _root()
    return admin.site._registry[model].get_form(request, obj)


def _inline_form(survei):
    request = RequestFactory().get("/admin/")
    request.user = _root()
    return PertanyaanInline(Survei, admin.site).get_formset(request, survei).form


def _survei_form(org):
    survei = skm_survei(unit=org.opd_a)
    return lambda data=None: SurveiForm(data, instance=survei, user=org.admin.akun)


def _jawaban_form(org):
    survei = SurveiFactory(unit=org.opd_a)
    angka = PertanyaanFactory(survei=survei, tipe=Pertanyaan.Tipe.ANGKA, urutan=1)
    return lambda data=None: JawabanForm(data, survei=survei, pertanyaan_list=[angka])


def _admin(model):
    return lambda org: _admin_form(model)


def _inline(org):
    return _inline_form(SurveiFactory(unit=org.opd_a))


def _first_bobot(form):
    return next(name for name in form.fields if name.startswith("bobot_"))


def _question(form):
    return next(name for name in form.fields if name[:1] == "p" and name[1:].isdigit())


WHOLE = [("1.250", 1250), ("12", 12)]
DECIMAL = [("95,5", Decimal("95.5")), ("1.250,75", Decimal("1250.75"))]
BAND = [
    ("95,5", Decimal("95.5")),
    ("88,31", Decimal("88.31")),
]  # an IKM band has at most 5 digits
WEIGHT = [("0,1111", Decimal("0.1111")), ("0,5", Decimal("0.5"))]
AMBIGUOUS_WHOLE = ["2,5", "1,250.75"]
AMBIGUOUS_DECIMAL = ["1,250.75", "1,250,000", "12,3,4"]

# (case, build(org) → a function data → bound form, field name or a function finding it, typed → stored, refused)
FIELDS = [
    (
        "SurveiForm.target_responden",
        _survei_form,
        "target_responden",
        WHOLE,
        AMBIGUOUS_WHOLE,
    ),
    ("SurveiForm.bobot unsur", _survei_form, _first_bobot, WEIGHT, AMBIGUOUS_DECIMAL),
    (
        "PertanyaanForm.bobot",
        lambda org: PertanyaanForm,
        "bobot",
        WEIGHT,
        AMBIGUOUS_DECIMAL,
    ),
    (
        "JabatanForm.kelas_jabatan",
        lambda org: JabatanForm,
        "kelas_jabatan",
        WHOLE,
        AMBIGUOUS_WHOLE,
    ),
    ("JawabanForm.jawaban angka", _jawaban_form, _question, DECIMAL, AMBIGUOUS_DECIMAL),
    (
        "admin MutuPelayanan.batas_bawah",
        _admin(MutuPelayanan),
        "batas_bawah",
        BAND,
        AMBIGUOUS_DECIMAL,
    ),
    (
        "admin MutuPelayanan.batas_atas",
        _admin(MutuPelayanan),
        "batas_atas",
        BAND,
        AMBIGUOUS_DECIMAL,
    ),
    ("admin UnsurSkm.urutan", _admin(UnsurSkm), "urutan", WHOLE, AMBIGUOUS_WHOLE),
    ("admin Pertanyaan.urutan", _admin(Pertanyaan), "urutan", WHOLE, AMBIGUOUS_WHOLE),
    ("admin Pertanyaan.bobot", _admin(Pertanyaan), "bobot", WEIGHT, AMBIGUOUS_DECIMAL),
    (
        "admin Survei.target_responden",
        _admin(Survei),
        "target_responden",
        WHOLE,
        AMBIGUOUS_WHOLE,
    ),
    (
        "admin Jabatan.kelas_jabatan",
        _admin(Jabatan),
        "kelas_jabatan",
        WHOLE,
        AMBIGUOUS_WHOLE,
    ),
    (
        "admin Survei pertanyaan inline.urutan",
        _inline,
        "urutan",
        WHOLE,
        AMBIGUOUS_WHOLE,
    ),
    (
        "admin Survei pertanyaan inline.bobot",
        _inline,
        "bobot",
        WEIGHT,
        AMBIGUOUS_DECIMAL,
    ),
]
IDS = [case[0] for case in FIELDS]
PARAMS = ("case", "build", "field", "typed", "refused")


def _field_name(form, field):
    return field(form) if callable(field) else field


def _bound(make, field, typed):
    name = _field_name(make(), field)
    form = make({name: typed})
    form.is_valid()
    return form, name


@pytest.mark.parametrize(PARAMS, FIELDS, ids=IDS)
def test_a_numeric_input_reads_the_indonesian_format(
    org, case, build, field, typed, refused
):
    make = build(org)

    for text, value in typed:
        form, name = _bound(make, field, text)

        assert name not in form.errors, (text, form.errors.get(name))
        assert form.cleaned_data[name] == value


@pytest.mark.parametrize(PARAMS, FIELDS, ids=IDS)
def test_a_numeric_input_refuses_what_it_cannot_read_one_way_only(
    org, case, build, field, typed, refused
):
    make = build(org)

    for text in refused:
        form, name = _bound(make, field, text)

        assert form.errors.get(name), text


@pytest.mark.parametrize(PARAMS, FIELDS, ids=IDS)
def test_a_numeric_input_is_a_text_box_with_a_decimal_keypad(
    org, case, build, field, typed, refused
):
    form = build(org)()
    html = str(form[_field_name(form, field)])

    assert 'type="text"' in html and 'inputmode="decimal"' in html


def _every_form(org):
    survei = skm_survei(unit=org.opd_a)
    PertanyaanFactory(survei=survei, tipe=Pertanyaan.Tipe.ANGKA, urutan=99)
    forms_ = [
        SurveiForm(instance=survei, user=org.admin.akun),
        PertanyaanForm(),
        JabatanForm(),
        UnitKerjaForm(),
        PegawaiForm(),
        KebutuhanForm(user=org.admin.akun),
        KebutuhanFilterForm(),
        PegawaiFilterForm(user=org.admin.akun),
        TerbitkanAkunForm(),
        ImportRespondenForm(),
        LoginForm(),
        GantiKataSandiForm(org.staf.akun),
        JawabanForm(survei=survei, pertanyaan_list=survei.pertanyaan_set.all()),
    ]
    request = RequestFactory().get("/admin/")
    request.user = _root()
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label == "organisasi":
            forms_.append(model_admin.get_form(request)())
            forms_ += [
                inline.get_formset(request).form()
                for inline in model_admin.get_inline_instances(request)
            ]
    return forms_


def test_every_numeric_field_of_every_organisasi_form_and_admin_form_reads_the_indonesian_format(
    org,
):
    numeric = [
        (type(form).__name__, name, type(field).__name__)
        for form in _every_form(org)
        for name, field in form.fields.items()
        if isinstance(field, NUMERIC_FORM_FIELDS)
    ]

    assert numeric  # the walk found the numeric fields
    assert [
        entry
        for entry in numeric
        if entry[2] not in (AngkaField.__name__, BilanganBulatField.__name__)
    ] == []


def test_the_survey_edit_form_shows_stored_numbers_as_typed(org):
    survei = skm_survei(unit=org.opd_a, target_responden=1250)
    survei.pertanyaan_set.update(bobot=Decimal("0.1111"))
    survei.pertanyaan_set.filter(urutan=9).update(bobot=Decimal("0.1112"))

    form = SurveiForm(instance=survei, user=org.admin.akun)

    assert 'value="1.250"' in str(form["target_responden"])
    assert 'value="0,1111"' in str(form[_first_bobot(form)])


def test_the_question_edit_form_shows_its_weight_as_typed(org):
    pertanyaan = PertanyaanFactory(
        tipe=Pertanyaan.Tipe.UNSUR_SKM, bobot=Decimal("0.5000")
    )

    assert 'value="0,5"' in str(PertanyaanForm(instance=pertanyaan)["bobot"])


def test_the_admin_shows_a_quality_band_as_typed(org, client):
    from django.urls import reverse

    client.force_login(_root())
    band = MutuPelayanan.objects.get(mutu="A")

    page = client.get(
        reverse("admin:organisasi_mutupelayanan_change", args=[band.pk])
    ).content.decode()

    assert 'value="88,31"' in page


def test_a_numeric_answer_in_a_response_file_reads_the_indonesian_format(org):
    from organisasi import services

    angka = PertanyaanFactory(tipe=Pertanyaan.Tipe.ANGKA)

    assert [
        services.parse_answer(angka, typed).nilai
        for typed in ("1.250,75", "95,5", 12.5)
    ] == [
        Decimal("1250.75"),
        Decimal("95.50"),
        Decimal("12.50"),
    ]
