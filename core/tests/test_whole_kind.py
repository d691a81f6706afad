"""Rules that hold for a whole kind of thing across every app (the audit's habit).

These walk the registries (models, admin, form classes) instead of naming examples, so a new
numeric field, export or form that skips the rule fails here.
"""

import importlib
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.db import models
from import_export.admin import ExportMixin, ImportMixin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import HistoryAdmin, ImportExportAdmin
from core.fields import AngkaField, BilanganBulatField, DesimalField
from core.formats import CSV, XLSX
from core.forms import checks_plain_text

PROJECT_APPS = [name for name in settings.LOCAL_APPS if name != "core"]


def _project_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_config.name in PROJECT_APPS
        and not model.__name__.startswith("Historical")
    ]


def _form_modules():
    for app in PROJECT_APPS:
        for name in (f"{app}.forms",):
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError:
                continue
            yield module
            if hasattr(module, "__path__"):
                for info in pkgutil.iter_modules(module.__path__):
                    yield importlib.import_module(f"{name}.{info.name}")


def _project_forms():
    found = {}
    for module in _form_modules():
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__.split(".")[0] in PROJECT_APPS
            ):
                found[f"{value.__module__}.{value.__name__}"] = value
    return sorted(found.items())


def _editable_number_fields():
    for model in _project_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.DecimalField | models.IntegerField)
                and field.editable
                and not field.primary_key
                and not field.choices
            ):
                yield pytest.param(field, id=f"{model._meta.label}.{field.name}")


@pytest.mark.parametrize("field", list(_editable_number_fields()))
def test_every_numeric_model_field_reads_the_indonesian_format(field):
    form_field = field.formfield()

    assert isinstance(form_field, AngkaField | BilanganBulatField)
    if isinstance(field, models.DecimalField):
        assert isinstance(field, DesimalField)


@pytest.mark.parametrize(
    ("name", "form_class"), _project_forms(), ids=[name for name, _ in _project_forms()]
)
def test_every_form_refuses_control_characters_in_its_text_fields(name, form_class):
    assert checks_plain_text(form_class) is True


@pytest.mark.parametrize(
    ("name", "form_class"), _project_forms(), ids=[name for name, _ in _project_forms()]
)
def test_every_form_reads_numbers_the_indonesian_way(name, form_class):
    plain_numbers = [
        field_name
        for field_name, field in form_class.base_fields.items()
        if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField)
        and not isinstance(field, AngkaField | BilanganBulatField)
        and not isinstance(field, forms.ModelChoiceField)
    ]

    assert plain_numbers == []


def _import_export_admins():
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, ImportMixin | ExportMixin):
            yield pytest.param(model_admin, id=model._meta.label)


@pytest.mark.parametrize("model_admin", list(_import_export_admins()))
def test_every_admin_import_and_export_speaks_indonesian_and_keeps_text_as_text(
    model_admin,
):
    formats = (
        set(model_admin.get_export_formats())
        if isinstance(model_admin, ExportMixin)
        else set()
    )
    if isinstance(model_admin, ImportMixin):
        formats |= set(model_admin.get_import_formats())

    assert formats <= {XLSX, CSV}
    if isinstance(model_admin, ImportMixin):
        assert isinstance(model_admin, ImportExportAdmin)


@pytest.mark.parametrize(
    "model_admin",
    [
        pytest.param(model_admin, id=model._meta.label)
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, SimpleHistoryAdmin)
    ],
)
def test_every_admin_history_is_read_only(model_admin):
    assert isinstance(model_admin, HistoryAdmin)
