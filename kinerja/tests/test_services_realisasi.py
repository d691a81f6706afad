import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from indikator.models import IndikatorKinerjaIndividu, PeriodePenilaian
from indikator.tests.factories import IndikatorKinerjaIndividuFactory
from kinerja import queries, services
from kinerja.models import Realisasi, Status
from kinerja.tests.factories import AktivitasFactory, RealisasiFactory

pytestmark = pytest.mark.django_db

T = datetime.time
DAY = datetime.timedelta(days=1)


def _quarter(kin) -> PeriodePenilaian:
    return PeriodePenilaian.objects.get(
        periode=kin.periode, mulai__lte=kin.monday, selesai__gte=kin.monday
    )


def _approved(
    kin, tanggal, kuantitas, satuan="TPS", *, rhk=None, submitted_on=None, **extra
):
    submitted = datetime.datetime.combine(
        submitted_on or tanggal, T(16, 0), tzinfo=datetime.UTC
    )
    return AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=rhk or kin.rhk,
        tanggal=tanggal,
        status=Status.DISETUJUI,
        diajukan_pada=submitted,
        kuantitas_output=kuantitas,
        satuan_output=satuan,
        **extra,
    )


def test_suggestion_for_a_kuantitas_iki_sums_the_approved_output_in_its_satuan(kin):
    _approved(kin, kin.monday, 8)
    _approved(kin, kin.monday + DAY, Decimal("6.5"), satuan="tps ")
    _approved(kin, kin.monday + 2 * DAY, 3, satuan="laporan")
    AktivitasFactory(
        pegawai=kin.org.staf,
        rhk=kin.rhk,
        tanggal=kin.monday + 3 * DAY,
        kuantitas_output=100,
        satuan_output="TPS",
        diajukan=True,
    )

    saran = queries.suggest_realisasi(kin.org.staf, [kin.iki], _quarter(kin))

    assert saran[kin.iki.pk].nilai == Decimal("14.5")
    assert (
        saran[kin.iki.pk].dasar == "jumlah output “TPS” dari 3 aktivitas yang disetujui"
    )


def test_suggestion_counts_only_the_activities_of_the_period(kin):
    quarter = _quarter(kin)
    _approved(kin, quarter.mulai, 5)
    _approved(kin, quarter.mulai - DAY, 7)

    saran = queries.suggest_realisasi(kin.org.staf, [kin.iki], quarter)

    assert saran[kin.iki.pk].nilai == Decimal(5)


def test_suggestion_for_a_waktu_iki_is_the_share_submitted_on_time(kin):
    for offset in range(3):
        _approved(kin, kin.monday + offset * DAY, 1)
    month_end = (kin.monday.replace(day=28) + 4 * DAY).replace(day=1) - DAY
    _approved(kin, kin.monday + 3 * DAY, 1, submitted_on=month_end + 2 * DAY)

    saran = queries.suggest_realisasi(kin.org.staf, [kin.iki_waktu], _quarter(kin))

    assert saran[kin.iki_waktu.pk].nilai == Decimal("75.00")
    assert (
        saran[kin.iki_waktu.pk].dasar
        == "3 dari 4 aktivitas diajukan tepat waktu (persen)"
    )


def test_there_is_no_suggestion_for_a_kualitas_iki(kin):
    iki = IndikatorKinerjaIndividuFactory(
        rhk=kin.rhk,
        aspek=IndikatorKinerjaIndividu.Aspek.KUALITAS,
        target=90,
        satuan="%",
    )
    _approved(kin, kin.monday, 8)

    assert (
        queries.suggest_realisasi(kin.org.staf, [iki], _quarter(kin))[iki.pk].nilai
        is None
    )


def test_save_realisasi_twice_keeps_one_realisation_with_the_last_values(kin):
    quarter = _quarter(kin)

    services.save_realisasi(
        kin.org.staf, kin.iki, quarter, nilai=Decimal(10), narasi="Awal"
    )
    services.save_realisasi(
        kin.org.staf, kin.iki, quarter, nilai=Decimal(12), narasi="Dikoreksi"
    )

    assert list(Realisasi.objects.values_list("nilai", "narasi", "status")) == [
        (Decimal(12), "Dikoreksi", Status.DRAFT)
    ]


