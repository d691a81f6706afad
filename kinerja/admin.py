"""Admin for data maintenance. The calendar and the rules are edited here; activities and
realisations are read-only apart from a correction that goes through the service with a reason."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from import_export.admin import ExportMixin

from core.admin import HistoryAdmin, ImportExportAdmin
from kinerja import resources, services
from kinerja.models import (
    Aktivitas,
    AturanAktivitas,
    BuktiDukung,
    Cuti,
    HariLibur,
    KewajibanLapor,
    Realisasi,
)


@admin.register(AturanAktivitas)
class AturanAktivitasAdmin(HistoryAdmin):
    list_display = [
        "__str__",
        "hari_tenggang",
        "norma_menit_bulanan",
        "jam_kerja_mulai",
        "jam_kerja_selesai",
        "menit_maksimal_per_hari",
    ]

    def has_add_permission(self, request):
        return not AturanAktivitas.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(KewajibanLapor)
class KewajibanLaporAdmin(HistoryAdmin):
    list_display = ["jenis_jabatan", "jenis_unit", "wajib_harian", "keterangan"]


@admin.register(HariLibur)
class HariLiburAdmin(ImportExportAdmin, HistoryAdmin):
    resource_classes = [resources.HariLiburResource]
    list_display = ["tanggal", "nama", "jenis"]
    list_filter = ["jenis"]
    search_fields = ["nama"]
    date_hierarchy = "tanggal"


@admin.register(Cuti)
class CutiAdmin(ImportExportAdmin, HistoryAdmin):
    resource_classes = [resources.CutiResource]
    list_display = ["pegawai", "jenis", "mulai", "selesai", "keterangan"]
    list_filter = ["jenis"]
    search_fields = ["pegawai__nip", "pegawai__nama"]
    list_select_related = ["pegawai"]
    raw_id_fields = ["pegawai"]


class AktivitasKoreksiForm(forms.ModelForm):
    alasan = forms.CharField(
        label="Alasan koreksi", widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Aktivitas
        fields = ["uraian", "kuantitas_output", "satuan_output"]


class BuktiInline(admin.TabularInline):
    model = BuktiDukung
    fields = ["nama_asli", "jenis_konten", "ukuran", "tautan", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Aktivitas)
class AktivitasAdmin(ExportMixin, HistoryAdmin):
    """Read-only states; the text and output can be corrected with a reason (services.correct_aktivitas)."""

    resource_classes = [resources.AktivitasResource]
    form = AktivitasKoreksiForm
    list_display = ["tanggal", "jam_mulai", "jam_selesai", "menit", "pegawai", "status"]
    list_filter = ["status"]
    search_fields = ["pegawai__nip", "uraian"]
    list_select_related = ["pegawai"]
    show_full_result_count = (
        False  # the table holds millions of rows: no COUNT(*) on every page
    )
    readonly_fields = [
        "pegawai",
        "tanggal",
        "jam_mulai",
        "jam_selesai",
        "menit",
        "rhk",
        "status",
        "catatan_atasan",
        "diajukan_pada",
        "diputuskan_oleh",
        "diputuskan_pada",
        "kunci",
    ]
    inlines = [BuktiInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        try:
            services.correct_aktivitas(
                obj,
                uraian=data["uraian"],
                kuantitas_output=data["kuantitas_output"],
                satuan_output=data["satuan_output"],
                alasan=data["alasan"],
            )
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), level="error")


@admin.register(Realisasi)
class RealisasiAdmin(ExportMixin, HistoryAdmin):
    resource_classes = [resources.RealisasiResource]
    list_display = ["pegawai", "iki", "periode_penilaian", "nilai", "status"]
    list_filter = ["status", "periode_penilaian__periode"]
    search_fields = ["pegawai__nip", "iki__uraian"]
    list_select_related = ["pegawai", "iki", "periode_penilaian__periode"]
    inlines = []

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BuktiDukung)
class BuktiDukungAdmin(admin.ModelAdmin):
    """Evidence is listed for maintenance; files are opened through kinerja:bukti_download only."""

    list_display = [
        "__str__",
        "pegawai",
        "aktivitas",
        "realisasi",
        "jenis_konten",
        "ukuran",
        "created_at",
    ]
    list_select_related = ["pegawai", "aktivitas", "realisasi"]
    search_fields = ["pegawai__nip", "nama_asli"]
    raw_id_fields = ["pegawai", "aktivitas", "realisasi"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
