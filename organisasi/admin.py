from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from import_export.admin import ExportMixin

from core.admin import HistoryAdmin, ImportExportAdmin
from core.fields import AngkaInput, BilanganBulatPositifField
from core.forms import plain_text
from organisasi import permissions, services
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

# The admin gives every integer column a type="number" box, which a browser may refuse or
# misread for "1.250"; whole numbers get the same text box with a decimal keypad as decimals.
ANGKA_OVERRIDES = {BilanganBulatPositifField: {"widget": AngkaInput}}


class _PlainText:
    """The admin's forms follow our screens: text refuses control characters, numbers read "1.250,75"."""

    formfield_overrides = ANGKA_OVERRIDES

    def get_form(self, request, obj=None, **kwargs):
        return plain_text(super().get_form(request, obj, **kwargs))


class _PlainTextInline:
    formfield_overrides = ANGKA_OVERRIDES

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        plain_text(formset.form)
        return formset


class _WrittenByServices:
    """Rows only a service writes (answers, imported-file records): shown here, never added or changed."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _survei_answered(survei) -> bool:
    return survei is not None and survei.responden_set.exists()


class _ImportRefreshesDerivedData:
    """After a confirmed admin import, re-derive unit paths and atasan (a service, not a hook)."""

    def process_result(self, result, request):
        response = super().process_result(result, request)
        services.refresh_derived_after_import()
        return response


@admin.register(UnitKerja)
class UnitKerjaAdmin(
    _PlainText, _ImportRefreshesDerivedData, ImportExportAdmin, HistoryAdmin
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
class JabatanAdmin(
    _PlainText, _ImportRefreshesDerivedData, ImportExportAdmin, HistoryAdmin
):
    resource_classes = [JabatanResource]
    list_display = ["kode", "nama", "jenis", "unit", "atasan", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama", "unit__nama"]
    autocomplete_fields = ["unit", "atasan"]
    list_select_related = ["unit", "atasan"]

    def save_model(self, request, obj, form, change):
        services.save_jabatan(obj)


@admin.register(Pegawai)
class PegawaiAdmin(
    _PlainText, _ImportRefreshesDerivedData, ImportExportAdmin, HistoryAdmin
):
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

    def get_readonly_fields(self, request, obj=None):
        """The login of a pegawai whose account is special is a superuser's to change."""
        readonly = list(super().get_readonly_fields(request, obj))
        if (
            obj is not None
            and obj.akun_id
            and not permissions.can_change_account(request.user, obj.akun)
        ):
            readonly.append("akun")
        return readonly

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "akun" and not request.user.is_superuser:
            kwargs["queryset"] = Pengguna.objects.exclude(
                permissions.special_accounts_q()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.action(description="Nonaktifkan pegawai terpilih")
    def deactivate_action(self, request, queryset):
        count = services.deactivate_pegawai_list(queryset)
        self.message_user(request, f"{count} pegawai dinonaktifkan.")


@admin.register(Pengguna)
class PenggunaAdmin(_PlainText, UserAdmin):
    """Logins. A special account (superuser, staff, admin BKPSDM, pimpinan) is read-only to anyone
    but a superuser: its change form, its password form (/password/, answers 403) and deletion."""

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

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (
            obj is None or permissions.can_change_account(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (
            obj is None or permissions.can_change_account(request.user, obj)
        )

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "peran":
            kwargs["choices"] = [
                (value, label)
                for value, label in db_field.choices
                if permissions.can_grant_peran(request.user, value)
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.close_inactive_accounts()  # an inactive pegawai's login cannot be reopened here


admin.site.unregister(Group)


@admin.register(Group)
class GrupAdmin(GroupAdmin):
    """A group's permissions are every member's: only a superuser adds, changes or deletes groups."""

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(KepalaDaerah)
class KepalaDaerahAdmin(_PlainText, HistoryAdmin):
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
class MutuPelayananAdmin(_PlainText, admin.ModelAdmin):
    list_display = ["mutu", "kinerja", "batas_bawah", "batas_atas"]


@admin.register(UnsurSkm)
class UnsurSkmAdmin(_PlainText, admin.ModelAdmin):
    list_display = ["urutan", "nama", "pertanyaan"]


class _ScoringLockedOnceAnswered:
    """How a question is scored (type, options, weight) is fixed once it has answers, in the
    admin too (the screens go through services.save_pertanyaan)."""

    scoring_fields = ["tipe", "pilihan", "bobot"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        survei_answered = isinstance(obj, Survei) and _survei_answered(obj)
        pertanyaan_answered = isinstance(obj, Pertanyaan) and obj.jawaban_set.exists()
        return (
            readonly + self.scoring_fields
            if survei_answered or pertanyaan_answered
            else readonly
        )


class PertanyaanInline(
    _PlainTextInline, _ScoringLockedOnceAnswered, admin.TabularInline
):
    model = Pertanyaan
    extra = 0
    fields = ["urutan", "unsur", "teks", "tipe", "pilihan", "wajib", "bobot"]

    def has_delete_permission(self, request, obj=None):
        return not _survei_answered(obj) and super().has_delete_permission(request, obj)


@admin.register(Survei)
class SurveiAdmin(_PlainText, HistoryAdmin):
    """Open/closed is set on the survey's own page (its rules apply there); an answered survey stays."""

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
    readonly_fields = ["token", "dibuat_oleh", "status"]
    list_select_related = ["unit"]
    inlines = [PertanyaanInline]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly + ["jenis"] if obj is not None else readonly

    def has_delete_permission(self, request, obj=None):
        return not _survei_answered(obj) and super().has_delete_permission(request, obj)


class JawabanInline(admin.TabularInline):
    model = Jawaban
    extra = 0
    readonly_fields = ["pertanyaan", "nilai", "teks"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Responden)
class RespondenAdmin(_PlainText, _WrittenByServices, admin.ModelAdmin):
    """Answers are read here; a respondent of a survey with answers is never deleted (the IKM would change)."""

    list_display = ["pk", "survei", "diisi_pada", "sumber", "usia", "jenis_kelamin"]
    list_filter = ["sumber"]
    search_fields = ["survei__judul"]
    list_select_related = ["survei"]
    raw_id_fields = ["survei"]
    inlines = [JawabanInline]

    def has_delete_permission(self, request, obj=None):
        return not (
            obj is not None and _survei_answered(obj.survei)
        ) and super().has_delete_permission(request, obj)


@admin.register(ImporResponden)
class ImporRespondenAdmin(_PlainText, _WrittenByServices, admin.ModelAdmin):
    """The record of an imported file (its SHA-256 refuses the same file twice): kept as written."""

    list_display = [
        "nama_berkas",
        "survei",
        "jumlah_responden",
        "diimpor_oleh",
        "created_at",
    ]
    search_fields = ["nama_berkas", "survei__judul"]
    list_select_related = ["survei", "diimpor_oleh"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Kebutuhan)
class KebutuhanAdmin(_PlainText, ExportMixin, HistoryAdmin):
    """The status moves on the need's own page (services.change_kebutuhan_status), never here."""

    resource_classes = [KebutuhanResource]
    list_display = ["judul", "unit", "sumber", "prioritas", "status", "pemilik"]
    list_filter = ["sumber", "prioritas", "status"]
    search_fields = ["judul", "deskripsi", "unit__nama"]
    autocomplete_fields = ["unit", "pemilik"]
    raw_id_fields = ["survei", "pertanyaan"]
    readonly_fields = ["dibuat_oleh", "status"]
    list_select_related = ["unit", "pemilik"]


@admin.register(Pertanyaan)
class PertanyaanAdmin(_PlainText, _ScoringLockedOnceAnswered, admin.ModelAdmin):
    list_display = ["survei", "urutan", "unsur", "teks", "tipe", "wajib", "bobot"]
    list_filter = ["tipe"]
    search_fields = ["teks", "unsur", "survei__judul"]
    list_select_related = ["survei"]
    raw_id_fields = ["survei"]

    def has_delete_permission(self, request, obj=None):
        answered = obj is not None and obj.jawaban_set.exists()
        return not answered and super().has_delete_permission(request, obj)


@admin.register(Jawaban)
class JawabanAdmin(_PlainText, _WrittenByServices, admin.ModelAdmin):
    list_display = ["responden", "pertanyaan", "nilai", "teks"]
    list_select_related = ["responden__survei", "pertanyaan"]
    raw_id_fields = ["responden", "pertanyaan"]

    def has_delete_permission(self, request, obj=None):
        return False
