from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from import_export.admin import ExportMixin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ImportExportAdmin
from organisasi import services
from organisasi.models import (
    ImporResponden,
    Jabatan,
    Jawaban,
    Kebutuhan,
    KepalaDaerah,
    MutuPelayanan,
    Pegawai,
    Pengguna,
    Pertanyaan,
    Responden,
    Survei,
    UnitKerja,
    UnsurSkm,
)
from organisasi.resources import (
    JabatanResource,
    KebutuhanResource,
    PegawaiResource,
    UnitKerjaResource,
)


class _ImportRefreshesDerivedData:
    """After a confirmed admin import, re-derive unit paths and atasan (a service, not a hook)."""

    def process_result(self, result, request):
        response = super().process_result(result, request)
        services.refresh_derived_after_import()
        return response


@admin.register(UnitKerja)
class UnitKerjaAdmin(
    _ImportRefreshesDerivedData, ImportExportAdmin, SimpleHistoryAdmin
):
    resource_classes = [UnitKerjaResource]
    list_display = ["kode", "nama", "jenis", "induk", "opd", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama"]
    autocomplete_fields = ["induk"]
    readonly_fields = ["path", "kedalaman", "opd"]

    def save_model(self, request, obj, form, change):
        services.save_unit(obj)


@admin.register(Jabatan)
class JabatanAdmin(_ImportRefreshesDerivedData, ImportExportAdmin, SimpleHistoryAdmin):
    resource_classes = [JabatanResource]
    list_display = ["kode", "nama", "jenis", "unit", "atasan", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama", "unit__nama"]
    autocomplete_fields = ["unit", "atasan"]
    list_select_related = ["unit", "atasan"]

    def save_model(self, request, obj, form, change):
        services.save_jabatan(obj)


@admin.register(Pegawai)
class PegawaiAdmin(_ImportRefreshesDerivedData, ImportExportAdmin, SimpleHistoryAdmin):
    resource_classes = [PegawaiResource]
    list_display = [
        "nip",
        "nama",
        "status",
        "golongan",
        "jabatan",
        "unit",
        "atasan",
        "aktif",
    ]
    list_filter = ["status", "aktif", "jabatan__jenis"]
    search_fields = ["nip", "nama"]
    autocomplete_fields = ["jabatan", "unit", "atasan", "akun"]
    list_select_related = ["jabatan", "unit", "atasan"]
    actions = ["deactivate_action"]

    def save_model(self, request, obj, form, change):
        services.save_pegawai(obj)

    def has_delete_permission(self, request, obj=None):
        return (
            False  # pegawai are deactivated (history and login follow), never deleted
        )

    @admin.action(description="Nonaktifkan pegawai terpilih")
    def deactivate_action(self, request, queryset):
        count = services.deactivate_pegawai_list(queryset)
        self.message_user(request, f"{count} pegawai dinonaktifkan.")


@admin.register(Pengguna)
class PenggunaAdmin(UserAdmin):
    list_display = [
        "username",
        "nama",
        "peran",
        "opd_dikelola",
        "is_active",
        "is_staff",
        "last_login",
    ]
    list_filter = ["peran", "is_active", "is_staff"]
    search_fields = ["username", "nama", "email"]
    ordering = ["username"]
    autocomplete_fields = ["opd_dikelola"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Identitas", {"fields": ["nama", "email"]}),
        ("Peran", {"fields": ["peran", "opd_dikelola", "harus_ganti_password"]}),
        (
            "Akses admin",
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        ("Waktu", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "nama", "peran", "password1", "password2"],
            },
        )
    ]

    def get_readonly_fields(self, request, obj=None):
        """Only a superuser grants superuser, staff status, groups or permissions."""
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "is_staff", "groups", "user_permissions"]
        return readonly

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.close_inactive_accounts()  # an inactive pegawai's login cannot be reopened here


@admin.register(KepalaDaerah)
class KepalaDaerahAdmin(SimpleHistoryAdmin):
    """Wali Kota and Wakil: kept by BKPSDM (the admin group holds every local model)."""

    list_display = [
        "nama",
        "jabatan",
        "masa_jabatan_mulai",
        "masa_jabatan_selesai",
        "akun",
        "aktif",
    ]
    list_filter = ["jabatan", "aktif"]
    search_fields = ["nama", "nip"]
    autocomplete_fields = ["akun"]
    list_select_related = ["akun"]


