"""The public names of readouts, reading, demands and claims are the ones we mean to export."""

from __future__ import annotations

import importlib

import pytest

PROMISED = {
    "ceasefire.readouts": {"compare_readouts", "Comparison", "load_readout", "parse_readout", "comparison_html",
                           "draft_account"},
    "ceasefire.demands": {"demand_timeline", "extract_demands", "add_source"},
    "ceasefire.claims": {"list_claims", "claim_review_jsonld", "import_claims_csv", "new_claim", "set_verdict",
                         "add_evidence", "claims_in_text"},
    "ceasefire.reading": {"read_article", "features", "split_sentences", "detect_lang", "lexicon"},
}


@pytest.mark.parametrize("module_name", sorted(PROMISED))
def test_public_names(module_name: str) -> None:
    module = importlib.import_module(module_name)
    exported = set(module.__all__)
    assert PROMISED[module_name] <= exported
    for name in exported:
        assert hasattr(module, name), f"{module_name}.{name} is in __all__ but missing"
        assert not name.startswith("_")
