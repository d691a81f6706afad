"""Every numeric input of indikator reads the Indonesian format, and every text input refuses control characters.

Issue 8 §9 (a decimal comma must not multiply a value by ten) and §12 (control characters),
over every form of indikator/forms.py and every form of indikator's admin.
"""

import importlib
import inspect
import pkgutil
from decimal import Decimal

import pytest
from django import forms as django_forms
from django.contrib import admin
from django.test import RequestFactory

import indikator
from core.fields import BilanganBulatPositifField, DesimalField
from core.forms import checks_plain_text
from indikator import forms
from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    PerilakuKerja,
    PeriodePenilaian,
)
from indikator.tests.factories import (
    IndikatorKinerjaFactory,
    IndikatorKinerjaIndividuFactory,
    RencanaHasilKerjaFactory,
    SasaranStrategisFactory,
    periode,
    skp_for,
)

pytestmark = pytest.mark.django_db

AMBIGUOUS = "1,250.75"


# --- our forms: (form, field) → a bound form with the typed value -----------------------------------


def _periode_create(org, field, typed):
    return forms.PeriodeCreateForm({"tahun": typed, "skema": "triwulanan"})


def _indikator(org, field, typed):
    sasaran = SasaranStrategisFactory(unit=org.opd_a)
    data = {
        "sasaran": sasaran.pk,
        "kode": "IKU-9",
        "nama": "Cakupan",
        "dokumen": "iku",
        "tahun": "2026",
        "satuan": "%",
        "polaritas": "naik",
        "target": "1",
        "target_atas": "",
    }
    data[field] = typed
    return forms.IndikatorKinerjaForm(data, user=org.admin.akun)


def _indikator_filter(org, field, typed):
    return forms.IndikatorFilterForm({"tahun": typed}, user=org.admin.akun)


def _realisasi(org, field, typed):
    indikator = IndikatorKinerjaFactory(sasaran=SasaranStrategisFactory(unit=org.opd_a))
    periode_penilaian = PeriodePenilaian.objects.filter(periode=periode(2026)).first()
    return forms.RealisasiIndikatorForm(
        {"periode_penilaian": periode_penilaian.pk, "nilai": typed}, indikator=indikator
    )


def _iki(org, field, typed):
    rhk = RencanaHasilKerjaFactory(skp=skp_for(org.staf))
    data = {
        "aspek": "kuantitas",
        "uraian": "Jumlah laporan",
        "target": "1",
        "target_atas": "",
        "satuan": "laporan",
        "polaritas": "naik",
        "target_kualitatif": "",
    }
    data[field] = typed
    return forms.IndikatorKinerjaIndividuForm(data, rhk=rhk)


DECIMAL_FIELDS = [
    pytest.param(_indikator, "target", id="IndikatorKinerjaForm.target"),
    pytest.param(_indikator, "target_atas", id="IndikatorKinerjaForm.target_atas"),
    pytest.param(_realisasi, "nilai", id="RealisasiIndikatorForm.nilai"),
    pytest.param(_iki, "target", id="IndikatorKinerjaIndividuForm.target"),
    pytest.param(_iki, "target_atas", id="IndikatorKinerjaIndividuForm.target_atas"),
]
WHOLE_NUMBER_FIELDS = [
    pytest.param(_periode_create, "tahun", id="PeriodeCreateForm.tahun"),
    pytest.param(_indikator, "tahun", id="IndikatorKinerjaForm.tahun"),
    pytest.param(_indikator_filter, "tahun", id="IndikatorFilterForm.tahun"),
]


def test_the_tables_name_every_numeric_field_of_every_indikator_form():
    numeric = set()
    for name, form_class in inspect.getmembers(forms, inspect.isclass):
        if issubclass(form_class, django_forms.BaseForm):
            numeric |= {
                f"{name}.{field}"
                for field, form_field in form_class.base_fields.items()
                if isinstance(
                    form_field, django_forms.DecimalField | django_forms.IntegerField
                )
            }
    listed = {param.id for param in DECIMAL_FIELDS + WHOLE_NUMBER_FIELDS}

    assert numeric == listed


@pytest.mark.parametrize(("make", "field"), DECIMAL_FIELDS)
@pytest.mark.parametrize(
    ("typed", "value"), [("95,5", Decimal("95.5")), ("1.250,75", Decimal("1250.75"))]
)
def test_a_decimal_field_reads_the_indonesian_format(org, make, field, typed, value):
    form = make(org, field, typed)

    assert form.is_valid(), form.errors
    assert form.cleaned_data[field] == value


