"""Kept for indikator/tests/test_kebutuhan.py, which imports KebutuhanFactory from here: the survey
and need factories now live in factories.py."""

from organisasi.tests.factories import KebutuhanFactory

__all__ = ["KebutuhanFactory"]
