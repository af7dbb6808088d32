"""The names ceasefire exports are the ones we mean to."""

from __future__ import annotations

import ceasefire
import ceasefire.assess


def test_top_level_names() -> None:
    assert set(ceasefire.__all__) == {
        "BadInput", "CeasefireError", "Place", "Quarantined", "Report", "Target", "WorkspaceError", "__version__",
    }
    for name in ceasefire.__all__:
        assert hasattr(ceasefire, name)


def test_assess_names_exist() -> None:
    for name in ceasefire.assess.__all__:
        assert hasattr(ceasefire.assess, name), name