@pytest.mark.parametrize(("make", "field"), DECIMAL_FIELDS)
def test_a_decimal_field_refuses_an_ambiguous_number_at_the_field(org, make, field):
    form = make(org, field, AMBIGUOUS)

    assert form.is_valid() is False
    assert "koma untuk desimal" in form.errors[field][0]


@pytest.mark.parametrize(("make", "field"), WHOLE_NUMBER_FIELDS)
@pytest.mark.parametrize("typed", ["95,5", "1.250,75", AMBIGUOUS])
def test_a_whole_number_field_refuses_a_fraction_or_an_ambiguous_number_at_the_field(
    org, make, field, typed
):
    form = make(org, field, typed)

    assert form.is_valid() is False
    assert form.errors[field] == ["Masukkan bilangan bulat, mis. 12 atau 1.250."]


@pytest.mark.parametrize(("make", "field"), WHOLE_NUMBER_FIELDS)
def test_a_year_is_read_as_typed(org, make, field):
    form = make(org, field, "2027")

    assert form.is_valid(), form.errors
    assert form.cleaned_data[field] == 2027


def test_the_iki_edit_form_shows_the_target_as_it_was_typed(org):
    iki = IndikatorKinerjaIndividuFactory(
        rhk=RencanaHasilKerjaFactory(skp=skp_for(org.staf)),
        target=Decimal("95.50"),
        target_atas=Decimal("1250.75"),
    )

    form = forms.IndikatorKinerjaIndividuForm(
        instance=IndikatorKinerjaIndividu.objects.get(pk=iki.pk), rhk=iki.rhk
    )

    assert 'value="95,5"' in str(form["target"]) and 'value="1.250,75"' in str(
        form["target_atas"]
    )
    assert 'type="number"' not in str(form["target"])


def test_the_indikator_edit_form_shows_target_and_year_as_typed(org):
    indikator = IndikatorKinerjaFactory(
        sasaran=SasaranStrategisFactory(unit=org.opd_a),
        target=Decimal("95.50"),
        target_atas=Decimal("1250.75"),
        tahun=2026,
    )

    form = forms.IndikatorKinerjaForm(
        instance=IndikatorKinerja.objects.get(pk=indikator.pk), user=org.admin.akun
    )

    assert 'value="95,5"' in str(form["target"]) and 'value="1.250,75"' in str(
        form["target_atas"]
    )
    assert 'value="2026"' in str(form["tahun"])


def test_a_refused_number_is_shown_again_as_typed(org):
    form = _iki(org, "target", AMBIGUOUS)

    assert form.is_valid() is False
    assert f'value="{AMBIGUOUS}"' in str(form["target"])


# --- the admin: every numeric model field it offers --------------------------------------------------


def _admin_request():
    from organisasi.models import Pengguna

    request = RequestFactory().get("/admin/")
    request.user = Pengguna(is_superuser=True, is_staff=True, is_active=True)
    return request


def _admin_numeric_fields():
    """(model, field name) of every DesimalField / BilanganBulatPositifField of a model the admin shows."""
    found = []
    for model in admin.site._registry:
        if model._meta.app_label != "indikator":
            continue
        for field in model._meta.fields:
            if isinstance(field, DesimalField | BilanganBulatPositifField):
                found.append(
                    pytest.param(model, field.name, id=f"{model.__name__}.{field.name}")
                )
    return found


ADMIN_EDITABLE_NUMBERS = {
    "IndikatorKinerja.tahun",
    "IndikatorKinerja.target",
    "IndikatorKinerja.target_atas",
    "RealisasiIndikator.nilai",
    "PerilakuKerja.urutan",
    "PanduanPerilaku.urutan",
    "RencanaHasilKerja.urutan",
    "IndikatorKinerjaIndividu.target",
    "IndikatorKinerjaIndividu.target_atas",
}
ADMIN_READ_ONLY_NUMBERS = {
    "Periode.tahun",
    "PeriodePenilaian.nomor",
}  # made by the year's service


@pytest.mark.parametrize(("model", "name"), _admin_numeric_fields())
def test_every_numeric_field_of_the_admin_reads_the_indonesian_format(model, name):
    label = f"{model.__name__}.{name}"
    form_class = admin.site._registry[model].get_form(_admin_request(), None)
    if label in ADMIN_READ_ONLY_NUMBERS:
        return  # not an input here (see test_admin); listed so a new numeric field is noticed
    assert label in ADMIN_EDITABLE_NUMBERS
    field = form_class.base_fields[name]
    html = field.widget.render(name, 2026 if name == "tahun" else Decimal("1250.75"))

    assert 'type="number"' not in html
    assert 'value="2026"' in html if name == "tahun" else 'value="1.250,75"' in html
    with pytest.raises(django_forms.ValidationError):
        field.clean(AMBIGUOUS)
    if isinstance(field, django_forms.DecimalField):
        assert (field.clean("95,5"), field.clean("1.250,75")) == (
            Decimal("95.5"),
            Decimal("1250.75"),
        )
    else:
        assert field.clean("1.250") == 1250
        with pytest.raises(django_forms.ValidationError, match="bilangan bulat"):
            field.clean("95,5")