def test_save_realisasi_refuses_a_negative_value(kin):
    with pytest.raises(ValidationError) as excinfo:
        services.save_realisasi(
            kin.org.staf, kin.iki, _quarter(kin), nilai=Decimal(-1), narasi=""
        )

    assert list(excinfo.value.message_dict) == ["nilai"]


def test_save_realisasi_refuses_an_iki_of_another_pegawai(kin):
    iki_b = IndikatorKinerjaIndividuFactory(rhk=kin.rhk_b)

    with pytest.raises(ValidationError, match="bukan bagian dari SKP Anda"):
        services.save_realisasi(
            kin.org.staf, iki_b, _quarter(kin), nilai=Decimal(1), narasi=""
        )


def test_save_realisasi_refuses_a_locked_period(kin):
    quarter = _quarter(kin)
    PeriodePenilaian.objects.filter(pk=quarter.pk).update(terkunci=True)
    quarter.refresh_from_db()

    with pytest.raises(ValidationError, match="terkunci"):
        services.save_realisasi(
            kin.org.staf, kin.iki, quarter, nilai=Decimal(1), narasi=""
        )


def test_save_realisasi_refuses_a_submitted_realisation(kin):
    RealisasiFactory(
        iki=kin.iki, periode_penilaian=_quarter(kin), status=Status.DIAJUKAN
    )

    with pytest.raises(ValidationError, match="Diajukan tidak dapat diubah"):
        services.save_realisasi(
            kin.org.staf, kin.iki, _quarter(kin), nilai=Decimal(1), narasi=""
        )


def test_submit_realisasi_sends_the_filled_ones_and_names_the_rest(kin):
    quarter = _quarter(kin)
    RealisasiFactory(iki=kin.iki, periode_penilaian=quarter, nilai=12)
    RealisasiFactory(
        iki=kin.iki_waktu,
        periode_penilaian=quarter,
        nilai=None,
        narasi="belum dihitung",
    )

    done, problems = services.submit_realisasi(
        kin.org.staf, quarter, today=quarter.selesai
    )

    assert (done, problems) == (
        1,
        ["Ketepatan waktu pengangkutan: isi nilai realisasi."],
    )


def test_submit_realisasi_waits_for_the_period_to_begin(kin):
    quarter = _quarter(kin)

    with pytest.raises(ValidationError, match="belum dimulai"):
        services.submit_realisasi(kin.org.staf, quarter, today=quarter.mulai - DAY)


def test_the_atasan_approves_a_submitted_realisation(kin):
    realisasi = RealisasiFactory(
        iki=kin.iki, periode_penilaian=_quarter(kin), status=Status.DIAJUKAN
    )

    approved = services.approve_realisasi(realisasi, by=kin.org.kasi.akun)

    assert (approved.status, approved.diputuskan_oleh) == (
        Status.DISETUJUI,
        kin.org.kasi.akun,
    )


def test_someone_other_than_the_atasan_cannot_decide_a_realisation(kin):
    realisasi = RealisasiFactory(
        iki=kin.iki, periode_penilaian=_quarter(kin), status=Status.DIAJUKAN
    )

    with pytest.raises(ValidationError, match="tidak menunggu keputusan Anda"):
        services.approve_realisasi(realisasi, by=kin.org.kabid.akun)


def test_return_realisasi_needs_a_note(kin):
    realisasi = RealisasiFactory(
        iki=kin.iki, periode_penilaian=_quarter(kin), status=Status.DIAJUKAN
    )

    with pytest.raises(ValidationError) as excinfo:
        services.return_realisasi(realisasi, by=kin.org.kasi.akun, catatan="")

    assert list(excinfo.value.message_dict) == ["catatan"]
