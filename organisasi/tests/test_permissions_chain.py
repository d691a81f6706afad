import pytest

from organisasi.models import Pegawai
from organisasi.permissions import is_self_or_above

pytestmark = pytest.mark.django_db


def _fresh(pegawai):
    return Pegawai.objects.get(pk=pegawai.pk)


@pytest.mark.parametrize(
    ("own", "other", "expected"),
    [
        ("kasi", "staf", True),
        ("kabid", "staf", True),
        ("staf", "staf", True),
        ("staf", "kasi", False),
        ("staf2", "staf", False),
        ("kasi", "staf_b", False),
    ],
)
def test_is_self_or_above_follows_the_atasan_chain(org, own, other, expected):
    assert (
        is_self_or_above(_fresh(getattr(org, own)), _fresh(getattr(org, other)))
        is expected
    )


def test_a_pegawai_without_a_stored_path_is_above_nobody(org):
    Pegawai.objects.filter(pk=org.kasi.pk).update(atasan_path="")

    assert is_self_or_above(_fresh(org.kasi), _fresh(org.staf)) is False
