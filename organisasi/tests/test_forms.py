import pytest

from organisasi.forms import PegawaiFilterForm, PegawaiForm

pytestmark = pytest.mark.django_db


def test_directory_unit_filter_offers_a_pegawai_only_their_own_opd(org):
    form = PegawaiFilterForm(user=org.staf.akun)

    assert list(form.fields["unit"].queryset) == [org.opd_a]


def test_directory_unit_filter_offers_bkpsdm_every_opd(org):
    form = PegawaiFilterForm(user=org.admin.akun)

    assert list(form.fields["unit"].queryset) == [org.opd_a, org.opd_b]


def form_data(org, **extra):
    return {
        "nip": "199005052015032004",
        "nama": "Bunga",
        "status": "pns",
        "golongan": "III/b",
        "unit": org.seksi_a.pk,
        "jabatan": org.staf.jabatan_id,
        "aktif": "on",
        **extra,
    }


def test_manual_atasan_is_given_by_nip(org):
    form = PegawaiForm(form_data(org, atasan_manual="on", atasan_nip=org.kepala.nip))

    assert form.is_valid(), form.errors
    assert form.save(commit=False).atasan == org.kepala


def test_manual_atasan_with_unknown_nip_is_refused(org):
    form = PegawaiForm(
        form_data(org, atasan_manual="on", atasan_nip="196608011988031999")
    )

    assert form.errors["atasan_nip"] == [
        "Tidak ada pegawai aktif dengan NIP 196608011988031999."
    ]


def test_manual_atasan_without_nip_is_refused(org):
    form = PegawaiForm(form_data(org, atasan_manual="on"))

    assert form.errors["atasan_nip"] == [
        "Isi NIP atasan bila atasan ditetapkan manual."
    ]


def test_jabatan_choices_are_the_positions_of_the_chosen_unit(org):
    form = PegawaiForm(initial={"unit": org.seksi_a.pk})

    assert set(form.fields["jabatan"].queryset) == {org.kasi.jabatan, org.staf.jabatan}


def test_jabatan_of_another_unit_is_refused(org):
    form = PegawaiForm(form_data(org, jabatan=org.kepala.jabatan_id))

    assert "jabatan" in form.errors


def test_manual_atasan_that_would_make_a_circle_is_refused(org):
    form = PegawaiForm(
        form_data(
            org,
            nip=org.kasi.nip,
            jabatan=org.kasi.jabatan_id,
            atasan_manual="on",
            atasan_nip=org.staf.nip,
        ),
        instance=org.kasi,
    )

    assert form.errors["atasan_nip"] == [
        "Atasan ini berada di bawah pegawai tersebut: rantai atasan akan melingkar."
    ]


def test_new_password_must_differ_from_the_one_time_password(org):
    from organisasi.forms import GantiKataSandiForm

    form = GantiKataSandiForm(
        org.staf.akun,
        {
            "old_password": "rahasia-uji-123",
            "new_password1": "rahasia-uji-123",
            "new_password2": "rahasia-uji-123",
        },
    )

    assert form.errors["new_password1"] == [
        "Kata sandi baru harus berbeda dari kata sandi lama."
    ]
