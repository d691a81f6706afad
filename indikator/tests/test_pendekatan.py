"""Pendekatan kuantitatif / kualitatif (domain.md §1.3): the IKI fields, the rules, the PDF."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from indikator import services
from indikator.forms import IndikatorKinerjaIndividuForm
from indikator.models import IndikatorKinerjaIndividu, Skp
from indikator.tests.factories import RencanaHasilKerjaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kualitatif(staf_draft):
    Skp.objects.filter(pk=staf_draft.pk).update(pendekatan="kualitatif")
    staf_draft.refresh_from_db()
    return staf_draft


def test_kualitatif_iki_states_the_expected_result_without_an_aspek(kualitatif):
    iki = IndikatorKinerjaIndividu(
        rhk=RencanaHasilKerjaFactory(skp=kualitatif),
        uraian="Layanan persampahan",
        target_kualitatif="Tidak ada tumpukan sampah lebih dari sehari",
    )

    iki.full_clean()


def test_kualitatif_iki_without_the_expected_result_is_refused(kualitatif):
    iki = IndikatorKinerjaIndividu(
        rhk=RencanaHasilKerjaFactory(skp=kualitatif), uraian="x", target=5, satuan="x"
    )

    with pytest.raises(ValidationError) as error:
        iki.full_clean()

    assert "target_kualitatif" in error.value.message_dict


def test_kuantitatif_iki_needs_an_aspek_and_a_number(staf_draft):
    iki = IndikatorKinerjaIndividu(
        rhk=RencanaHasilKerjaFactory(skp=staf_draft),
        uraian="x",
        target_kualitatif="Baik",
    )

    with pytest.raises(ValidationError) as error:
        iki.full_clean()

    assert {"aspek", "target"} <= set(error.value.message_dict)


def test_iki_form_shows_only_the_fields_of_the_approach(staf_draft, kualitatif):
    rhk = RencanaHasilKerjaFactory(skp=kualitatif)

    fields = set(IndikatorKinerjaIndividuForm(rhk=rhk).fields)

    assert fields == {"aspek", "uraian", "target_kualitatif"}


def test_iki_form_of_a_kuantitatif_skp_has_no_qualitative_text(staf_draft):
    rhk = staf_draft.rencanahasilkerja_set.get()

    fields = set(IndikatorKinerjaIndividuForm(rhk=rhk).fields)

    assert "target_kualitatif" not in fields and {"target", "satuan"} <= fields


def test_switching_to_kualitatif_lists_the_iki_without_an_expected_result(kualitatif):
    problems = services.submission_problems(kualitatif)

    assert any("pendekatan kualitatif" in p for p in problems)


def test_kualitatif_pdf_has_the_expected_result_column_and_no_aspek(
    client, org, kualitatif
):
    iki = kualitatif.rencanahasilkerja_set.get().indikatorkinerjaindividu_set.get()
    iki.target_kualitatif = "Semua TPS bersih setiap pagi"
    iki.save()
    client.force_login(org.staf.akun)

    response = client.get(reverse("indikator:skp_pdf", args=[kualitatif.pk]))

    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "Hasil yang Diharapkan" in text
    assert "Semua TPS bersih setiap pagi" in text
    assert "Aspek" not in text


def test_skp_form_explains_the_pendekatan(client, org, staf_draft):
    client.force_login(org.staf.akun)

    page = client.get(reverse("indikator:skp_update", args=[staf_draft.pk]))

    assert "tanpa target angka" in page.content.decode()