def test_the_admin_tables_name_every_numeric_model_field():
    assert {
        param.id for param in _admin_numeric_fields()
    } == ADMIN_EDITABLE_NUMBERS | ADMIN_READ_ONLY_NUMBERS


def test_the_admin_edit_page_shows_an_iki_target_as_typed(admin_client, org):
    iki = IndikatorKinerjaIndividuFactory(
        rhk=RencanaHasilKerjaFactory(skp=skp_for(org.staf)), target=Decimal("95.50")
    )

    content = admin_client.get(
        f"/admin/indikator/indikatorkinerjaindividu/{iki.pk}/change/"
    ).content.decode()

    assert 'value="95,5"' in content


def test_the_admin_saves_an_iki_target_typed_with_a_decimal_comma(admin_client, org):
    iki = IndikatorKinerjaIndividuFactory(
        rhk=RencanaHasilKerjaFactory(skp=skp_for(org.staf)), target=12
    )
    data = {
        "aspek": "kuantitas",
        "uraian": iki.uraian,
        "target": "95,5",
        "target_atas": "",
        "satuan": "dokumen",
        "polaritas": "naik",
        "target_kualitatif": "",
    }

    response = admin_client.post(
        f"/admin/indikator/indikatorkinerjaindividu/{iki.pk}/change/", data
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert IndikatorKinerjaIndividu.objects.get(pk=iki.pk).target == Decimal("95.5")


# --- control characters (§12) -------------------------------------------------------------------------


def _indikator_form_classes():
    """Every form class defined in a module of the indikator package (tests and migrations aside)."""
    found = {}
    for module_info in pkgutil.walk_packages(indikator.__path__, "indikator."):
        if ".tests" in module_info.name or ".migrations" in module_info.name:
            continue
        module = importlib.import_module(module_info.name)
        for name, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, django_forms.BaseForm)
                and value.__module__ == module.__name__
            ):
                found[f"{module.__name__}.{name}"] = value
    return found


FORM_CLASSES = [
    pytest.param(form_class, id=name)
    for name, form_class in _indikator_form_classes().items()
]


def test_the_walk_finds_the_forms_of_indikator_forms_and_admin():
    assert {
        "indikator.forms.IndikatorKinerjaIndividuForm",
        "indikator.forms.MatriksForm",
        "indikator.admin.IndikatorKinerjaAdminForm",
    } <= set(_indikator_form_classes())


@pytest.mark.parametrize("form_class", FORM_CLASSES)
def test_every_indikator_form_refuses_control_characters(form_class):
    assert checks_plain_text(form_class)


def test_the_forms_built_per_skp_refuse_control_characters_at_their_fields(org, chain):
    perilaku_list = [(perilaku, "") for perilaku in PerilakuKerja.objects.all()]
    ekspektasi = forms.EkspektasiForm(
        {f"perilaku-{perilaku_list[0][0].pk}": "Tepat\x00waktu"},
        perilaku_list=perilaku_list,
    )
    matriks = forms.MatriksForm(
        {f"sel-{chain.iki_kasi.pk}-{org.staf.pk}": "Peran\x1bhasil"},
        iki_list=[chain.iki_kasi],
        bawahan_list=[org.staf],
        cells={},
    )

    assert ekspektasi.is_valid() is False and matriks.is_valid() is False
    assert (
        "karakter kendali" in ekspektasi.errors[f"perilaku-{perilaku_list[0][0].pk}"][0]
    )
    assert (
        "karakter kendali"
        in matriks.errors[f"sel-{chain.iki_kasi.pk}-{org.staf.pk}"][0]
    )


@pytest.mark.parametrize(
    "model",
    [
        pytest.param(model, id=model.__name__)
        for model in admin.site._registry
        if model._meta.app_label == "indikator"
    ],
)
def test_every_indikator_admin_form_refuses_control_characters(org, model):
    model_admin = admin.site._registry[model]
    request = _admin_request()

    assert checks_plain_text(model_admin.get_form(request, None))
    for inline in model_admin.get_inline_instances(request):
        assert checks_plain_text(inline.get_formset(request, None).form)
