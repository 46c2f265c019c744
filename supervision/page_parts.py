"""Parts of pages kept in the cache until a table they were read from is written (issue 11).

A *part* is the HTML a view renders for one person from the database (a dashboard's panels, a
list, a record): ``part(request, name, build)`` returns it from the cache, or calls ``build()``
and keeps what it returns. It is never kept past ``settings.PAGE_PARTS_SECONDS`` (a minute;
0: never kept), and never served once a table it was read from has been written since.

How a part knows it is stale, without any view saying what it depends on:

- **Reads.** ``PagePartsMiddleware`` notes the tables every statement of the request names
  after ``FROM`` or ``JOIN``, from the first query of the request (the person, their roles) to the
  end of the part's ``build()``. Data taken from another cache instead of a query names its
  tables with ``tables_read_add`` (the course tree does).
- **Writes.** Every statement sent through Django's connections that is not a read (an INSERT,
  UPDATE or DELETE: the ORM's, a queryset's ``update()``, a bulk insert, hand-written SQL) gives
  its table a new *generation*, a token in the cache, once its transaction commits (at once in
  autocommit; at once too inside a test's transaction, which never commits; during a request,
  all of the request's together as it ends). A statement that is
  neither a read nor a write of one table (DDL, a CTE) renews ``*``, on which every part
  depends. Writes by other processes (the task worker, management commands) use the same
  connections and renew the same generations, in the cache every process shares (Redis in
  production; files in `var/cache` in development).
- **Keeping.** The generations of the tables a part read are taken *before* it is built and kept
  with its HTML, so a write committed while it was being built makes it stale at once rather than
  keeping an old reading under a new generation. The tables a part reads are learnt on the first
  build of that part's name (that build is not kept) and shared through the cache, so a new
  worker process keeps its first build.

Two limits, both on the side of building more or showing a change up to a minute late, never of
showing one person's part to another: a write to a table makes every part read from it stale,
whoever's row it touched (under many writers parts are simply built more often); and what the
request read *before* asking for the part (the person, their roles, the object the view checked)
is one of its tables, but a write committed in the instant between that read and the part's
generations being taken shows when the part expires rather than at once.

A part's key is the person, the address with its query, the language, the time zone, today's
date and the CSRF secret (a kept form's token must stay theirs), with whatever else the view
names in ``vary``. Parts hold clinical material: they live in the shared cache only as long as
``PAGE_PARTS_SECONDS`` and are keyed by person, so nobody is ever served another person's part.

What a part must not do: anything for the request itself (a permission check, a read-audit
insert, a message, a cookie). Views do those before asking for the part, on every request.
"""

import hashlib
import logging
import re
import uuid
from collections.abc import Callable, Iterable
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from supervision.idempotency import FIELD

logger = logging.getLogger(__name__)

VERSION = 1
EVERY_TABLE = "*"

