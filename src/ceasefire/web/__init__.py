"""The web app: ``make_server`` serves a workspace read-only; pages are rendered on the server."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path

from ceasefire.model.agreement import Agreement
from ceasefire.publish import open_view
from ceasefire.web._app import App
from ceasefire.web._server import Server


def make_server(workspace: Path | str, agreements: Sequence[Agreement], *, host: str = "127.0.0.1", port: int = 8000,
                readouts: Sequence[Path] = (), problems: Sequence[str] = (), quiet: bool = False) -> Server:
    """A server for the workspace at ``workspace`` (opened read-only); call ``serve_forever()`` on it."""
    _skip_pandas_probe()
    ordered = sorted(agreements, key=lambda a: (a.announced, a.agreement_id))  # oldest first: the order of events
    app = App(view=open_view(workspace), agreements=ordered, readout_paths=tuple(readouts),
              problems=tuple(problems))
    return Server(app, host, port, quiet=quiet)


def _skip_pandas_probe() -> None:
    """DuckDB looks for pandas on every parameterised query; where it is not installed, each look searches the
    whole import path again, holding the GIL. Recording it as absent makes that look instant. Nothing else in
    ceasefire uses pandas."""
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]


__all__ = ["App", "Server", "make_server"]
