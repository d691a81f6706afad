"""NIP rules (domain.md §5): PNS and PPPK numbers share 18 digits but differ in the middle.

The employee's status decides which layout applies, never the number alone.
"""

import datetime
import re

PNS = "pns"
PPPK = "pppk"
PPPK_PARUH_WAKTU = "pppk_paruh_waktu"

_EXCEL_NUMBER = re.compile(r"^\d+([.,]\d+)?[eE][+]?\d+$")
_MIN_AGE_AT_APPOINTMENT = 18


def normalize_nip(value) -> str:
    """Strip the spaces people type between the NIP groups; keep everything else as text."""
    if value is None:
        return ""
    return re.sub(r"[\s\-]", "", str(value))


def looks_like_excel_number(value: str) -> bool:
    """True for what Excel makes of an 18-digit NIP typed in a number cell (1.97E+17, 1,97E+17)."""
    text = str(value).strip()
    return bool(_EXCEL_NUMBER.match(text)) or bool(re.match(r"^\d{15,}[.,]0+$", text))


def nip_errors(
    nip: str, status: str, *, today: datetime.date | None = None
) -> list[str]:
    """Every reason the NIP is invalid for this status, in Indonesian; empty when valid."""
    today = today or datetime.date.today()
    if looks_like_excel_number(nip):
        return [
            f'NIP "{nip}" terbaca sebagai angka oleh Excel, sehingga digit terakhirnya hilang. '
            "Format kolom NIP sebagai Teks, ketik ulang NIP lengkap 18 digit, lalu impor lagi."
        ]
    nip = normalize_nip(nip)
    if not nip.isdigit() or len(nip) != 18:
        return [f"NIP harus 18 digit angka (terisi {len(nip)} karakter)."]
    errors = []
    birth = _parse_date(nip[0:8])
    if birth is None:
        errors.append(
            f"Digit 1–8 NIP ({nip[0:8]}) bukan tanggal lahir yang sah (format TTTTBBHH)."
        )
    elif not 1940 <= birth.year <= today.year - _MIN_AGE_AT_APPOINTMENT:
        errors.append(f"Tahun lahir pada NIP ({birth.year}) tidak wajar.")
    if status == PNS:
        errors += _pns_middle_errors(nip, birth, today)
    else:
        errors += _pppk_middle_errors(nip, birth, today)
    if nip[14] not in "12":
        errors.append(
            f"Digit ke-15 NIP (jenis kelamin) harus 1 (pria) atau 2 (wanita), bukan {nip[14]}."
        )
    if nip[15:18] == "000":
        errors.append(
            "Digit 16–18 NIP (nomor urut) harus 001–999. Bila NIP berasal dari Excel, kolomnya mungkin "
            "berformat angka sehingga digit terakhir berubah menjadi 0: format sebagai Teks dan ketik ulang."
        )
    return errors


def _pns_middle_errors(nip, birth, today):
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12:
        return [
            f"Digit 13–14 NIP PNS adalah bulan TMT CPNS (01–12), bukan {nip[12:14]}."
        ]
    return _appointment_year_errors(year, birth, today, "TMT CPNS")


def _pppk_middle_errors(nip, birth, today):
    errors = _appointment_year_errors(int(nip[8:12]), birth, today, "pengangkatan PPPK")
    if nip[12] != "2":
        errors.append(
            f"Digit ke-13 NI PPPK harus 2 (penanda PPPK), bukan {nip[12]}. "
            "Jika pegawai ini PNS, ubah statusnya menjadi PNS."
        )
    if nip[13] == "0":
        errors.append("Digit ke-14 NI PPPK (jumlah perjanjian kerja) harus 1–9.")
    return errors


def _appointment_year_errors(year, birth, today, label):
    if year > today.year + 1:
        return [f"Tahun {label} pada NIP ({year}) ada di masa depan."]
    if birth and year - birth.year < _MIN_AGE_AT_APPOINTMENT:
        return [
            f"Tahun {label} pada NIP ({year}) kurang dari 18 tahun setelah tahun lahir ({birth.year})."
        ]
    return []


def _parse_date(text):
    try:
        return datetime.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def birth_date(nip: str) -> datetime.date | None:
    return _parse_date(nip[0:8]) if len(nip) == 18 and nip.isdigit() else None
