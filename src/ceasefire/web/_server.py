"""The HTTP side: a threading server on the standard library, read-only (GET and HEAD only)."""

from __future__ import annotations

import sys
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

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

    def __init__(self, app: App, host: str = "127.0.0.1", port: int = 8000, *, quiet: bool = False) -> None:
        self.app = app
        self.quiet = quiet
        super().__init__((host, port), _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"
