"""Django admin for data maintainers; models with a spreadsheet import and export through its Resource."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ImportExportAdmin
from indikator import resources
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


@admin.register(Periode)
class PeriodeAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    list_display = ["tahun", "skema", "batas_penetapan_skp", "terkunci"]


@admin.register(PeriodePenilaian)
class PeriodePenilaianAdmin(ImportExportAdmin, SimpleHistoryAdmin):
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


@admin.register(SasaranStrategis)
class SasaranStrategisAdmin(ImportExportAdmin):
    resource_classes = [resources.SasaranStrategisResource]
    list_display = ["kode", "nama", "unit"]
    search_fields = ["kode", "nama"]
    list_select_related = ["unit"]


@admin.register(IndikatorKinerja)
class IndikatorKinerjaAdmin(ImportExportAdmin, SimpleHistoryAdmin):
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


@admin.register(RealisasiIndikator)
class RealisasiIndikatorAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    list_display = ["indikator", "periode_penilaian", "nilai"]
    list_select_related = ["indikator", "periode_penilaian__periode"]


class PanduanInline(admin.TabularInline):
    model = PanduanPerilaku
    extra = 0


@admin.register(PerilakuKerja)
class PerilakuKerjaAdmin(ImportExportAdmin):
    list_display = ["urutan", "nama", "definisi"]
    inlines = [PanduanInline]


@admin.register(PanduanPerilaku)
class PanduanPerilakuAdmin(ImportExportAdmin):
    list_display = ["perilaku", "urutan", "uraian"]
    list_select_related = ["perilaku"]


@admin.register(Skp)
class SkpAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    list_display = ["pegawai", "periode", "jabatan", "penilai", "pendekatan", "status"]
    list_filter = ["periode", "status", "pendekatan"]
    search_fields = ["pegawai__nama", "pegawai__nip"]
    autocomplete_fields = ["pegawai", "penilai", "jabatan"]
    list_select_related = ["pegawai", "periode", "jabatan", "penilai"]


@admin.register(RencanaHasilKerja)
class RencanaHasilKerjaAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    list_display = ["uraian", "jenis", "skp", "rhk_atasan"]
    raw_id_fields = ["skp", "rhk_atasan", "indikator_unit"]
    list_select_related = ["skp__periode", "rhk_atasan"]


@admin.register(IndikatorKinerjaIndividu)
class IndikatorKinerjaIndividuAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    list_display = ["uraian", "aspek", "target", "target_atas", "satuan", "rhk"]
    raw_id_fields = ["rhk"]
    list_select_related = ["rhk"]


@admin.register(EkspektasiKhusus)
class EkspektasiKhususAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    list_display = ["skp", "perilaku", "uraian"]
    raw_id_fields = ["skp"]
    list_select_related = ["skp__periode", "perilaku"]


@admin.register(MatriksPeranHasil)
class MatriksPeranHasilAdmin(ImportExportAdmin):
    list_display = ["peran_hasil", "pegawai", "iki_atasan", "rhk"]
    raw_id_fields = ["iki_atasan", "pegawai", "rhk"]
    list_select_related = ["pegawai", "iki_atasan", "rhk"]
