"""Render a PNG of each web page and of the HTML report into docs/screenshots/, for the README.

    python scripts/screenshots.py [--workspace W] [--out docs/screenshots]

Without ``--workspace`` it builds the demo workspace (``ceasefire demo``: the bundled agreements and example
reports, judged, with the Air Force counts when ../shared/data is at hand). It serves the workspace on an
ephemeral port on 127.0.0.1 and drives Debian's Chromium (/usr/bin/chromium) with Playwright; nothing is fetched
from the network. Also writes docs/screenshots/README.md listing the images with what each shows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EXAMPLES = ROOT / "examples"
READOUTS = [EXAMPLES / "readouts" / name for name in ("2025-03-18-kremlin.txt", "2025-03-18-white-house.txt")]

# (file name, path on the server or "report", CSS selector to capture or None for the top of the page, caption)
SHOTS = [
    ("overview.png", "/", "section.agreement", "Overview: one agreement's accounts side by side, the covered "
     "incidents per accused party over time, and nightly launches with each account's window shaded."),
    ("timeline.png", "/timeline?agreement=energy-moratorium-2025&party=RU", None, "Timeline page narrowed by the "
     "filters: incidents Russia is accused of, under the energy moratorium's accounts."),
    ("findings.png", "/findings?covered=yes", None, "Findings: each incident judged under each account's "
     "provisions, with the reason, grade and the reports it rests on; filters on top."),
    ("incidents.png", "/incidents", None, "Incidents, newest first, with place, target, accused party and sources."),
    ("incident.png", "incident", None, "One incident: its findings under every account, where it happened, and all "
     "its reports with their sources."),
    ("map.png", "/map", "svg.map", "Map of incidents over bundled country and oblast outlines, coloured by the "
     "accused party; each dot opens its incident."),
    ("readouts.png", "readouts", "main", "Two readouts of the 18 March 2025 call compared: shared points, points "
     "only one side makes, and meaning-changing differences."),
    ("claims.png", "/claims", "main", "The claim ledger: statements by named speakers with verdicts and evidence."),
    ("demands.png", "/demands", "main", "Each party's demands over time: first stated, repeated, reworded, dropped."),
    ("report.png", "report", None, "The self-contained HTML report (ceasefire report), opened from a file with the "
     "network off."),
]


def build_demo(folder: Path) -> Path:
    from click.testing import CliRunner

    from ceasefire.cli.demo import command as demo

    path = folder / "demo.duckdb"
    result = CliRunner().invoke(demo, ["--workspace", str(path)])
    if result.exit_code != 0:
        raise SystemExit(f"screenshots: `ceasefire demo` failed: {result.output.strip()[-500:]}")
    add_examples(path)
    return path


def add_examples(path: Path) -> None:
    """The example claims and every example readout's demands, so those pages have something to show."""
    from ceasefire.claims import import_claims_csv
    from ceasefire.demands import add_sources
    from ceasefire.readouts import load_readout
    from ceasefire.workspace import open_workspace

    with open_workspace(path) as ws:
        for claims in sorted((EXAMPLES / "articles").glob("*claims*.csv")):
            import_claims_csv(ws, claims)
        add_sources(ws, [load_readout(p) for p in sorted((EXAMPLES / "readouts").glob("*.txt"))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workspace", type=Path, help="a workspace to show (default: build the demo one)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from ceasefire.agreements import load_agreements
    from ceasefire.publish import build_report
    from ceasefire.web import make_server

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workspace = args.workspace or build_demo(Path(tmp))
        agreements = load_agreements()
        report = build_report(workspace, Path(tmp) / "report.html", agreements)
        server = make_server(workspace, agreements, port=0, quiet=True, readouts=READOUTS)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        first = server.app.view.cursor().execute(
            "SELECT s.subject_id FROM subjects s ORDER BY s.n_reports DESC, s.covered_any DESC, s.subject_id LIMIT 1"
        ).fetchone()
        from ceasefire.web._app import incident_href

        special = {
            "incident": incident_href(str(first[0])) if first else "/incidents",
            "readouts": f"/readouts?a={READOUTS[0].name}&b={READOUTS[1].name}",
        }
        lines = ["# Screenshots", "", "Rendered by `scripts/screenshots.py` from the demo workspace.", ""]
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
                for name, where, selector, caption in SHOTS:
                    url = report.as_uri() if where == "report" else server.url + special.get(where, where)
                    page.goto(url)
                    target = args.out / name
                    if selector:
                        page.locator(selector).first.screenshot(path=str(target))
                    else:
                        page.screenshot(path=str(target))
                    lines += [f"## {name.removesuffix('.png')}", "", caption, "", f"![{caption}]({name})", ""]
                    print(f"wrote {target}", file=sys.stderr)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
            server.app.view.close()
    (args.out / "README.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