@admin.register(MutuPelayanan)
class MutuPelayananAdmin(admin.ModelAdmin):
    list_display = ["mutu", "kinerja", "batas_bawah", "batas_atas"]


@admin.register(UnsurSkm)
class UnsurSkmAdmin(admin.ModelAdmin):
    list_display = ["urutan", "nama", "pertanyaan"]


class _ScoringLockedOnceAnswered:
    """How a question is scored (type, options, weight) is fixed once it has answers, in the
    admin too (the screens go through services.save_pertanyaan)."""

    scoring_fields = ["tipe", "pilihan", "bobot"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        survei_answered = isinstance(obj, Survei) and obj.responden_set.exists()
        pertanyaan_answered = isinstance(obj, Pertanyaan) and obj.jawaban_set.exists()
        return (
            readonly + self.scoring_fields
            if survei_answered or pertanyaan_answered
            else readonly
        )


class PertanyaanInline(_ScoringLockedOnceAnswered, admin.TabularInline):
    model = Pertanyaan
    extra = 0
    fields = ["urutan", "unsur", "teks", "tipe", "pilihan", "wajib", "bobot"]


@admin.register(Survei)
class SurveiAdmin(SimpleHistoryAdmin):
    list_display = [
        "judul",
        "unit",
        "periode",
        "jenis",
        "status",
        "tanggal_buka",
        "tanggal_tutup",
    ]
    list_filter = ["jenis", "status", "internal"]
    search_fields = ["judul", "program", "unit__nama"]
    autocomplete_fields = ["unit", "survei_sebelumnya"]
    readonly_fields = ["token", "dibuat_oleh"]
    list_select_related = ["unit"]
    inlines = [PertanyaanInline]


class JawabanInline(admin.TabularInline):
    model = Jawaban
    extra = 0
    readonly_fields = ["pertanyaan", "nilai", "teks"]
    can_delete = False


@admin.register(Responden)
class RespondenAdmin(admin.ModelAdmin):
    list_display = ["pk", "survei", "diisi_pada", "sumber", "usia", "jenis_kelamin"]
    list_filter = ["sumber"]
    search_fields = ["survei__judul"]
    list_select_related = ["survei"]
    readonly_fields = ["sesi_hash", "ip_hash"]
    raw_id_fields = ["survei"]
    inlines = [JawabanInline]


@admin.register(ImporResponden)
class ImporRespondenAdmin(admin.ModelAdmin):
    list_display = [
        "nama_berkas",
        "survei",
        "jumlah_responden",
        "diimpor_oleh",
        "created_at",
    ]
    search_fields = ["nama_berkas", "survei__judul"]
    list_select_related = ["survei", "diimpor_oleh"]
    readonly_fields = [
        "survei",
        "sha256",
        "nama_berkas",
        "jumlah_responden",
        "diimpor_oleh",
    ]


@admin.register(Kebutuhan)
class KebutuhanAdmin(ExportMixin, SimpleHistoryAdmin):
    resource_classes = [KebutuhanResource]
    list_display = ["judul", "unit", "sumber", "prioritas", "status", "pemilik"]
    list_filter = ["sumber", "prioritas", "status"]
    search_fields = ["judul", "deskripsi", "unit__nama"]
    autocomplete_fields = ["unit", "pemilik"]
    raw_id_fields = ["survei", "pertanyaan"]
    readonly_fields = ["dibuat_oleh"]
    list_select_related = ["unit", "pemilik"]


@admin.register(Pertanyaan)
class PertanyaanAdmin(_ScoringLockedOnceAnswered, admin.ModelAdmin):
    list_display = ["survei", "urutan", "unsur", "teks", "tipe", "wajib", "bobot"]
    list_filter = ["tipe"]
    search_fields = ["teks", "unsur", "survei__judul"]
    list_select_related = ["survei"]
    raw_id_fields = ["survei"]


@admin.register(Jawaban)
class JawabanAdmin(admin.ModelAdmin):
    list_display = ["responden", "pertanyaan", "nilai", "teks"]
    list_select_related = ["responden__survei", "pertanyaan"]
    raw_id_fields = ["responden", "pertanyaan"]
