"""Reads across indikator's models that are more than one QuerySet method."""

import datetime

from indikator.models import (
    IndikatorKinerja,
    IndikatorKinerjaIndividu,
    MatriksPeranHasil,
    PerilakuKerja,
    Periode,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
    Skp,
)
from organisasi.models import Pegawai


def periode_of_year(tahun: str) -> Periode | None:
    """The period of the year asked for; without one, this year's, else the latest."""
    periode_list = Periode.objects.all()
    if tahun.isdigit():
        return periode_list.filter(tahun=int(tahun)).first()
    return (
        periode_list.filter(tahun=datetime.date.today().year).first()
        or periode_list.first()
    )


def realisasi_per_periode(
    indikator: IndikatorKinerja,
) -> list[tuple[PeriodePenilaian, RealisasiIndikator | None]]:
    """Every month or quarter of the indicator's year with its realisasi, if any (two queries)."""
    realisasi = {
        r.periode_penilaian_id: r for r in indikator.realisasiindikator_set.all()
    }
    periode_penilaian = PeriodePenilaian.objects.filter(
        periode__tahun=indikator.tahun
    ).select_related("periode")
    return [(p, realisasi.get(p.pk)) for p in periode_penilaian]


def numbered_rhk(queryset) -> list[RencanaHasilKerja]:
    """RHK in document order (utama before tambahan); a row's number is its position + 1."""
    return sorted(
        queryset,
        key=lambda r: (r.jenis != RencanaHasilKerja.Jenis.UTAMA, r.urutan, r.pk),
    )


def skp_document(skp: Skp) -> dict:
    """The parts of an SKP as its page and its PDF show them (skp from Skp.objects.with_document()).

    RHK split into utama and tambahan, each with `teks_atasan` (the RHK atasan or unit
    indicator it serves) and `atasan_berubah`; each BerAKHLAK value with its guides and
    ekspektasi khusus. An approved SKP shows what was approved (Skp.persetujuan), and
    `atasan_berubah` says an RHK above has been edited since.
    """
    rhk_list = list(skp.rencanahasilkerja_set.all())
    kept = approved_record(skp)
    for rhk in rhk_list:
        live = rhk_atasan_text(rhk)
        rhk.teks_atasan = kept["rhk"].get(str(rhk.pk), live) if kept else live
        rhk.atasan_berubah = rhk.teks_atasan != live
    utama = [r for r in rhk_list if r.jenis == RencanaHasilKerja.Jenis.UTAMA]
    tambahan = [r for r in rhk_list if r.jenis == RencanaHasilKerja.Jenis.TAMBAHAN]
    return {
        "skp": skp,
        "rhk_utama": utama,
        "rhk_tambahan": tambahan,
        "perilaku_list": kept["perilaku"] if kept else perilaku_document(skp),
        "sections": [("A. UTAMA", utama), ("B. TAMBAHAN", tambahan)],
        "atasan_berubah": any(r.atasan_berubah for r in rhk_list),
    }


def approved_record(skp: Skp) -> dict | None:
    """What was approved (written by approve_skp), while the SKP stays approved."""
    if skp.status == Skp.Status.DISETUJUI and skp.persetujuan.get("rhk") is not None:
        return skp.persetujuan
    return None


def rhk_atasan_text(rhk: RencanaHasilKerja) -> dict:
    """The text above an RHK as approve_skp keeps it (rhk_atasan and indikator_unit loaded)."""
    unit = rhk.indikator_unit
    return {
        "rhk_atasan": rhk.rhk_atasan.uraian if rhk.rhk_atasan else "",
        "indikator_unit": f"{unit.kode} {unit.nama}".strip() if unit else "",
    }


def changed_rhk_atasan(skp: Skp) -> list[RencanaHasilKerja]:
    """The RHK of an approved SKP whose RHK atasan (or unit indicator) changed since approval."""
    kept = approved_record(skp)
    if kept is None:
        return []
    rhk_list = skp.rencanahasilkerja_set.select_related("rhk_atasan", "indikator_unit")
    return [
        rhk
        for rhk in rhk_list
        if str(rhk.pk) in kept["rhk"]
        and kept["rhk"][str(rhk.pk)] != rhk_atasan_text(rhk)
    ]


def perilaku_document(skp: Skp) -> list[dict]:
    """Each BerAKHLAK value as the SKP document shows it: nama, panduan texts, ekspektasi."""
    return [
        {
            "nama": perilaku.nama,
            "panduan": [panduan.uraian for panduan in perilaku.panduan.all()],
            "ekspektasi": ekspektasi,
        }
        for perilaku, ekspektasi in perilaku_with_ekspektasi(skp)
    ]


def perilaku_with_ekspektasi(skp: Skp) -> list[tuple[PerilakuKerja, str]]:
    """Each BerAKHLAK value (guides prefetched) with the SKP's ekspektasi khusus pimpinan, "" when none."""
    ekspektasi = {e.perilaku_id: e.uraian for e in skp.ekspektasikhusus_set.all()}
    return [
        (p, ekspektasi.get(p.pk, ""))
        for p in PerilakuKerja.objects.prefetch_related("panduan")
    ]


def previous_skp(skp: Skp) -> Skp | None:
    """The pegawai's latest approved SKP of an earlier year (the source for copying forward)."""
    return (
        Skp.objects.filter(
            pegawai=skp.pegawai_id,
            periode__tahun__lt=skp.periode.tahun,
            status=Skp.Status.DISETUJUI,
        )
        .order_by("-periode__tahun", "-disetujui_pada")
        .first()
    )


def latest_skp(pegawai: Pegawai, periode: Periode) -> Skp | None:
    """The pegawai's most recently made SKP of the year (after a change of jabatan there are two)."""
    return (
        Skp.objects.filter(pegawai=pegawai, periode=periode)
        .order_by("-created_at")
        .first()
    )


def bawahan_of(skp: Skp):
    """The active direct subordinates of the SKP's owner (the rows of the matriks)."""
    return (
        Pegawai.objects.active()
        .filter(atasan=skp.pegawai_id)
        .select_related("jabatan")
        .order_by("nama")
    )


def skp_state_of_bawahan(
    atasan: Pegawai, periode: Periode
) -> list[tuple[Pegawai, Skp | None]]:
    """Each active direct subordinate with their latest SKP of the year (two queries)."""
    bawahan = list(
        Pegawai.objects.active()
        .filter(atasan=atasan)
        .select_related("jabatan")
        .order_by("nama")
    )
    latest = {}
    for skp in Skp.objects.filter(pegawai__in=bawahan, periode=periode).order_by(
        "created_at"
    ):
        latest[skp.pegawai_id] = skp
    return [(pegawai, latest.get(pegawai.pk)) for pegawai in bawahan]


def matriks_of(skp: Skp):
    """The atasan's matriks: their IKI (columns), direct bawahan (rows) and the filled cells by (iki, pegawai)."""
    iki_list = list(
        IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp)
        .select_related("rhk")
        .order_by("rhk__jenis", "rhk__urutan", "rhk_id", "pk")
    )
    bawahan_list = list(bawahan_of(skp))
    cells = {
        (c.iki_atasan_id, c.pegawai_id): c
        for c in MatriksPeranHasil.objects.filter(
            iki_atasan__in=iki_list
        ).select_related("rhk__skp")
    }
    return iki_list, bawahan_list, cells
