"""Django admin for data maintainers: it corrects data, it does not run the workflows.

State (an SKP's status, dates, penilai and snapshot; the locks of years and months) is
read-only here and changes only through the services, as admin actions where an operator
needs them (reopen an approved SKP with a reason, lock or unlock a year). Whatever a workflow
has closed (an approved or submitted SKP, a locked year or month) is read-only with its
RHK, IKI, ekspektasi and realisasi; history is for reading, never reverted. Only the sheets
with a Resource (sasaran, unit indicators) are imported here; every other model is exported only.
Numbers read "95,5" (core.fields) and every text field refuses control characters.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse

from core.admin import HistoryAdmin, ImportExportAdmin
from core.errors import error_messages
from core.fields import AngkaInput, BilanganBulatPositifField
from core.forms import plain_text
from indikator import permissions, resources, services
from indikator.forms import AlasanForm, TahunInput
from indikator.models import (
    EkspektasiKhusus,
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    MatriksPeranHasil,
    PanduanPerilaku,
    PerilakuKerja,
    Periode,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)


class _TypedAsIndonesians:
    """Whole numbers in a text box ("1.250"; a year as "2026"), text refusing control characters.

    Django's admin gives integer fields a type="number" box, which misreads a decimal comma;
    decimals already get core.fields' AngkaInput from DesimalField.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, BilanganBulatPositifField):
            kwargs.setdefault(
                "widget", TahunInput if db_field.name == "tahun" else AngkaInput
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        return plain_text(super().get_form(request, obj, **kwargs))


class _ExportOnly:
    """Exported for reading; rows are made by the screens' workflows, never imported around them."""

    def has_import_permission(self, request):
        return False


class _ClosedIsReadOnly:
    """A row a workflow has closed (`is_closed`) is shown read-only and cannot be deleted;
    `frozen` fields are read-only on every existing row."""

    frozen: tuple[str, ...] = ()

    def is_closed(self, obj) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if obj is None else [*readonly, *self.frozen]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or not self.is_closed(obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or not self.is_closed(obj)
        )


class IndikatorAdmin(_TypedAsIndonesians, _ClosedIsReadOnly, ImportExportAdmin):
    """The base of indikator's ModelAdmins."""


class IndikatorHistoryAdmin(IndikatorAdmin, HistoryAdmin):
    """For models with history: the history is the audit log (core.admin.HistoryAdmin)."""


def _reason_page(modeladmin, request, queryset, *, action: str, title: str, apply):
    """An admin action that needs a reason: ask for it, then `apply(obj, alasan)` each selected row.

    Returns None (back to the list) once applied; a refusal of the service is shown per row.
    """
    form = AlasanForm(request.POST if "alasan" in request.POST else None)
    if form.is_valid():
        done = 0
        for obj in queryset:
            try:
                apply(obj, form.cleaned_data["alasan"])
            except ValidationError as error:
                for message in error_messages(error):
                    modeladmin.message_user(
                        request, f"{obj}: {message}", messages.ERROR
                    )
            else:
                done += 1
        if done:
            modeladmin.message_user(request, f"{title}: {done} data.", messages.SUCCESS)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "form": form,
        "action": action,
        "queryset": queryset,
        "opts": modeladmin.model._meta,
    }
    return TemplateResponse(request, "indikator/admin_alasan.html", context)


@admin.register(Periode)
class PeriodeAdmin(_ExportOnly, IndikatorHistoryAdmin):
    """A year is made on the Periode screen (with its months or quarters) and changes its scheme there;
    here its SKP deadline is corrected while open, and the actions lock or unlock it (with a reason)."""

    list_display = ["tahun", "skema", "batas_penetapan_skp", "terkunci"]
    readonly_fields = ["tahun", "skema", "terkunci"]
    actions = ["lock_action", "unlock_action"]

    def is_closed(self, obj):
        return obj.terkunci

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # SKP and indicators refer to the year

    def save_model(self, request, obj, form, change):
        services.update_periode(obj, by=request.user)

    @admin.action(description="Kunci tahun terpilih")
    def lock_action(self, request, queryset):
        if not permissions.can_manage_periode(request.user):
            raise PermissionDenied
        for periode in queryset.filter(terkunci=False):
            services.set_periode_lock(periode, terkunci=True, by=request.user)
        self.message_user(request, "Tahun terpilih dikunci.", messages.SUCCESS)

    @admin.action(description="Buka kunci tahun terpilih (dengan alasan)")
    def unlock_action(self, request, queryset):
        if not permissions.can_change_locked_periode(request.user):
            raise PermissionDenied

        def unlock(periode, alasan):
            services.set_periode_lock(
                periode, terkunci=False, by=request.user, alasan=alasan
            )

        return _reason_page(
            self,
            request,
            queryset.filter(terkunci=True),
            action="unlock_action",
            title="Buka kunci tahun",
            apply=unlock,
        )


