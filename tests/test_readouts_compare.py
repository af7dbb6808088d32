"""Comparing two readouts: shared points, points one side makes alone, and differences that change meaning."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.readouts import Comparison, compare_readouts, comparison_html, load_readout, parse_readout

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "readouts"


def _cmp(a: str, b: str) -> Comparison:
    return compare_readouts(parse_readout(a, file="a.txt"), parse_readout(b, file="b.txt"))


def _kinds(c: Comparison) -> set[str]:
    return {d.kind for d in c.differences}


def test_identical_readouts_share_everything() -> None:
    text = "The sides agreed to a ceasefire on energy facilities for 30 days. Prisoners will be exchanged."
    c = _cmp(text, text)
    assert not c.only_a and not c.only_b and not c.differences
    assert len(c.shared) == 2


def test_and_between_scope_words_is_a_difference() -> None:
    c = _cmp("The leaders agreed on an energy and infrastructure ceasefire.",
             "The leaders agreed on a ceasefire covering energy infrastructure.")
    scope = [d for d in c.differences if d.kind == "scope"]
    assert len(scope) == 1
    assert scope[0].a == "energy and infrastructure"
    assert scope[0].b == "energy infrastructure"
    assert set(scope[0].a_values) == {"energy", "infrastructure"} and scope[0].b_values == ("energy",)


def test_duration_in_one_readout_only() -> None:
    c = _cmp("Both sides will stop strikes on energy facilities.",
             "Both sides will stop strikes on energy facilities for 30 days.")
    assert _kinds(c) == {"durations"}
    (d,) = c.differences
    assert d.a is None and d.b == "30 days" and d.b_values == ("P30D",)


def test_negation_and_dates_and_conditions() -> None:
    c = _cmp("Russia agreed to a ceasefire on energy facilities from 18 March.",
             "Russia did not agree to a ceasefire on energy facilities from 25 March unless sanctions are lifted.")
    assert {"negation", "dates", "conditions"} <= _kinds(c)
    dates = next(d for d in c.differences if d.kind == "dates")
    assert dates.a == "18 March" and dates.b == "25 March"


def test_same_meaning_in_other_words_is_no_difference() -> None:
    c = _cmp("Russia and Ukraine agreed to a truce on energy facilities for thirty days.",
             "Ukraine and Russia agreed to a ceasefire on energy infrastructure for 30 days.")
    assert c.differences == ()
    assert len(c.shared) == 1


def test_unrelated_statements_are_one_sided() -> None:
    c = _cmp("The presidents discussed hockey matches between national teams.",
             "Prisoners of war will be exchanged on Wednesday.")
    assert not c.shared
    assert len(c.only_a) == 1 and len(c.only_b) == 1


def test_swapping_sides_mirrors_the_differences() -> None:
    a = load_readout(EXAMPLES / "2025-03-18-white-house.txt")
    b = load_readout(EXAMPLES / "2025-03-18-kremlin.txt")
    forward, backward = compare_readouts(a, b), compare_readouts(b, a)
    assert {(d.kind, d.a, d.b) for d in forward.differences} == {(d.kind, d.b, d.a) for d in backward.differences}
    assert {s.text for s in forward.only_a} == {s.text for s in backward.only_b}


@pytest.mark.parametrize("kremlin", ["2025-03-18-kremlin.txt", "2025-03-18-kremlin-ru.txt"])
def test_the_march_2025_readouts(kremlin: str) -> None:
    c = compare_readouts(load_readout(EXAMPLES / "2025-03-18-white-house.txt"), load_readout(EXAMPLES / kremlin))
    scope = [d for d in c.differences if d.kind == "scope"]
    assert scope and set(scope[0].a_values) == {"energy", "infrastructure"} and scope[0].b_values == ("energy",)
    durations = [d for d in c.differences if d.kind == "durations"]
    assert len(durations) == 1 and durations[0].a is None and durations[0].b_values == ("P30D",)
    # Shown under the statement that carries the terms, not under a passing mention of a ceasefire.
    assert durations[0].a_statement.index == scope[0].a_statement.index
    # The Kremlin's conditions (foreign military aid, mobilisation) have no counterpart in the White House text.
    only_b = " ".join(s.text for s in c.only_b).lower()
    assert "military aid" in only_b or "военной помощи" in only_b
    assert "mobilisation" in only_b or "мобилизац" in only_b
    assert c.only_a  # the White House mentions the Middle East and strategic weapons; the Kremlin text does not


def test_json_has_the_four_lists() -> None:
    c = compare_readouts(load_readout(EXAMPLES / "2025-03-25-white-house-us-russia.txt"),
                         load_readout(EXAMPLES / "2025-03-25-kremlin.txt"))
    data = c.to_json()
    assert set(data) >= {"shared", "only_a", "only_b", "differences"}
    for d in data["differences"]:
        assert set(d) >= {"topic", "kind", "a", "b"}
        assert d["a"] is not None or d["b"] is not None
    # The Kremlin makes the Black Sea terms conditional on sanctions relief; the White House does not.
    assert any(d["kind"] == "conditions" and d["a"] is None and "sanctions" in d["b"] for d in data["differences"])


def test_html_escapes_and_marks() -> None:
    c = _cmp("<script>alert(1)</script> The sides agreed a ceasefire on energy facilities.",
             "The sides agreed a ceasefire on energy facilities for 30 days.")
    page = comparison_html(c)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<mark>30 days</mark>" in page


def test_ukrainian_and_russian_word_forms_meet() -> None:
    c = _cmp("Президенти домовилися про 30-денне припинення ударів по енергетичній інфраструктурі з 25 березня.",
             "Стороны договорились о прекращении ударов по энергетике и инфраструктуре с 18 марта.")
    assert len(c.shared) == 1
    kinds = {d.kind: d for d in c.differences}
    assert set(kinds["scope"].b_values) == {"energy", "infrastructure"} and kinds["scope"].a_values == ("energy",)
    assert kinds["dates"].a == "25 березня" and kinds["durations"].a_values == ("P30D",)


_sentence = st.sampled_from([
    "Russia and Ukraine agreed to a ceasefire on energy facilities for 30 days.",
    "The leaders agreed on an energy and infrastructure ceasefire.",
    "Prisoners will be exchanged on 19 March, 175 for 175.",
    "Moscow insists on a halt to foreign military aid.",
    "The presidents discussed hockey.",
    "Ukraine did not agree to stop strikes unless monitoring is in place.",
    "Стороны договорились о перемирии на 30 дней.",
    "Україна вимагає незалежного моніторингу.",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(_sentence, min_size=1, max_size=5), st.lists(_sentence, min_size=1, max_size=5))
def test_every_statement_is_shared_or_one_sided(a: list[str], b: list[str]) -> None:
    c = _cmp(" ".join(a), " ".join(b))
    linked_a = {link.a.index for link in c.shared} | {s.index for s in c.only_a}
    linked_b = {link.b.index for link in c.shared} | {s.index for s in c.only_b}
    assert linked_a == set(range(len(c.statements_a))) and linked_b == set(range(len(c.statements_b)))
    assert not ({link.a.index for link in c.shared} & {s.index for s in c.only_a})
    for d in c.differences:
        assert d.a is not None or d.b is not None
        assert (d.a_statement.index, d.b_statement.index) in {(k.a.index, k.b.index) for k in c.shared}
