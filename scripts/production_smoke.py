"""Production smoke test: the production settings on a fresh PostgreSQL, served by gunicorn.

Run by `.ci/run` (and by hand: `.venv/bin/python scripts/production_smoke.py`). In order:
a fresh database (``SMOKE_DATABASE_URL``, default ``cbt_smoke`` on the local PostgreSQL),
``migrate``, ``collectstatic``, ``check --deploy --fail-level WARNING``, ``seed_demo``, then
gunicorn with ``config/gunicorn.conf.py`` on a free loopback port with Redis as the cache
(``SMOKE_REDIS_URL``, under a key prefix of this run, never flushed). This script plays the
TLS-terminating proxy: every request carries ``X-Forwarded-Proto: https``.

Then:
- wrong passwords sent to several workers are refused after allauth's limit (the counters are
  shared through Redis, not kept per worker);
- every demo login (``manage.py demo_logins``) signs in, answering allauth's two-factor form with
  a TOTP code when it appears, and GETs its key pages (``KEY_PAGES``; each role must reach those
  ``REQUIRED`` of it): every one must answer 200, every static file they use must exist, and
  every clinical or personal one must say ``Cache-Control: no-store``. Every page of every
  login is crawled by tests/browser/test_daily_use.py, not here.

``collectstatic`` runs beside ``migrate`` (it does not touch the database; the two together
take about as long as ``migrate`` alone on two cores).

Fails (exit 1) on any 5xx, missing static file, missing header or refused demo sign-in. gunicorn
is stopped by its PID. Prints the time each part took.
"""

import base64
import hashlib
import hmac
import os
import re
import secrets
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DATABASE_URL = os.environ.get("SMOKE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cbt_smoke")
REDIS_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/1")
# The demo's TOTP secret (RFC 4648 base32), set by seed_demo once two-factor sign-in exists.
DEMO_TOTP_SECRET = "CBTSUPERVISIONDEMOSECRETKEYABCDE"
# allauth's "5/5m/key" in ACCOUNT_RATE_LIMITS.
ALLOWED_FAILURES = 5
# Links a visitor follows but a crawler must not: leaving, and other sites.
SKIP = re.compile(r"/accounts/logout/|^mailto:|^tel:|^javascript:")
# The key pages of issue 11 (those of bench/run.py and the lists that lead to them): (label, path
# pattern, clinical). A login GETs the first link to each that it can reach from its start page
# through key pages, so ~10-20 pages a login; every page a login can reach is crawled by
# tests/browser/test_daily_use.py instead. Clinical and personal pages must say no-store.
KEY_PAGES = [
    ("dashboard", r"^/$", True),
    ("awaiting feedback", r"^/feedback/awaiting/$", True),
    ("entry with feedback", r"^/feedback/entries/\d+/$", True),
    ("meetings", r"^/meetings/$", True),
    ("meeting record", r"^/meetings/\d+/$", True),
    ("supervision", r"^/supervisions/\d+/$", True),
    ("hours", r"^/hours/$", True),
    ("homework", r"^/homework/$", True),
    ("homework set", r"^/homework/set-by-me/$", True),
    ("cases", r"^/cases/$", True),
    ("case", r"^/cases/\d+/$", True),
    ("worksheet entries", r"^/worksheets/entries/$", True),
    ("worksheet entry", r"^/worksheets/entries/\d+/$", True),
    ("questionnaires", r"^/questionnaires/$", True),
    ("questionnaire history", r"^/questionnaires/history/\d+/[\w-]+/$", True),
    ("recordings", r"^/recordings/$", True),
    ("portfolios", r"^/portfolios/$", True),
    ("notifications", r"^/notifications/$", True),
    ("courses", r"^/learn/$", False),
    ("course", r"^/learn/[^/]+/$", False),
    ("module", r"^/learn/[^/]+/[^/]+/$", False),
    ("lesson", r"^/learn/[^/]+/[^/]+/[^/]+/$", False),
    ("Wagtail admin", r"^/cms/$", True),
    ("people", r"^/manage/$", True),
    ("privacy audit", r"^/privacy/audit/$", True),
]
# What each demo login must reach (a missing link fails the smoke, so it never checks nothing).
REQUIRED = {
    "supervisor@example.org": {
        "start page", "awaiting feedback", "entry with feedback", "meeting record", "supervision",
    },
    "supervisor.in.training@example.org": {"start page", "hours", "homework", "meeting record"},
    "trainee1@example.org": {
        "start page", "hours", "homework", "meeting record", "questionnaire history", "lesson",
    },
    "trainee2@example.org": {"start page", "hours", "homework", "worksheet entries"},
    "editor@example.org": {"start page", "Wagtail admin", "lesson"},
    "admin@example.org": {"start page", "Wagtail admin", "people", "privacy audit"},
}  # fmt: skip

