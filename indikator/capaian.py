"""Capaian, target checks and target display (domain.md §3.5): numbers in, numbers out, no database.

Unit indicators and IKI share these rules; their models call them from `clean()` and their
properties, so the rule has one home and one table test (tests/test_capaian.py).
"""

from decimal import Decimal

from core.angka import format_angka

# The stored values of Polaritas (indikator.models): higher is better, lower is better, a range.
NAIK, TURUN, RENTANG = "naik", "turun", "rentang"

HUNDRED = Decimal(100)

# How many months one unit of a waktu target lasts; other satuan are not time and are not checked.
WAKTU_MONTHS = {"bulan": Decimal(1), "hari": Decimal(1) / 30, "minggu": Decimal(1) / 4}


def compute_capaian(realisasi, target, polaritas, target_atas=None) -> Decimal | None:
    """Capaian in percent; None when it cannot be computed (no realisasi, no target, target 0).

    A range [T, T_atas] (any polarity with a batas atas): inside → 100; above → the upper bound,
    below → the lower bound is the target T used below. Normal: R/T. Lower is better:
    (2 − R/T), floored at 0 when R ≥ 2T (the formula would go negative). No cap.
    """
    if realisasi is None or target is None:
        return None
    realisasi, target = Decimal(realisasi), Decimal(target)
    if target_atas is not None:
        target_atas = Decimal(target_atas)
        if target <= realisasi <= target_atas:
            return HUNDRED
        target = target_atas if realisasi > target_atas else target
    if target == 0:
        return None
    if polaritas == TURUN:
        return max(Decimal(0), (2 - realisasi / target) * HUNDRED)
    return realisasi / target * HUNDRED


def target_errors(target, target_atas, polaritas) -> dict[str, str]:
    """The target rules shared by unit indicators and IKI, as Indonesian messages per field.

    A batas atas makes the target a range and is allowed with every polarity (a lower-is-better
    range such as 7–8 bulan exists); polarity "rentang" requires one.
    """
    errors = {}
    if target is not None and target < 0:
        errors["target"] = "Target tidak boleh negatif."
    if target_atas is not None and target_atas < 0:
        errors["target_atas"] = "Batas atas target tidak boleh negatif."
    if target is not None and target_atas is not None and target > target_atas:
        errors["target_atas"] = (
            "Batas bawah rentang target tidak boleh melebihi batas atasnya."
        )
    if polaritas == RENTANG and target_atas is None:
        errors["target_atas"] = "Polaritas rentang memerlukan batas atas target."
    if target_atas is not None and target is None:
        errors["target"] = "Batas bawah rentang wajib diisi."
    return errors


def waktu_months(target, target_atas, satuan: str) -> Decimal | None:
    """How many months a waktu target spans (its longer bound); None when the satuan is not time."""
    per_month = WAKTU_MONTHS.get(satuan.strip().lower())
    if per_month is None or target is None:
        return None
    return max(Decimal(target), Decimal(target_atas or 0)) * per_month


def target_display(target, target_atas, satuan: str) -> str:
    """A target as users write it: "85 %", "0,5 %", or a range "90–95 %"."""
    if target_atas is not None:
        return f"{format_angka(target)}–{format_angka(target_atas)} {satuan}"
    return f"{format_angka(target)} {satuan}"
