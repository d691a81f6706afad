"""The one base of every ModelAdmin with import-export: Indonesian, no tracebacks, rows as in the sheet."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.imports import resource_errors
from core.uploads import UNREADABLE


class ImportExportAdmin(ImportExportModelAdmin):
    """import-export in the admin, as BKPSDM reads it.

    A bad file gets one Indonesian sentence (never an exception name); a refused import lists
    every bad row by its spreadsheet row number and column header (`core.imports.RowError`),
    never a traceback.
    """

    import_template_name = "admin/core/import.html"
    import_error_display = ("message",)

    def add_data_read_fail_error_to_form(self, form, e):
        messages = e.messages if isinstance(e, ValidationError) else [UNREADABLE]
        for message in messages:
            form.add_error("import_file", message)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        if (
            isinstance(response, TemplateResponse)
            and response.context_data.get("result") is not None
        ):
            result = response.context_data["result"]
            resource = self.choose_import_resource_class(
                response.context_data["form"], request
            )(
                **self.get_import_resource_kwargs(
                    request, form=response.context_data["form"], **kwargs
                )
            )
            response.context_data["import_errors"] = resource_errors(resource, result)
        return response


class HistoryAdmin(SimpleHistoryAdmin):
    """The history is the audit log: shown, never reverted.

    simple-history's version page saves the old row on a POST (state fields included) with
    only the view-history permission; here every POST to it is refused.
    """

    def revert_disabled(self, request, obj=None):
        return True

    def has_change_history_permission(self, request, obj=None):
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied(
                "Riwayat hanya dapat dilihat, tidak dapat dikembalikan."
            )
        return super().history_form_view(request, object_id, version_id, extra_context)
