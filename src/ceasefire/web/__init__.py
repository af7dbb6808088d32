"""The web app: ``make_server`` serves a workspace read-only; pages are rendered on the server."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ceasefire.model.agreement import Agreement
from ceasefire.publish import open_view
from ceasefire.web._app import App
from ceasefire.web._server import Server


def make_server(workspace: Path | str, agreements: Sequence[Agreement], *, host: str = "127.0.0.1", port: int = 8000,
                readouts: Sequence[Path] = (), problems: Sequence[str] = (), quiet: bool = False) -> Server:
    """A server for the workspace at ``workspace`` (opened read-only); call ``serve_forever()`` on it."""
    app = App(view=open_view(workspace), agreements=agreements, readout_paths=tuple(readouts),
              problems=tuple(problems))
    return Server(app, host, port, quiet=quiet)


__all__ = ["App", "Server", "make_server"]
