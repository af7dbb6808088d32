"""The HTTP side: a threading server on the standard library, read-only (GET and HEAD only)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from ceasefire.errors import WorkspaceError
from ceasefire.web._app import App, NotFound, error_page, static_file

_HEADERS = {
    # Pages load only our own script and stylesheet; SVG is inline markup, not a resource.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class _Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes; do not wait for an ACK between

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _refuse(self) -> None:
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, error_page(405, "This server is read-only.").encode(),
                   "text/html; charset=utf-8", extra={"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = _refuse

    def _respond(self, *, send_body: bool) -> None:
        parts = urlsplit(self.path)
        try:
            if parts.path.startswith("/static/"):
                found = static_file(parts.path.removeprefix("/static/"))
                if found is None:
                    raise NotFound(parts.path)
                body, content_type = found
                self._send(HTTPStatus.OK, body, content_type, send_body=send_body,
                           extra={"Cache-Control": "max-age=3600"})
                return
            html = self.server.app.render(parts.path.rstrip("/") or "/", parse_qs(parts.query))
            self._send(HTTPStatus.OK, html.encode("utf-8"), "text/html; charset=utf-8", send_body=send_body)
        except NotFound:
            self._send(HTTPStatus.NOT_FOUND, error_page(404, "Nothing here.").encode(), "text/html; charset=utf-8",
                       send_body=send_body)
        except Exception:  # a bug must not take the server down or leak a traceback to the page
            traceback.print_exc(file=sys.stderr)
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, error_page(500, "Something went wrong; see the server log.")
                       .encode(), "text/html; charset=utf-8", send_body=send_body)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, *, send_body: bool = True,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in {**_HEADERS, **(extra or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        if self.server.quiet:
            return
        super().log_message(format, *args)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # connections wait in the backlog while worker processes build their views

    def __init__(self, app: App | None, host: str = "127.0.0.1", port: int = 8000, *, quiet: bool = False) -> None:
        self._app = app
        self.quiet = quiet
        super().__init__((host, port), _Handler)

    @property
    def app(self) -> App:
        if self._app is None:
            raise RuntimeError("this server has no app yet")
        return self._app

    @app.setter
    def app(self, value: App) -> None:
        self._app = value

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def serve_in_workers(self, build_app: Callable[[], App], workers: int) -> None:
        """Serve from ``workers`` forked processes sharing this listening socket, each with its own app (its own
        DuckDB view: nothing DuckDB is opened before the fork). Pages are Python work under one GIL per process,
        so processes, not threads, are what use more cores. Returns when interrupted; stops the workers."""
        if not hasattr(os, "fork"):
            raise WorkspaceError("--workers above 1 needs a system with fork(); use --workers 1")
        self.socket.setblocking(False)  # a worker whose accept() lost the race returns to its loop, not blocks
        children: list[int] = []
        previous = signal.signal(signal.SIGTERM, _stop)
        try:
            for _ in range(workers):
                pid = os.fork()
                if pid == 0:  # pragma: no cover - runs in the child
                    code = 0
                    try:
                        signal.signal(signal.SIGINT, signal.SIG_DFL)
                        signal.signal(signal.SIGTERM, signal.SIG_DFL)
                        _exit_with(os.getppid())
                        self.app = build_app()
                        self.serve_forever()
                    except BaseException:
                        traceback.print_exc(file=sys.stderr)
                        code = 1
                    finally:
                        os._exit(code)
                children.append(pid)
            for pid in children:
                os.waitpid(pid, 0)
        finally:
            for pid in children:
                with contextlib.suppress(ProcessLookupError, ChildProcessError):
                    os.kill(pid, signal.SIGTERM)
                    os.waitpid(pid, 0)
            signal.signal(signal.SIGTERM, previous)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _exit_with(parent: int) -> None:
    """A worker ends when the process that forked it is gone, however that one ended."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