_WRITE = re.compile(r"\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)
_NOT_A_WRITE = re.compile(
    r"\s*(?:SELECT|SAVEPOINT|RELEASE|ROLLBACK|COMMIT|BEGIN|SET|SHOW|EXPLAIN|PRAGMA)\b",
    re.IGNORECASE,
)
_TABLES = re.compile(r"\b(?:FROM|JOIN)\s+\"?(\w+)", re.IGNORECASE)

# The tables being noted for the current request (PagePartsMiddleware), or None outside one.
_reading: ContextVar[set[str] | None] = ContextVar("page_parts_reading", default=None)
# True while generations are being written (see _renew_now).
_renewing_now: ContextVar[bool] = ContextVar("page_parts_renewing_now", default=False)
# The tables the current request's commits wrote, renewed as it ends; None outside a request.
_renewing: ContextVar[set[str] | None] = ContextVar("page_parts_renewing", default=None)
# Part name: the tables its builds have read, as this process knows them (grows, never
# shrinks). Shared through the cache (_known_key), so that a new worker (gunicorn replaces
# each after max_requests) keeps its first build rather than only learning from it.
_known: dict[str, frozenset[str]] = {}


def page_parts_forget() -> None:
    """Forget which tables each part reads (a test starts as a new process would)."""
    _known.clear()


def _known_key(name: str) -> str:
    return f"parts:known:{VERSION}:{name}"


def _known_tables(name: str) -> frozenset[str]:
    """The tables part ``name`` is known to read (with ``EVERY_TABLE``): this process's, else
    what other processes learned (read from the cache once per process and part)."""
    known = _known.get(name)
    if known is None:
        known = _known[name] = frozenset(cache.get(_known_key(name)) or ()) | {EVERY_TABLE}
    return known


def _known_learn(name: str, known: frozenset[str], read: set[str]) -> None:
    """Add what a build of ``name`` read to what it is known to read, here and for the other
    processes (a superset only checks more generations: never a part served stale)."""
    _known[name] = known | read
    try:
        shared = frozenset(cache.get(_known_key(name)) or ())
        cache.set(_known_key(name), shared | _known[name], timeout=None)
    except Exception:
        logger.exception("page parts: what %s reads not shared", name)


def _generation_key(table: str) -> str:
    return f"parts:generation:{table}"


def written_table(sql: str) -> str | None:
    """The table a statement writes, ``EVERY_TABLE`` when it may write but names none that
    this module can read, or None for a read (or a transaction's own statements)."""
    if sql[:6] == "SELECT":  # the ORM's reads, by far the most statements
        return None
    if match := _WRITE.match(sql):
        return match[1]
    return None if _NOT_A_WRITE.match(sql) else EVERY_TABLE


def tables_read(sql: str) -> set[str]:
    """The tables a statement names after FROM or JOIN (a word such as a column after
    ``EXTRACT(... FROM`` may be included too: a table that never changes costs nothing)."""
    return set(_TABLES.findall(sql))


def tables_read_add(*tables: str) -> None:
    """Note tables the request's data came from when it came from another cache, not a query."""
    reading = _reading.get()
    if reading is not None:
        reading.update(tables)


def renew(tables: Iterable[str]) -> None:
    """Give each table a new generation: every part read from one of them is stale from then.

    During a request (``PagePartsMiddleware``) the tables are renewed together as it ends,
    after every transaction it committed: one call to the cache rather than one per commit (a
    hand-in commits, then queues its e-mail). Renewing later than the commit is safe: a part
    built in between keeps the generation from before, which the renewal then makes stale.
    A cache that cannot be reached is logged, not raised: the write has happened, and parts
    read from the table expire within ``PAGE_PARTS_SECONDS``.
    """
    pending = _renewing.get()
    if pending is not None:
        pending.update(tables)
        return
    _renew_now(tables)


def _renew_now(tables: Iterable[str]) -> None:
    tables = list(tables)
    token = uuid.uuid4().hex
    # A cache kept in the database (Django's DatabaseCache) writes a table itself: its writes
    # renew nothing, or each renewal would ask for another.
    quiet = _renewing_now.set(True)
    try:
        if len(tables) == 1:
            cache.set(_generation_key(tables[0]), token, timeout=None)  # cheaper than a pipeline
        else:
            cache.set_many({_generation_key(table): token for table in tables}, timeout=None)
    except Exception:
        logger.exception("page parts: generations of %s not renewed", sorted(tables))
    finally:
        _renewing_now.reset(quiet)


class _Renewal:
    """The tables a transaction wrote, renewed once it commits (``transaction.on_commit``)."""

    def __init__(self, tables: set[str]):
        self.tables = tables

    def __call__(self):
        renew(self.tables)


def _renew_after_commit(connection, table: str) -> None:
    if not connection.in_atomic_block or connection.atomic_blocks[0]._from_testcase:
        # Autocommit: written already. A test's transaction never commits, so at once.
        renew({table})
        return
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _Renewal):
            # Added to a renewal registered inside a savepoint later rolled back, the table is
            # dropped with it only if it was written there too: at worst a part is rebuilt.
            callback.tables.add(table)
            return
    connection.on_commit(_Renewal({table}), robust=True)


