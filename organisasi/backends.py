from django.contrib.auth.backends import ModelBackend


class PegawaiAktifBackend(ModelBackend):
    """Login by NIP; an account whose pegawai is inactive cannot log in, and its open sessions
    end (get_user applies the same check), whatever the account's own flag says."""

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        pegawai = getattr(
            user, "pegawai", None
        )  # RelatedObjectDoesNotExist is an AttributeError
        return pegawai is None or pegawai.aktif
