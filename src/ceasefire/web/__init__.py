"""The web app: ``make_server`` serves a workspace read-only; pages are rendered on the server."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ceasefire.errors import WorkspaceError
from ceasefire.model.agreement import Agreement
from ceasefire.publish import open_view
from ceasefire.web._app import App
from ceasefire.web._server import Server


def make_server(workspace: Path | str, agreements: Sequence[Agreement], *, host: str = "127.0.0.1", port: int = 8000,
                readouts: Sequence[Path] = (), problems: Sequence[str] = (), quiet: bool = False) -> Server:
    """A server for the workspace at ``workspace`` (opened read-only); call ``serve_forever()`` on it."""
    return Server(make_app(workspace, agreements, readouts=readouts, problems=problems), host, port, quiet=quiet)


def make_app(workspace: Path | str, agreements: Sequence[Agreement], *, readouts: Sequence[Path] = (),
             problems: Sequence[str] = ()) -> App:
    _skip_pandas_probe()
    ordered = sorted(agreements, key=lambda a: (a.announced, a.agreement_id))  # oldest first: the order of events
    return App(view=open_view(workspace), agreements=ordered, readout_paths=tuple(readouts), problems=tuple(problems))


def serve(workspace: Path | str, agreements: Sequence[Agreement], *, host: str = "127.0.0.1", port: int = 8000,
          workers: int = 1, readouts: Sequence[Path] = (), quiet: bool = False,
          on_listening: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted. With ``workers`` above 1, that many processes answer on one port."""
    if not Path(workspace).exists():
        raise WorkspaceError(f"{workspace}: no workspace here (run `ceasefire ingest` or `ceasefire demo` first)")
    if workers <= 1:
        server = make_server(workspace, agreements, host=host, port=port, readouts=readouts, quiet=quiet)
    else:
        server = Server(None, host, port, quiet=quiet)  # listen now; each worker builds its own app after fork
    try:
        if on_listening is not None:
            on_listening(server.url)
        if workers <= 1:
            server.serve_forever()
        else:
            server.serve_in_workers(lambda: make_app(workspace, agreements, readouts=readouts), workers)
    finally:
        server.server_close()
        if workers <= 1:
            server.app.view.close()


def _skip_pandas_probe() -> None:
    """DuckDB looks for pandas on every parameterised query; where it is not installed, each look searches the
    whole import path again, holding the GIL. Recording it as absent makes that look instant. Nothing else in
    ceasefire uses pandas."""
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]


__all__ = ["App", "Server", "make_app", "make_server", "serve"]