def _after_write(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if (table := written_table(sql)) is not None and not _renewing_now.get():
        _renew_after_commit(context["connection"], table)
    return result


def _note_reads(execute, sql, params, many, context):
    reading = _reading.get()
    if reading is not None:
        # Every statement, not only those starting with SELECT: a CTE or a write's subquery
        # reads too (a write's own table noted as read costs nothing).
        reading.update(tables_read(sql))
    return execute(sql, params, many, context)


def connection_watch(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: see every write sent through the connection.

    Put first, once per connection object (it is kept across reconnects), so the context
    managers that push and pop their own wrappers at the end never take it off.
    """
    if _after_write not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _after_write)


class PagePartsMiddleware:
    """Note the tables each GET reads (``part`` keeps them with what it builds), and renew the
    tables each request wrote once, as it ends (``renew``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        renewing = _renewing.set(set())
        try:
            if request.method not in ("GET", "HEAD"):
                # Parts are kept for reads only: a POST's statements need not be noted.
                return self.get_response(request)
            reading = _reading.set(set())
            try:
                with connections["default"].execute_wrapper(_note_reads):
                    return self.get_response(request)
            finally:
                _reading.reset(reading)
        finally:
            written = _renewing.get()
            _renewing.reset(renewing)
            if written:
                _renew_now(written)


def _generations(tables: Iterable[str], also: str | None = None) -> tuple[dict[str, str], object]:
    """Each table's current generation, drawing one for a table that has none yet; with
    ``also`` (a part's key), that key's value read in the same call to the cache (else None).

    A missing generation is drawn rather than read as "none", so one evicted from the cache
    later reads as a change, never as the same "none" again.
    """
    keys = {table: _generation_key(table) for table in tables}
    found = cache.get_many([*keys.values(), *([also] if also else [])])
    current, drawn = {}, {}
    for table, key in keys.items():
        current[table] = found.get(key) or drawn.setdefault(key, uuid.uuid4().hex)
    if drawn:
        cache.set_many(drawn, timeout=None)
    return current, found.get(also) if also else None


def csrf_secret(request) -> str:
    """The secret behind the request's CSRF tokens, for the key of HTML kept with a form's token
    in it: from the request's cookie; without one, ``get_token`` makes it and sends the cookie,
    as a form does (masking a token only to read the secret cost more than the rest of a key)."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        get_token(request)
        secret = request.META["CSRF_COOKIE"]
    return secret


def _key(request, name: str, vary: Iterable) -> str:
    user_id = request.user.pk
    facts = [
        name,
        str(user_id),
        request.get_full_path(),
        translation.get_language() or "",
        timezone.get_current_timezone_name(),
        timezone.localdate().isoformat(),
        csrf_secret(request),
        *map(str, vary),
    ]
    digest = hashlib.sha256("\x1f".join(facts).encode()).hexdigest()[:40]
    return f"parts:v{VERSION}:{user_id}:{digest}"


def part(request, name: str, build: Callable[[], str], *, vary: Iterable = ()) -> SafeString:
    """The HTML ``build()`` gives for this request, from the cache when still fresh (``kept``)."""
    return mark_safe(kept(request, name, build, vary=vary))


# A create form's one-time key as Django's hidden input and ``{% submission_key %}`` write it
# (the name, with a form's prefix, before the value).
_SUBMISSION_KEY = re.compile(
    rf'(<input type="hidden" name="(?:[\w-]+-)?{FIELD}" value=")[0-9a-fA-F-]{{32,36}}(")'
)


def _fresh_keys(value):
    """``value`` (HTML, or a tuple holding some) with a new one-time key in each create form.

    Served again, a part's forms would carry the keys of the page it was built for: two tabs
    would send the same key and the second's comment be taken for a repeat of the first's
    (``supervision.idempotency``). Each serving gets its own, as a page built for it would.
    """
    if isinstance(value, tuple):
        return tuple(_fresh_keys(item) for item in value)
    if not isinstance(value, str) or FIELD not in value:
        return value
    html = _SUBMISSION_KEY.sub(lambda found: f"{found[1]}{uuid.uuid4()}{found[2]}", value)
    return mark_safe(html) if isinstance(value, SafeString) else html


def kept[T](request, name: str, build: Callable[[], T], *, vary: Iterable = ()) -> T:
    """What ``build()`` gives for this request (HTML, or a tuple of picklable values such as a
    page's title with its HTML), from the cache when still fresh.

    ``name`` names the part (one per template, e.g. its template's name); ``vary`` lists
    anything else it depends on that the key does not already hold (module docstring).
    ``build`` must only read: what a request must do every time (permission checks, the read
    audit) happens before; an exception it raises (a 404) is raised here and nothing is kept.
    Without ``PagePartsMiddleware`` around the request, or with the cache unreachable, it is
    simply built.
    """
    reading = _reading.get()
    # Time-of-day rules (a meeting has taken place once it ends, a due time passes) change a
    # part without a write: the seconds it is kept are how late such a change may show.
    seconds = settings.PAGE_PARTS_SECONDS
    if reading is None or not seconds or not request.user.is_authenticated:
        return build()
    try:
        key = _key(request, name, vary)
        known = _known_tables(name)
        # The part and the generations of the tables it is known to read, in one call.
        before, stored = _generations(known, also=key)
        if stored is not None:
            generations, value = stored
            if generations.keys() <= before.keys():
                if all(before[table] == generation for table, generation in generations.items()):
                    return _fresh_keys(value)
            elif generations == _generations(generations)[0]:
                return _fresh_keys(value)
    except Exception:
        logger.exception("page parts: cache unreachable, %s built", name)
        return build()
    value = build()
    read = reading | {EVERY_TABLE}
    if read <= known:
        try:
            cache.set(key, (before, value), timeout=seconds)
        except Exception:
            logger.exception("page parts: %s not kept", name)
    else:
        # Read from tables not known the part reads: their generations were not taken
        # before, so this build is not kept; the next one is, in every process.
        _known_learn(name, known, read)
    return value


def rendered_part(
    request, template: str, context: Callable[..., dict], *, vary: Iterable = ()
) -> SafeString:
    """``part`` for a template: ``template`` rendered with ``context(request)`` for the request
    (its context processors too), the template's name naming the part."""
    return part(
        request,
        template,
        lambda: render_to_string(template, context(request), request),
        vary=vary,
    )
