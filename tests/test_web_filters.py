"""The filter parser: any query string gives a Filters (never an error), and a Filters survives its own URL."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs

from hypothesis import given
from hypothesis import strategies as st

from ceasefire.publish import Filters
from ceasefire.publish._queries import GRADES

_TEXT = st.text(min_size=1, max_size=30).filter(lambda t: t.strip() == t and t != "")


@given(st.dictionaries(st.sampled_from(["agreement", "account", "party", "grade", "from", "to", "covered", "page",
                                        "other"]), st.lists(st.text(max_size=40), max_size=3)))
def test_any_query_gives_filters(query: dict[str, list[str]]) -> None:
    f = Filters.from_query(query)
    assert f.grade is None or f.grade in GRADES
    assert f.covered in (None, True, False)
    for text in (f.agreement, f.account, f.party):
        assert text is None or (0 < len(text) <= 200 and text == text.strip())


@given(agreement=st.none() | _TEXT, account=st.none() | _TEXT, party=st.none() | _TEXT,
       grade=st.none() | st.sampled_from(GRADES), date_from=st.none() | st.dates(date(1990, 1, 1)),
       date_to=st.none() | st.dates(date(1990, 1, 1)), covered=st.none() | st.booleans())
def test_filters_survive_their_url(agreement: str | None, account: str | None, party: str | None,
                                   grade: str | None, date_from: date | None, date_to: date | None,
                                   covered: bool | None) -> None:
    f = Filters(agreement=agreement, account=account, party=party, grade=grade, date_from=date_from,
                date_to=date_to, covered=covered)
    assert Filters.from_query(parse_qs(f.query())) == f
    assert parse_qs(f.query(page=3))["page"] == ["3"]


def test_malformed_values_are_dropped() -> None:
    f = Filters.from_query({"from": ["2025-13-45"], "grade": ["<script>"], "covered": ["maybe"], "party": ["  "]})
    assert f == Filters()
