"""The sources registry: bundled affiliations, the user's additions, and whose word a report is."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.errors import BadInput
from ceasefire.incidents import add_source, bundled_sources, list_sources, update_incidents
from ceasefire.incidents._registry import normalise_alias
from ceasefire.workspace import Workspace
from tests.test_incidents_support import add_report, grade_of, incident_of

NIGHT = datetime(2025, 3, 18)


def _sides(ws: Workspace) -> dict[str, tuple[str | None, str | None]]:
    rows = ws.con.execute("SELECT report_id, affiliation, side FROM report_sides").fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


@pytest.mark.parametrize(("source", "affiliation"), [
    ("Russian Defence Ministry", "RU state"), ("Минобороны России", "RU state"), ("TASS", "RU state_media"),
    ("RIA Novosti", "RU state_media"), ("Office of the President of Ukraine", "UA state"),
    ("General Staff of the Armed Forces of Ukraine", "UA state"), ("Харківська ОВА", "UA state"),
    ("Kharkiv Regional Military Administration", "UA state"), ("DTEK", "UA company"), ("Reuters", "independent wire"),
    ("OSCE SMM", "independent monitor"), ("Russian General Staff", "RU state"),
])
def test_bundled_affiliations(workspace: Workspace, source: str, affiliation: str) -> None:
    add_report(workspace, "r", start=NIGHT, source=source)
    update_incidents(workspace)
    assert _sides(workspace)["r"][0] == affiliation


def test_bundled_file_is_well_formed() -> None:
    entries = bundled_sources()
    names = [e.name for e in entries]
    assert len(names) == len(set(names))
    assert {"acled", "ucdp"} <= {f for e in entries for f in e.feeds}
    assert all(e.aliases for e in entries)


def test_whose_word_a_report_is(workspace: Workspace) -> None:
    add_report(workspace, "own", start=NIGHT, source="Reuters")
    add_report(workspace, "relay", start=NIGHT, source="Reuters", claimant="UA")
    add_report(workspace, "quoted", start=NIGHT, source="TASS", claimant="UA")
    add_report(workspace, "acled", feed="acled", start=NIGHT, source="Ukrinform")
    add_report(workspace, "nobody", start=NIGHT, source="Some Telegram channel")
    add_report(workspace, "claimed", start=NIGHT, source="Some Telegram channel", claimant="ru")
    update_incidents(workspace)
    sides = {k: v[1] for k, v in _sides(workspace).items()}
    assert sides == {"own": "independent", "relay": "UA", "quoted": "RU", "acled": "independent",
                     "nobody": None, "claimed": "RU"}


def test_user_entries_extend_and_override_and_persist(workspace: Workspace) -> None:
    add_report(workspace, "tg", start=NIGHT, source="Rybar Telegram", actor="UA", claimant=None,
               place_name="Belgorod", admin1="Belgorod", country="RU", lat=50.6, lon=36.6)
    add_report(workspace, "mod", start=NIGHT, source="Russian Defence Ministry", claimant="RU", actor="UA",
               stance="allegation", place_name="Belgorod", admin1="Belgorod", country="RU", lat=50.6, lon=36.58)
    update_incidents(workspace)
    assert _sides(workspace)["tg"] == (None, None)
    add_source(workspace, "Rybar", party="ru", kind="media", aliases=("rybar telegram",))
    update_incidents(workspace)  # reloads the bundled list; the user's entry stays
    assert _sides(workspace)["tg"] == ("RU media", "RU")
    assert grade_of(workspace, incident_of(workspace, "mod")) == ("alleged", "UA")
    add_source(workspace, "Rybar", party=None, kind="media", aliases=("rybar telegram",))
    assert _sides(workspace)["tg"] == ("independent media", "independent")
    assert grade_of(workspace, incident_of(workspace, "mod")) == ("corroborated", "UA")
    user = [e for e in list_sources(workspace) if e.origin == "user"]
    assert [(e.name, e.party) for e in user] == [("Rybar", None)]
    # a user entry wins over a bundled one of the same spelling
    add_source(workspace, "My Reuters", party="UA", kind="media", aliases=("reuters",))
    add_report(workspace, "wire", start=NIGHT, source="Reuters")
    assert _sides(workspace)["wire"] == ("UA media", "UA")


@pytest.mark.parametrize(("party", "kind"), [("Russia", "state"), ("RU", "ministry"), ("r", "wire")])
def test_bad_entries_are_refused(workspace: Workspace, party: str, kind: str) -> None:
    with pytest.raises(BadInput):
        add_source(workspace, "X", party=party, kind=kind)
    assert not [e for e in list_sources(workspace) if e.origin == "user"]


@given(st.text(max_size=40))
def test_alias_normalisation_is_stable(text: str) -> None:
    once = normalise_alias(text)
    assert normalise_alias(once) == once
    assert once == once.strip() and "  " not in once


_CON = duckdb.connect()


@settings(deadline=None, max_examples=60)
@given(st.text(alphabet=st.characters(categories=["L", "N"]).filter(lambda c: len(c.lower()) == 1), min_size=1,
               max_size=12),
       st.text(alphabet=" ,;:()-", max_size=3), st.text(alphabet=" ,;:()-", max_size=3))
def test_sql_matching_agrees_with_the_alias_rule(word: str, before: str, after: str) -> None:
    padded = _CON.execute(r"SELECT ' ' || trim(regexp_replace(lower(?), '[^\p{L}\p{N}\p{M}]+', ' ', 'g')) || ' '",
                         [f"{before}{word}{after}"]).fetchall()[0][0]
    assert f" {normalise_alias(word)} " in padded or normalise_alias(word) == ""
