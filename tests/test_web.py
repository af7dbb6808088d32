"""The web app: a real HTTP server on 127.0.0.1 (ephemeral port) over a real DuckDB file, and real Chromium."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ceasefire.web import Server, make_server
from ceasefire.workspace import Workspace, open_workspace
from tests.test_report import CHROMIUM, CHROMIUM_ARGS, HOSTILE_SOURCE, HOSTILE_TEXT, REPORTS, build_workspace, judge
from tests.test_report import sample_agreement as make_agreement

PAGES = ["/", "/findings", "/incidents", "/incidents/r-hostile", "/map", "/timeline", "/readouts", "/claims",
         "/demands"]
ROOT = Path(__file__).resolve().parent.parent
READOUTS = [ROOT / "examples" / "readouts" / name for name in ("2025-03-18-white-house.txt", "2025-03-18-kremlin.txt")]
HOSTILE_CLAIM = "<script>alert(4)</script>Troops are <i>surrounded</i>"
MERGED = ("r-sudz", "r-sudz-d")  # two reports of one incident: an allegation and its denial


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    path = build_workspace(tmp_path_factory.mktemp("web") / "web.duckdb")
    with open_workspace(path) as ws:
        ws.con.executemany("INSERT INTO incident_members VALUES (?, 'inc-sudzha', 'anchor')", [[r] for r in MERGED])
        add_claims_and_demands(ws)
    srv = make_server(path, [make_agreement()], host="127.0.0.1", port=0, quiet=True,
                      readouts=[p for p in READOUTS if p.exists()])
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    srv.app.view.close()


def add_claims_and_demands(ws: Workspace) -> None:
    """Through the claims and demands packages' own functions, as a user's workspace would have them."""
    from ceasefire.claims import new_claim, new_verdict, store_claims
    from ceasefire.demands import add_sources
    from ceasefire.readouts import load_readout

    claim = new_claim(speaker="A spokesman", text=HOSTILE_CLAIM, said_on=date(2025, 3, 20), party="RU")
    verdict = new_verdict(verdict="false", rationale="No evidence of an encirclement.", reviewed_on=date(2025, 3, 22))
    store_claims(ws, [(claim, verdict)])
    add_sources(ws, [load_readout(p) for p in READOUTS if p.exists()])


def get(server: Server, path: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(server.url + path, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read().decode("utf-8")


def total_of(html: str) -> int:
    match = re.search(r'<strong class="total">([\d,]+)</strong>', html)
    assert match, "no total on the page"
    return int(match.group(1).replace(",", ""))


def accused_count(party: str) -> int:
    provisions = sum(len(a.provisions) for a in make_agreement().accounts)
    return provisions * sum(1 for r in REPORTS if r[7] == party)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_with_safe_headers(server: Server, path: str) -> None:
    status, headers, html = get(server, path)
    assert status == 200, html
    assert headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "<script>" not in html  # the only script is /static/app.js


def test_filters_narrow_the_findings(server: Server) -> None:
    everything = total_of(get(server, "/findings")[2])
    assert everything == sum(accused_count(p) for p in ("RU", "UA"))
    for party in ("RU", "UA"):
        html = get(server, f"/findings?party={party}")[2]
        assert total_of(html) == accused_count(party)
    covered = total_of(get(server, "/findings?covered=yes&account=kremlin")[2])
    outside = total_of(get(server, "/findings?covered=no&account=kremlin")[2])
    assert covered + outside == len(REPORTS) and 0 < covered < len(REPORTS)
    assert total_of(get(server, "/findings?from=2025-03-19&to=2025-03-19")[2]) == 2 * sum(
        1 for r in REPORTS if r[1].startswith("2025-03-19"))


def test_filters_narrow_the_incidents_and_the_map(server: Server) -> None:
    agreement = make_agreement()
    covered = {r[0] for r in REPORTS for f in judge(agreement, r) if f["covered"]}
    assert total_of(get(server, "/incidents")[2]) == len(REPORTS)
    assert total_of(get(server, f"/incidents?agreement={agreement.agreement_id}&covered=yes")[2]) == len(covered)
    assert total_of(get(server, "/incidents?party=UA")[2]) == sum(1 for r in REPORTS if r[7] == "UA")
    assert total_of(get(server, "/incidents?agreement=no-such-agreement")[2]) == 0
    kremlin = {r[0] for r in REPORTS for f in judge(agreement, r) if f["covered"] and f["account"] == "kremlin"}
    html = get(server, "/map?account=kremlin&covered=yes")[2]
    assert html.count('class="point"') == sum(1 for r in REPORTS if r[0] in kremlin and r[5] is not None)


def test_findings_paginate(server: Server) -> None:
    html = get(server, "/findings?page=999")[2]  # past the end: the last page, not an error
    assert "page 1 of 1" in html


def test_incident_page_shows_all_its_reports_and_sources(server: Server) -> None:
    status, _, html = get(server, "/incidents/r-sudz")
    assert status == 200
    for report in REPORTS:
        if report[0] in MERGED:
            assert report[12] in html.replace("&#39;", "'")
            assert report[11] in html


def test_evidence_links_lead_to_their_reports(server: Server) -> None:
    html = get(server, "/findings")[2]
    links = set(re.findall(r'href="(/reports/[^"]+)"', html))
    assert len(links) == len(REPORTS)
    for link in links:
        status, _, page = get(server, link.replace("&amp;", "&"))
        assert status == 200
        report_id = urllib.parse.unquote(link.removeprefix("/reports/").replace("&amp;", "&"))
        text = next(r[12] for r in REPORTS if r[0] == report_id)
        assert html_text(text) in page


def html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace(
        '"', "&#34;")


def test_hostile_report_text_is_escaped(server: Server) -> None:
    for path in ("/incidents/r-hostile", "/incidents", "/findings?party=RU"):
        html = get(server, path)[2]
        assert HOSTILE_TEXT not in html and HOSTILE_SOURCE not in html
    html = get(server, "/incidents/r-hostile")[2]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;" in html


def test_claims_demands_and_readouts_pages(server: Server) -> None:
    html = get(server, "/claims")[2]
    assert HOSTILE_CLAIM not in html
    assert "&lt;script&gt;alert(4)&lt;/script&gt;Troops are &lt;i&gt;surrounded&lt;/i&gt;" in html
    assert "No evidence of an encirclement." in html
    assert "surrounded" not in get(server, "/claims?party=UA")[2]  # the filter keeps only that party's claims
    html = get(server, "/demands")[2]
    assert 'class="demand-event"' in html  # the chart drew the demands the readouts state
    html = get(server, f"/readouts?a={READOUTS[0].name}&b={READOUTS[1].name}")[2]
    assert "Said by both" in html and "Only in" in html


def test_read_only_and_not_found(server: Server) -> None:
    request = urllib.request.Request(server.url + "/findings", data=b"x=1", method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 405
    assert get(server, "/incidents/no-such-incident")[0] == 404
    assert get(server, "/static/../../etc/passwd")[0] == 404
    status, headers, body = get(server, "/static/style.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css") and ".accounts" in body


def test_map_draws_every_incident_with_coordinates(server: Server) -> None:
    html = get(server, "/map")[2]
    assert html.count('class="point"') == sum(1 for r in REPORTS if r[5] is not None)
    assert html.count('class="point"') > total_of_points(get(server, "/map?party=UA")[2]) > 0


def total_of_points(html: str) -> int:
    return html.count('class="point"')


def test_public_names() -> None:
    import ceasefire.publish
    import ceasefire.web

    assert set(ceasefire.web.__all__) == {"App", "Server", "make_app", "make_server", "serve"}
    assert {"build_report", "render_report", "open_view", "Filters", "map_svg", "timeline_svg", "tallies_svg",
            "demands_svg"} <= set(ceasefire.publish.__all__)


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_command(tmp_path: Path, workers: int) -> None:
    """``ceasefire serve`` in its own process(es): says where it listens, answers, stops its workers when stopped,
    and leaves the workspace file as it was."""
    path = build_workspace(tmp_path / "cli.duckdb")
    before = path.read_bytes()
    process = subprocess.Popen(
        [sys.executable, "-c", "from ceasefire.cli.serve import command; command()", "--workspace", str(path),
         "--port", "0", "--quiet", "--workers", str(workers)], stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        assert match, line
        for _ in range(2 * workers):  # every worker answers the same
            with urllib.request.urlopen(match.group(1) + "/findings?party=UA", timeout=60) as response:
                assert response.status == 200
                assert total_of(response.read().decode("utf-8")) == accused_count("UA")
    finally:
        process.terminate()
        process.wait(timeout=30)
    with pytest.raises(OSError):  # nothing listens any more: the workers went with their parent
        urllib.request.urlopen(match.group(1) + "/", timeout=5)
    assert path.read_bytes() == before


@pytest.mark.browser
def test_pages_in_chromium(server: Server) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (make browser)")
    from playwright.sync_api import Dialog, sync_playwright

    errors: list[str] = []
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
        page.on("dialog", on_dialog)
        for path in PAGES:
            response = page.goto(server.url + path)
            assert response is not None and response.status == 200
        assert errors == []

        # Filters change the table: choosing a party reloads the page (light JS) with fewer rows, all that party's.
        page.goto(server.url + "/findings")
        before = page.locator("table.findings tbody tr").count()
        with page.expect_navigation():
            page.select_option("select[name=party]", "UA")
        assert "party=UA" in page.url
        rows = page.locator("table.findings tbody tr")
        assert 0 < rows.count() < before
        assert set(rows.locator("td:nth-child(7)").all_inner_texts()) == {"UA"}
        assert int(page.locator(".total").first.inner_text().replace(",", "")) == accused_count("UA")

        # A report's markup is shown as text and runs nothing.
        page.goto(server.url + "/incidents/r-hostile")
        assert page.get_by_text(HOSTILE_TEXT, exact=True).count() == 1
        assert page.locator(".report-text b").count() == 0

        # The map draws its points, and a point leads to its incident.
        page.goto(server.url + "/map")
        points = page.locator("svg.map circle.point")
        assert points.count() == sum(1 for r in REPORTS if r[5] is not None)
        assert page.locator("svg.map path.oblast").count() > 20
        browser.close()
    assert errors == []
    assert dialogs == []
