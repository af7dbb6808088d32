"""Web app latency with 100,000 incidents: p95 per page under concurrent clients on loopback.

    python bench/web.py [--incidents 100000] [--clients 8] [--seconds 2.5] [--max-requests 300]

Builds a workspace of synthetic incident reports (spread over Ukraine and western Russia, January to June 2025),
judges them with ``ceasefire.assess`` against the bundled agreements (or a two-account stand-in when those cannot
be loaded), adds nightly Air Force counts, then serves it with ``ceasefire.web`` in a child process. Clients are
threads with keep-alive connections; each page is hit for a bounded time and count, with page numbers and filters
varied so every request runs its queries. The baseline is a static file (the stylesheet) served by the same server
in the same run: each page's figure is printed as p95 and as a ratio to the static file's p95.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ceasefire.model.agreement import Account, Agreement, Provision, Source, Window
from ceasefire.workspace import open_workspace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import timed

GOAL_MS = 200.0
OBLASTS = ("Kharkiv", "Donetsk", "Zaporizhzhia", "Dnipropetrovsk", "Odesa", "Kyiv", "Sumy", "Kherson", "Mykolaiv",
           "Lviv", "Poltava", "Chernihiv")
TARGETS = ("energy.power", "energy.oil", "energy.gas", "infrastructure.rail", "civilian.residential", "military.base",
           "infrastructure.port", "unknown")


def stand_in_agreements() -> list[Agreement]:
    start = datetime(2025, 3, 18, 16, 0, tzinfo=UTC)
    source = (Source(issuer="bench", date="2025-03-18"),)
    return [Agreement(
        agreement_id="bench-moratorium", title="Energy moratorium (stand-in)", announced=start, parties=("RU", "UA"),
        accounts=(
            Account("ru", "RU", source, Window(start, start + timedelta(days=30)), "Europe/Moscow",
                    (Provision("energy", ("*",), ("strike",), ("energy",)),)),
            Account("us", "US", source, Window(start), "America/New_York",
                    (Provision("energy-infra", ("*",), ("strike",), ("energy", "infrastructure")),)),
        ),
    )]


def load_agreements() -> list[Agreement]:
    try:
        from ceasefire.agreements import load_agreements as bundled

        return bundled()
    except Exception as err:  # the bundled files are someone else's work in progress; measure the pages anyway
        print(f"bench: bundled agreements not loadable ({err}); using a stand-in", file=sys.stderr)
        return stand_in_agreements()


def build(path: Path, incidents: int, agreements: list[Agreement]) -> dict[str, float]:
    timings: dict[str, float] = {}
    with open_workspace(path) as ws:
        oblasts = "[" + ", ".join(f"'{o}'" for o in OBLASTS) + "]"
        targets = "[" + ", ".join(f"'{t}'" for t in TARGETS) + "]"
        sql = f"""
            INSERT INTO reports (report_id, feed, source, text, published, when_start, when_end, place_name, admin1,
                country, lat, lon, actor, claimant, target_type, target_category, weapon, action, stance,
                is_incident, ingest_id)
            SELECT 'b' || i, 'bench',
                   CASE WHEN i % 3 = 0 THEN 'Russian Ministry of Defence' ELSE 'Air Force of Ukraine' END,
                   'Synthetic report ' || i || ' <b>not bold</b>', t + INTERVAL 2 HOUR, t, t + INTERVAL 1 HOUR,
                   'Place ' || (i % 997), {oblasts}[1 + i % {len(OBLASTS)}],
                   CASE WHEN i % 10 = 0 THEN 'RU' ELSE 'UA' END,
                   44.6 + (hash(i) % 7600) / 1000.0, 22.4 + (hash(i * 7) % 17500) / 1000.0,
                   CASE WHEN i % 3 = 0 THEN 'UA' WHEN i % 17 = 0 THEN NULL ELSE 'RU' END,
                   CASE WHEN i % 3 = 0 THEN 'RU' ELSE 'UA' END,
                   {targets}[1 + i % {len(TARGETS)}], split_part({targets}[1 + i % {len(TARGETS)}], '.', 1),
                   'drone', 'strike', CASE WHEN i % 11 = 0 THEN 'denial' ELSE 'allegation' END, true, 0
            FROM (SELECT i, TIMESTAMP '2025-01-01' + to_minutes(CAST((i * 1571) % (181 * 24 * 60) AS BIGINT)) AS t
                  FROM range({incidents}) r(i))
        """
        _, timings["insert reports"] = timed(lambda: ws.con.execute(sql))
        ws.con.execute(
            """INSERT INTO tallies (tally_id, feed, time_start, time_end, model, weapon, launched, destroyed,
                   not_reached, ingest_id)
               SELECT 'n' || d || w, 'bench', TIMESTAMP '2025-01-01 17:00' + to_days(d),
                      TIMESTAMP '2025-01-02 06:00' + to_days(d), CASE WHEN w = 0 THEN 'Shahed' ELSE 'Kh-101' END,
                      CASE WHEN w = 0 THEN 'drone' ELSE 'missile' END,
                      CASE WHEN w = 0 THEN 50 + (d * 37) % 150 ELSE (d * 7) % 9 END, 0, 0, 0
               FROM range(181) a(d), range(2) b(w)"""
        )
        try:
            from ceasefire.assess import assess

            _, timings["assess"] = timed(lambda: assess(ws, agreements))
        except ImportError:
            print("bench: ceasefire.assess not available; pages run without findings", file=sys.stderr)
    return timings


def serve(path: str, agreements: list[Agreement], workers: int, ready: Any) -> None:
    from ceasefire.web import serve as serve_workspace

    serve_workspace(path, agreements, port=0, workers=workers, quiet=True,
                    on_listening=lambda url: ready.put(int(url.rsplit(":", 1)[1])))


def pages(incidents: int, rng: random.Random) -> dict[str, Any]:
    """Each page as a function giving the next path to ask for (varied so nothing is served from a cache)."""
    def page() -> int:
        return rng.randint(1, 200)

    return {
        "static /static/style.css": lambda: "/static/style.css",
        "overview /": lambda: "/",
        "findings": lambda: f"/findings?page={page()}",
        "findings filtered": lambda: f"/findings?party={rng.choice(['RU', 'UA'])}&covered=yes&page={page() // 10 + 1}",
        "incidents": lambda: f"/incidents?page={page()}",
        "incidents filtered": lambda: f"/incidents?party=RU&grade=alleged&from=2025-03-01&to=2025-04-30&page={page()}",
        "incident page": lambda: f"/incidents/b{rng.randrange(incidents)}",
        "map": lambda: rng.choice(["/map", "/map?party=UA", "/map?party=RU", "/map?from=2025-03-18&to=2025-04-18"]),
        "timeline": lambda: rng.choice(["/timeline", "/timeline?party=RU", "/timeline?grade=alleged"]),
    }


def load(port: int, next_path: Any, clients: int, seconds: float, max_requests: int) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    budget = [max_requests]
    failures: list[str] = []

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < deadline:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
                path = next_path()
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            if response.status != 200:
                failures.append(f"{path}: {response.status}")
            with lock:
                latencies.append(elapsed)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"bench: {len(failures)} failed requests, e.g. {failures[0]}")
    return latencies


def wait_until_serving(port: int, timeout: float = 300.0) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            connection.request("GET", "/static/style.css")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("bench: the server did not answer")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=2.5, help="time limit per page")
    parser.add_argument("--max-requests", type=int, default=300, help="request limit per page")
    parser.add_argument("--workers", type=int, default=2, help="server processes (ceasefire serve --workers)")
    args = parser.parse_args()

    agreements = load_agreements()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        timings = build(path, args.incidents, agreements)
        for name, seconds in timings.items():
            print(f"{name}: {seconds:.1f} s", file=sys.stderr)
        context = multiprocessing.get_context("spawn")
        ready = context.Queue()
        process = context.Process(target=serve, args=(str(path), agreements, args.workers, ready), daemon=False)
        started = time.perf_counter()
        process.start()
        try:
            port = ready.get(timeout=120)
            wait_until_serving(port)
            print(f"server ready in {time.perf_counter() - started:.1f} s (each worker builds its view)",
                  file=sys.stderr)
            rng = random.Random(7)
            results: dict[str, list[float]] = {}
            for name, next_path in pages(args.incidents, rng).items():
                load(port, next_path, 2, 0.5, 10)  # warm the connection pool and lazily computed fragments
                results[name] = load(port, next_path, args.clients, args.seconds, args.max_requests)
        finally:
            process.terminate()
            process.join(10)

    baseline = p95(results["static /static/style.css"])
    print(f"web pages, {args.incidents:,} incidents, {args.clients} concurrent clients on loopback, "
          f"{args.workers} server process(es) (goal: p95 <= {GOAL_MS:.0f} ms)")
    print(f"{'page':<26} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p95 / static':>13}  goal")
    for name, values in results.items():
        figure = p95(values) * 1000
        print(f"{name:<26} {len(values):>8} {statistics.median(values) * 1000:>8.1f} {figure:>8.1f} "
              f"{p95(values) / baseline:>12.1f}x  {'ok' if figure <= GOAL_MS else 'MISSED'}")


if __name__ == "__main__":
    main()
