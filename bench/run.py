"""`make bench`: key pages per data tier, under gunicorn on PostgreSQL, as a ratio to hello-world.

A benchmark, not a test: it measures and reports, it never fails on a number. For each tier
(``BENCH_TIERS``, default ``XS S``; see bench/tiers.py) it copies a migrated template database,
loads the tier's data, serves ``bench.settings`` (the production settings plus ``/bench/hello/``
and a query counter) with gunicorn, signs in as the demo supervisor and a trainee, finds each key
page by following links from their dashboard, and runs wrk (``BENCH_SECONDS`` per page,
``BENCH_CONNECTIONS`` connections) on it and on hello-world in the same run. Requests per second
are reported divided by hello-world's, so machines and loads compare. It prints a Markdown table
and writes it to ``bench/report.md`` (not committed).

Environment: ``BENCH_TIERS``, ``BENCH_REUSE_TEMPLATE=1``, ``BENCH_REUSE_DATA=1``, ``BENCH_DATABASE_URL`` (a PostgreSQL URL; the tier databases get its name plus a
suffix), ``BENCH_REDIS_URL`` (a key prefix of the run, never flushed).
"""

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.shapes import TIERS as TIER_SHAPES
from bench.shapes import bench_login
from scripts.production_smoke import (
    GUNICORN,
    PYTHON,
    ROOT,
    Browser,
    Page,
    free_port,
    production_env,
    sign_in,
)

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cbt_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
TIERS = os.environ.get("BENCH_TIERS", "XS S").split()
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
REPORT = ROOT / "bench" / "report.md"
build_seconds: dict[str, float] = {}  # tier: seconds its data took to build (reported)
# BENCH_REUSE_TEMPLATE=1 keeps the migrated template of the last run (migrate then has nothing to do).
REUSE_TEMPLATE = os.environ.get("BENCH_REUSE_TEMPLATE") == "1"
# BENCH_REUSE_DATA=1 measures a tier database left by an earlier run as it is (M takes minutes to
# build; L longer), so a change can be measured again on the same data.
REUSE_DATA = os.environ.get("BENCH_REUSE_DATA") == "1"

# (label, who, how to find it: a regular expression for a path linked from their pages)
KEY_PAGES = [
    ("supervisor dashboard", "supervisor", r"^/$"),
    ("awaiting feedback", "supervisor", r"^/feedback/awaiting/$"),
    ("entry with feedback", "supervisor", r"^/feedback/entries/\d+/$"),
    ("meeting record", "supervisor", r"^/meetings/\d+/$"),
    ("hours", "trainee1", r"^/hours/$"),
    ("supervisee's homework list", "trainee1", r"^/homework/$"),
    ("questionnaire history", "trainee1", r"^/questionnaires/history/\d+/[\w-]+/$"),
    ("lesson", "trainee1", r"^/learn/.+/.+/.+/$"),
]
# wrk prints these from its `done` hook, so p95 is exact rather than read from a histogram.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %f %f\\n", summary.requests, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""


def database_url(suffix: str) -> str:
    parts = urllib.parse.urlsplit(DATABASE_URL)
    return urllib.parse.urlunsplit(parts._replace(path=f"{parts.path}_{suffix.lower()}"))


def sql(statement: str) -> None:
    import psycopg

    admin = urllib.parse.urlunsplit(urllib.parse.urlsplit(DATABASE_URL)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(statement)


def manage(env, *args) -> str:
    started = time.monotonic()
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, text=True,
                            capture_output=True)  # fmt: skip
    print(f"  manage.py {' '.join(args)[:60]}: {time.monotonic() - started:.0f} s", flush=True)
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def find_pages(base: str, browser: Browser, patterns: list[str]) -> dict[str, str]:
    """Follow links from the dashboard (four levels: a lesson is under its course and module)
    until each pattern has a first match."""
    found: dict[str, str] = {}
    seen, frontier = set(), ["/"]
    for _level in range(4):
        following = []
        for path in frontier:
            if path in seen or len(seen) > 150:
                continue
            seen.add(path)
            for pattern in patterns:
                if pattern not in found and re.search(pattern, path):
                    found[pattern] = path
            status, headers, body, _ = browser.request(path)
            if status != 200 or "text/html" not in (headers.get("Content-Type") or ""):
                continue
            page = Page()
            page.feed(body.decode(errors="replace"))
            for href in page.links:
                url = urllib.parse.urlsplit(urllib.parse.urljoin(base + path, href))
                if f"{url.scheme}://{url.netloc}" == base and "logout" not in url.path:
                    following.append(url.path)
                    for pattern in patterns:
                        if pattern not in found and re.search(pattern, url.path):
                            found[pattern] = url.path
        if len(found) == len(patterns):
            break
        frontier = following
    return found


def wrk(base: str, path: str, cookies: dict[str, str]) -> dict:
    script = ROOT / "var" / "bench.lua"
    script.write_text(WRK_SCRIPT)
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    out = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", str(script),
         "-H", "X-Forwarded-Proto: https", "-H", f"Cookie: {cookie}", base + path],
        text=True, capture_output=True, check=True,
    ).stdout  # fmt: skip
    requests, errors, p50, p95 = re.search(r"BENCH (\d+) (\d+) (\S+) (\S+)", out).groups()
    return {"rps": int(requests) / SECONDS, "errors": int(errors), "p50": float(p50),
            "p95": float(p95)}  # fmt: skip


