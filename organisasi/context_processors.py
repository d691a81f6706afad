from organisasi import permissions


def peran(request):
    """The user's roles, for the navigation menu (computed lazily, once per request)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "peran_pengguna": permissions.roles(user),
        "pegawai_saya": permissions.pegawai_of(user),
    }
