"""organisasi's lines on the home page (the beranda app gathers every app's lines)."""

from organisasi import permissions
from organisasi.models import Pegawai, UnitKerja


def home_context(user) -> dict:
    """organisasi's lines on the home page: the user's roles, their own record, their direct
    subordinates, the OPD they manage and the city totals, as far as their roles reach."""
    pegawai = permissions.pegawai_of(user)
    context = {"roles": permissions.roles(user), "pegawai": pegawai}
    if pegawai is not None and permissions.is_atasan(user):
        context["bawahan_list"] = pegawai.bawahan.active().select_related("jabatan")[
            :50
        ]
    if permissions.is_pengelola(user):
        opd = user.opd_dikelola
        context["opd"] = opd
        context["opd_pegawai_count"] = (
            Pegawai.objects.active().in_unit_tree(opd).count()
        )
    if permissions.reads_whole_city(user):
        context["kota"] = {
            "opd": UnitKerja.objects.opd_list().filter(aktif=True).count(),
            "unit": UnitKerja.objects.filter(aktif=True).count(),
            "pegawai": Pegawai.objects.active().count(),
            "tanpa_akun": Pegawai.objects.active().filter(akun__isnull=True).count(),
        }
    return context