@admin.register(PeriodePenilaian)
class PeriodePenilaianAdmin(_ExportOnly, IndikatorHistoryAdmin):
    """Months and quarters come with their year; here only the due dates of an open one change."""

    list_display = [
        "periode",
        "nomor",
        "nama",
        "mulai",
        "selesai",
        "batas_realisasi",
        "batas_evaluasi",
        "terkunci",
    ]
    list_filter = ["periode"]
    list_select_related = ["periode"]
    readonly_fields = ["periode", "nomor", "nama", "mulai", "selesai", "terkunci"]

    def is_closed(self, obj):
        return obj.is_locked

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the year's service makes and rebuilds them

    def save_model(self, request, obj, form, change):
        services.update_periode(
            obj.periode, periode_penilaian_list=[obj], by=request.user
        )


@admin.register(SasaranStrategis)
class SasaranStrategisAdmin(IndikatorAdmin):
    resource_classes = [resources.SasaranStrategisResource]
    list_display = ["kode", "nama", "unit"]
    search_fields = ["kode", "nama"]
    list_select_related = ["unit"]


class IndikatorKinerjaAdminForm(forms.ModelForm):
    """A locked year cannot be given to an indicator here (BKPSDM changes it on screen, with a reason)."""

    def clean_tahun(self):
        tahun = self.cleaned_data["tahun"]
        if Periode.objects.filter(tahun=tahun, terkunci=True).exists():
            raise ValidationError(
                f"Tahun {tahun} terkunci; ubah indikatornya lewat layar Indikator dengan alasan."
            )
        return tahun


@admin.register(IndikatorKinerja)
class IndikatorKinerjaAdmin(IndikatorHistoryAdmin):
    form = IndikatorKinerjaAdminForm
    resource_classes = [resources.IndikatorKinerjaResource]
    list_display = [
        "kode",
        "nama",
        "tahun",
        "satuan",
        "polaritas",
        "target",
        "target_atas",
        "sasaran",
    ]
    list_filter = ["tahun", "polaritas", "dokumen"]
    search_fields = ["kode", "nama"]
    list_select_related = ["sasaran"]

    def is_closed(self, obj):
        return obj.is_locked()

    def save_model(self, request, obj, form, change):
        services.save_indikator(obj, by=request.user)


@admin.register(RealisasiIndikator)
class RealisasiIndikatorAdmin(_ExportOnly, IndikatorHistoryAdmin):
    """Realisasi are entered on the indicator's page; here an open period's value can be corrected."""

    list_display = ["indikator", "periode_penilaian", "nilai"]
    list_select_related = ["indikator", "periode_penilaian__periode"]
    frozen = ("indikator", "periode_penilaian")

    def is_closed(self, obj):
        return obj.periode_penilaian.is_locked

    def has_add_permission(self, request):
        return False


class PanduanInline(admin.TabularInline):
    model = PanduanPerilaku
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, BilanganBulatPositifField):
            kwargs.setdefault("widget", AngkaInput)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        plain_text(formset.form)
        return formset


@admin.register(PerilakuKerja)
class PerilakuKerjaAdmin(_ExportOnly, IndikatorAdmin):
    list_display = ["urutan", "nama", "definisi"]
    inlines = [PanduanInline]


@admin.register(PanduanPerilaku)
class PanduanPerilakuAdmin(_ExportOnly, IndikatorAdmin):
    list_display = ["perilaku", "urutan", "uraian"]
    list_select_related = ["perilaku"]


def _skp_open_to_its_owner(skp: Skp) -> bool:
    """The SKP's content may change: a draft or a returned SKP in an open year (as on the SKP screens)."""
    return skp.status in Skp.EDITABLE_STATUSES and not skp.periode.terkunci


def _ever_approved(skp: Skp) -> bool:
    return (
        skp.disetujui_pada is not None
        or skp.history.filter(status=Skp.Status.DISETUJUI).exists()
    )


