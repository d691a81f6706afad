import pytest

from indikator import queries

pytestmark = pytest.mark.django_db


def test_skp_state_of_bawahan_lists_every_subordinate_with_their_skp(
    org, chain, staf_draft
):
    rows = queries.skp_state_of_bawahan(org.kasi, chain.periode)

    assert [(p.nama, s.status if s else None) for p, s in rows] == [
        ("Staf A1", "draft"),
        ("Staf A2", None),
    ]
