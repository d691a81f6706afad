"""Samarinda demo data of organisasi: `seed()` builds the organisation (units, positions, pegawai,
accounts); `survei.seed()` then adds the DLH surveys, their answers and needs."""

from organisasi.demo import survei
from organisasi.demo.struktur import golongan_for, make_nip, seed, unique_nip

__all__ = ["golongan_for", "make_nip", "seed", "survei", "unique_nip"]