@admin.register(Skp)
class SkpAdmin(_ExportOnly, IndikatorHistoryAdmin):
    """An SKP is made, submitted, approved and returned on its screens; here BKPSDM reads it, corrects the
    lampiran of an open one, and reopens an approved one with a reason."""

    list_display = ["pegawai", "periode", "jabatan", "penilai", "pendekatan", "status"]
    list_filter = ["periode", "status", "pendekatan"]
    search_fields = ["pegawai__nama", "pegawai__nip"]
    list_select_related = ["pegawai", "periode", "jabatan", "penilai"]
    readonly_fields = [
        "pegawai",
        "periode",
        "jabatan",
        "penilai",
        "status",
        "tanggal_mulai",
        "tanggal_selesai",
        "snapshot",
        "alasan_pengembalian",
        "diajukan_pada",
        "disetujui_pada",
    ]
    actions = ["reopen_action"]

    def is_closed(self, obj):
        return not _skp_open_to_its_owner(obj)

    def has_add_permission(self, request):
        return False  # the pegawai makes their SKP (services.create_skp takes the snapshot)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _ever_approved(obj):
            return False  # an approved SKP is a signed agreement: reopen it instead
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        services.update_skp(
            obj,
            pendekatan=data["pendekatan"],
            dukungan_sumber_daya=data["dukungan_sumber_daya"],
            skema_pertanggungjawaban=data["skema_pertanggungjawaban"],
            konsekuensi=data["konsekuensi"],
        )

    @admin.action(description="Buka kembali SKP yang disetujui (dengan alasan)")
    def reopen_action(self, request, queryset):
        return _reason_page(
            self,
            request,
            queryset,
            action="reopen_action",
            title="Buka kembali SKP",
            apply=lambda skp, alasan: services.reopen_skp(
                skp, by=request.user, alasan=alasan
            ),
        )


class _PartOfSkp(_ExportOnly):
    """Rows of an SKP: added on its screens, corrected here only while the SKP is open to its owner."""

    def skp_of(self, obj) -> Skp:
        raise NotImplementedError

    def is_closed(self, obj):
        return not _skp_open_to_its_owner(self.skp_of(obj))

    def has_add_permission(self, request):
        return False


@admin.register(RencanaHasilKerja)
class RencanaHasilKerjaAdmin(_PartOfSkp, IndikatorHistoryAdmin):
    list_display = ["uraian", "jenis", "skp", "rhk_atasan"]
    raw_id_fields = ["skp", "rhk_atasan", "indikator_unit"]
    list_select_related = ["skp__periode", "rhk_atasan"]
    frozen = ("skp",)

    def skp_of(self, obj):
        return obj.skp


@admin.register(IndikatorKinerjaIndividu)
class IndikatorKinerjaIndividuAdmin(_PartOfSkp, IndikatorHistoryAdmin):
    list_display = ["uraian", "aspek", "target", "target_atas", "satuan", "rhk"]
    raw_id_fields = ["rhk"]
    list_select_related = ["rhk"]
    frozen = ("rhk",)

    def skp_of(self, obj):
        return obj.rhk.skp


@admin.register(EkspektasiKhusus)
class EkspektasiKhususAdmin(_PartOfSkp, IndikatorHistoryAdmin):
    """Written by the pejabat penilai until the SKP is approved."""

    list_display = ["skp", "perilaku", "uraian"]
    raw_id_fields = ["skp"]
    list_select_related = ["skp__periode", "perilaku"]
    frozen = ("skp", "perilaku")

    def skp_of(self, obj):
        return obj.skp

    def is_closed(self, obj):
        return obj.skp.status == Skp.Status.DISETUJUI or obj.skp.periode.terkunci


@admin.register(MatriksPeranHasil)
class MatriksPeranHasilAdmin(_PartOfSkp, IndikatorAdmin):
    """A cell's text may be corrected in an open year; what its push made (the RHK, the text pushed) is the
    push's own record."""

    list_display = ["peran_hasil", "pegawai", "iki_atasan", "rhk"]
    raw_id_fields = ["iki_atasan", "pegawai", "rhk"]
    list_select_related = ["pegawai", "iki_atasan", "rhk"]
    frozen = ("iki_atasan", "pegawai", "rhk", "peran_didorong")

    def skp_of(self, obj):
        return obj.iki_atasan.rhk.skp

    def is_closed(self, obj):
        return self.skp_of(obj).periode.terkunci
