import pytest

from organisasi.forms import PegawaiFilterForm

pytestmark = pytest.mark.django_db


def test_directory_unit_filter_offers_a_pegawai_only_their_own_opd(org):
    form = PegawaiFilterForm(user=org.staf.akun)

    assert list(form.fields["unit"].queryset) == [org.opd_a, org.bidang_a]


def test_directory_unit_filter_offers_bkpsdm_every_opd(org):
    form = PegawaiFilterForm(user=org.admin.akun)

    assert list(form.fields["unit"].queryset) == [org.opd_a, org.bidang_a, org.opd_b]