failures: list[str] = []


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238 code: HMAC-SHA1 over 30-second steps, 6 digits (what authenticator apps show)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((time.time() if at is None else at) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


class Page(HTMLParser):
    """The links, static references and form fields of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.assets: list[str] = []
        self.inputs: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and attrs.get("rel") in ("stylesheet", "icon"):
            self.assets.append(attrs["href"])
        elif tag == "input" and attrs.get("name"):
            self.inputs[attrs["name"]] = attrs.get("value") or ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies by hand: the production cookies are Secure, which urllib's jar keeps off http://."""

    opener = urllib.request.build_opener(NoRedirect)

    def __init__(self, base: str):
        self.base = base
        self.origin = "https://" + urllib.parse.urlsplit(base).netloc
        self.cookies: dict[str, str] = {}

    def request(self, path: str, data: dict | None = None, referer: str | None = None):
        """(status, headers, body, final path), following redirects within the site."""
        for _ in range(10):
            headers = {"X-Forwarded-Proto": "https", "User-Agent": "production-smoke"}
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            body = None
            if data is not None:
                body = urllib.parse.urlencode(data).encode()
                headers["Origin"] = self.origin
                headers["Referer"] = self.origin + (referer or path)
            request = urllib.request.Request(self.base + path, data=body, headers=headers)
            try:
                response = self.opener.open(request, timeout=60)
            except urllib.error.HTTPError as error:
                response = error
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
            content = response.read()
            location = response.headers.get("Location")
            if response.status in (301, 302, 303) and location:
                target = urllib.parse.urlsplit(urllib.parse.urljoin(self.origin + path, location))
                if target.netloc != urllib.parse.urlsplit(self.origin).netloc:
                    return response.status, response.headers, content, path
                path = target.path + (f"?{target.query}" if target.query else "")
                data = None
                continue
            return response.status, response.headers, content, path
        raise RuntimeError(f"too many redirects from {path}")


def start(*args, env) -> tuple:
    """``manage.py args`` started in the background; :func:`finish` waits for it."""
    process = subprocess.Popen([PYTHON, "manage.py", *args], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    return args, process, time.monotonic()


def finish(job: tuple) -> None:
    """Wait for a :func:`start` ed command; exit with its output if it failed."""
    args, process, started = job
    stdout, stderr = process.communicate()
    print(f"  manage.py {' '.join(args)}: {time.monotonic() - started:.1f} s", flush=True)
    if process.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{stdout}\n{stderr}")


def run(*args, env) -> None:
    finish(start(*args, env=env))


def fresh_database() -> None:
    import psycopg

    parts = urllib.parse.urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_logins(env) -> tuple[list[str], str]:
    out = subprocess.run([PYTHON, "manage.py", "demo_logins"], cwd=ROOT, env=env, text=True,
                         capture_output=True, check=True).stdout  # fmt: skip
    emails = re.findall(r"^\s+(\S+@\S+)\s", out, re.MULTILINE)
    password = re.search(r"Password for every demo account: (\S+)", out).group(1)
    return emails, password


def sign_in(browser: Browser, email: str, password: str) -> tuple[int, bytes, str]:
    status, _, body, path = browser.request("/accounts/login/")
    form = Page()
    form.feed(body.decode())
    token = form.inputs.get("csrfmiddlewaretoken", "")
    status, _, body, path = browser.request(
        "/accounts/login/",
        {"csrfmiddlewaretoken": token, "login": email, "password": password},
    )
    form = Page()
    form.feed(body.decode(errors="replace"))
    if "code" in form.inputs and "/2fa/" in path:
        # allauth's two-factor step: the demo's authenticator app.
        status, _, body, path = browser.request(
            path,
            {"csrfmiddlewaretoken": form.inputs.get("csrfmiddlewaretoken", ""),
             "code": totp(DEMO_TOTP_SECRET)},
        )  # fmt: skip
    return status, body, path


def check_throttling_across_workers(base: str) -> None:
    """Each attempt on a new connection, so gunicorn's workers take turns answering."""
    replies = []
    for _ in range(ALLOWED_FAILURES + 1):
        browser = Browser(base)
        _, body, _ = sign_in(browser, "smoke-lockout@example.org", "wrong-password-123")
        replies.append("Too many failed login attempts" in body.decode())
    if replies != [False] * ALLOWED_FAILURES + [True]:
        failures.append(f"sign-in throttling is not shared across workers: refused {replies}")
    print(f"  throttling across workers: refused after {ALLOWED_FAILURES} failures", flush=True)


def key_pages(base: str, email: str, password: str, static_seen: dict[str, int]) -> list[str]:
    """Sign in as ``email`` and GET its key pages (KEY_PAGES, the first link to each, found by
    following links from the start page through key pages only); return their labels."""
    browser = Browser(base)
    status, body, path = sign_in(browser, email, password)
    if status != 200 or "sessionid" not in browser.cookies or path.startswith("/accounts/"):
        failures.append(f"{email}: sign-in failed ({status} at {path})")
        return []
    visited: dict[str, str] = {}  # label -> path
    queue: list[tuple[str, str, bool]] = [("start page", path, True)]
    seen = {path}
    while queue:
        label, page_path, clinical = queue.pop(0)
        visited[label] = page_path
        status, headers, content, final = browser.request(page_path)
        if status != 200:
            failures.append(f"{email}: GET {page_path} ({label}) answered {status}")
            continue
        if clinical and "no-store" not in (headers.get("Cache-Control") or ""):
            failures.append(f"{email}: GET {page_path} ({label}) without no-store")
        if "text/html" not in (headers.get("Content-Type") or ""):
            continue
        parsed = Page()
        parsed.feed(content.decode(errors="replace"))
        check_assets(browser, base, final, parsed, email, static_seen)
        for href in parsed.links:
            url = urllib.parse.urlsplit(urllib.parse.urljoin(base + final, href))
            if SKIP.search(href) or f"{url.scheme}://{url.netloc}" != base or url.path in seen:
                continue
            for key, pattern, key_clinical in KEY_PAGES:
                wanted = key not in visited and all(key != queued for queued, *_ in queue)
                if wanted and re.search(pattern, url.path):
                    queue.append((key, url.path, key_clinical))
                    seen.add(url.path)
                    break
    missing = REQUIRED.get(email, set()) - set(visited)
    if missing:
        failures.append(f"{email}: no link to its key pages {sorted(missing)}")
    return list(visited)


def check_assets(browser, base, final, parsed, email, static_seen) -> None:
    """Every static file the page uses answers 200 (each file is fetched once per run)."""
    for asset in parsed.assets:
        asset_path = urllib.parse.urlsplit(urllib.parse.urljoin(base + final, asset)).path
        if not asset_path.startswith("/static/"):
            continue
        if asset_path not in static_seen:
            static_seen[asset_path] = browser.request(asset_path)[0]
        if static_seen[asset_path] != 200:
            failures.append(f"{email}: {final} uses missing {asset_path}")


def production_env(settings: str, redis_url: str, prefix: str, **overrides) -> dict[str, str]:
    """The environment of a production server on loopback: a fresh secret, Redis under a key
    prefix of this run (never flushed), mail to a host that does not exist."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"{prefix}-{secrets.token_hex(6)}",
        EMAIL_HOST="smtp.invalid",
        **overrides,
    )
    return env


def main() -> None:
    started = time.monotonic()
    env = production_env(
        "config.settings.production",
        REDIS_URL,
        "smoke",
        DATABASE_URL=DATABASE_URL,
        WEB_CONCURRENCY="3",
    )
    print("== production smoke", flush=True)
    fresh_database()
    # collectstatic does not touch the database: it runs beside migrate, on the other core.
    collectstatic = start("collectstatic", "--noinput", env=env)
    run("migrate", "--noinput", env=env)
    finish(collectstatic)
    run("check", "--deploy", "--fail-level", "WARNING", env=env)
    run("seed_demo", env=env)
    emails, password = demo_logins(env)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env["PORT"] = str(port)
    log = open(ROOT / "var" / "smoke-gunicorn.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [GUNICORN, "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{base}/health/", timeout=5).status == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        else:
            sys.exit("gunicorn did not answer /health/; see var/smoke-gunicorn.log")
        print(f"  gunicorn (PID {server.pid}) on {base}: /health/ 200", flush=True)
        check_throttling_across_workers(base)
        static_seen: dict[str, int] = {}
        for email in emails:
            pages = key_pages(base, email, password, static_seen)
            print(f"  {email}: {len(pages)} key pages ({', '.join(pages)})", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    if len(emails) < 2:
        failures.append(f"demo_logins listed {len(emails)} logins")
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"== production smoke: {time.monotonic() - started:.0f} s", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