def measure_tier(tier: str, env: dict) -> list[dict]:
    name = database_url(tier)
    db = urllib.parse.urlsplit(name).path.lstrip("/")
    template = urllib.parse.urlsplit(database_url("template")).path.lstrip("/")
    env = {**env, "DATABASE_URL": name}
    if REUSE_DATA and database_exists(db):
        print(f"  reusing the data of {db}", flush=True)
    else:
        tier_create(tier, db, template, env)
    return measure(tier, env)


def database_exists(db: str) -> bool:
    import psycopg

    admin = urllib.parse.urlunsplit(urllib.parse.urlsplit(DATABASE_URL)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        return bool(
            connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db]).fetchone()
        )


def tier_create(tier: str, db: str, template: str, env: dict) -> None:
    """A fresh copy of the migrated template with the demo and the tier's data."""
    sql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    sql(f'CREATE DATABASE "{db}" TEMPLATE "{template}"')
    manage(env, "seed_demo")
    if TIER_SHAPES[tier][0]:
        started = time.monotonic()
        manage(env, "shell", "-c", f"from bench.tiers import tier_build; tier_build({tier!r})")
        build_seconds[tier] = time.monotonic() - started


def measure(tier: str, env: dict) -> list[dict]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(ROOT / "var" / f"bench-gunicorn-{tier}.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [GUNICORN, "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT, env={**env, "PORT": str(port)}, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    rows = []
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{base}/health/", timeout=5).status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        out = manage(env, "demo_logins")
        password = re.search(r"Password for every demo account: (\S+)", out).group(1)
        hello = wrk(base, "/bench/hello/", {})
        rows.append({"tier": tier, "page": "hello-world", "path": "/bench/hello/", **hello,
                     "queries": 0})  # fmt: skip
        for who in dict.fromkeys(w for _, w, _ in KEY_PAGES):
            browser = Browser(base)
            sign_in(browser, bench_login(tier, who), password)
            wanted = [(label, pattern) for label, w, pattern in KEY_PAGES if w == who]
            found = find_pages(base, browser, [pattern for _, pattern in wanted])
            for label, pattern in wanted:
                path = found.get(pattern)
                if path is None:
                    rows.append({"tier": tier, "page": label, "path": "(not found)"})
                    continue
                _, headers, _, _ = browser.request(path)
                result = wrk(base, path, browser.cookies)
                rows.append({"tier": tier, "page": label, "path": path, **result,
                             "queries": int(headers.get("X-Bench-Queries", -1)),
                             "ratio": result["rps"] / hello["rps"]})  # fmt: skip
                print(f"  {tier} {label}: {rows[-1]['ratio']:.3f} x hello", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    return rows


def report(rows: list[dict]) -> str:
    lines = [
        f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')}, wrk {CONNECTIONS} connections, "
        f"{SECONDS} s per page, {os.cpu_count()} cores)",
        "",
        "| tier | page | × hello-world | req/s | p50 ms | p95 ms | SQL queries | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if "rps" not in row:
            lines.append(f"| {row['tier']} | {row['page']} | not found | | | | | |")
            continue
        ratio = f"{row['ratio']:.3f}" if "ratio" in row else "1"
        lines.append(
            f"| {row['tier']} | {row['page']} | {ratio} | {row['rps']:.0f} | {row['p50']:.1f} "
            f"| {row['p95']:.1f} | {row['queries']} | {row['errors']} |"
        )
    for tier, seconds in build_seconds.items():
        supervisors, supervisees = TIER_SHAPES[tier]
        lines.append(
            f"\nTier {tier} ({supervisors} supervisors × {supervisees} supervisees added to the "
            f"demo) built in {seconds:.0f} s; its pages are measured as {bench_login(tier, 'supervisor')} "
            f"and {bench_login(tier, 'trainee1')}."
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    env = production_env(
        "bench.settings",
        REDIS_URL,
        "bench",
        WEB_CONCURRENCY=str(os.cpu_count() or 2),
        # wrk is the proxy here; gunicorn's access log would cost as much as a small page.
        GUNICORN_ACCESS_LOG="/dev/null",
    )
    print("== bench: template database", flush=True)
    template = database_url("template")
    name = urllib.parse.urlsplit(template).path.lstrip("/")
    if not REUSE_TEMPLATE:
        sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        sql(f'CREATE DATABASE "{name}"')
    manage({**env, "DATABASE_URL": template}, "migrate", "--noinput")
    manage({**env, "DATABASE_URL": template}, "collectstatic", "--noinput")
    rows = []
    for tier in TIERS:
        print(f"== bench: tier {tier}", flush=True)
        rows += measure_tier(tier, env)
    text = report(rows)
    Path(REPORT).write_text(text)
    (ROOT / "var" / "bench.json").write_text(json.dumps(rows, indent=1))
    print(text)


if __name__ == "__main__":
    main()
