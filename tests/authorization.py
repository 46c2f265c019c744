"""The one authorization harness: every URL of ours, every kind of person, GET and POST.

Each app's ``tests/<app>/test_authorization.py`` only declares its expectations: a ``MATRIX``
(the URLs it covers, the kinds of people, how each stands to each object) and a module-scoped
``world`` fixture that builds the people and objects once. It then asks for its tests with
``test_url = url_test(MATRIX)``. ``tests/test_authorization.py`` reads every app's ``MATRIX``
and fails for a URL of ours that has no expectation (or an expectation without a URL), so a new
URL cannot slip in untested.

Every request runs in a savepoint that is rolled back, so the world is built once per module.
POSTs carry valid data (``data``), so a refusal is about the person, never the input; where the
matrix has a ``snapshot``, a refused POST must leave it unchanged.

Statuses: a number; ``SIGN_IN`` (a redirect to the site's or the admin's sign-in page); or
``DENIED`` (the Wagtail admin's redirect to its home page). 404 is for an object the person may
not know exists, 403 for one they may see but not change this way.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

SIGN_IN = "sign in"
DENIED = "denied"
GET_ONLY = {"*": 405}
POST_ONLY = {"*": 405}

# The code of this project; a URL whose view is defined here needs an expectation.
OUR_APPS = (
    "supervision",
    "notifications",
    "exports",
    "worksheets",
    "homework",
    "portfolios",
    "feedback",
    "questionnaires",
    "recordings",
    "courses",
    "reminders",
    "pathways",
    "privacy",
    "demo",
    "config",
)


@dataclass(frozen=True)
class Url:
    """One URL tried on one object, and the status each kind of person gets for GET and POST.

    ``get`` and ``post`` map a person to a status. A person is looked up by how they stand to
    the object (the matrix's ``relation``: a key such as ``"owner_after_end"`` or
    ``"stranger"``, or several keys to try in turn), then ``"*"``; anonymous people are sent to
    sign in unless ``"anonymous"`` says otherwise.
    """

    name: str
    target: str | None = None
    get: dict = field(default_factory=dict)
    post: dict = field(default_factory=dict)
    # (world, target) -> the URL's kwargs; by default the target object's pk is its argument.
    kwargs: Callable | None = None
    # (world, target) -> the address itself, for URLs with a query string.
    path: Callable | None = None
    # (world, target) -> valid POST data.
    data: Callable | None = None
    # (world, kind) -> None: set the scene for this person, inside the rolled-back savepoint.
    prepare: Callable | None = None
    # (response, kind) -> a failure to report, or None.
    check: Callable | None = None

    @property
    def id(self) -> str:
        return f"{self.name}[{self.target}]" if self.target else self.name


def for_targets(name: str, targets, **fields) -> list[Url]:
    """The same expectations, tried on each of several objects."""
    return [Url(name, target, **fields) for target in targets]


def statuses(default, **overrides) -> dict:
    """``statuses(404, owner=200)``: everyone gets 404 but the owner."""
    return {"*": default, **overrides}


def only(kinds, status) -> dict:
    return dict.fromkeys(kinds, status)


@dataclass
class Matrix:
    urls: list[Url]
    kinds: tuple[str, ...]
    # (kind, target) -> how this kind of person stands to the target object: a key of the
    # expectations, or a tuple of keys to try in turn. By default, their kind.
    relation: Callable[[str, str | None], str | tuple[str, ...]] = lambda kind, target: kind
    # () -> enough of the database to notice a change; compared around refused POSTs.
    snapshot: Callable[[], object] | None = None
    # (world, target) -> POST data for the URLs that name none.
    data: Callable | None = None
    # (world, kind) -> None: set the scene for this person before every request.
    prepare: Callable | None = None

    def names(self) -> set[str]:
        return {url.name for url in self.urls}

    def expected(self, spec: dict, kind: str, relation):
        for key in relation if isinstance(relation, tuple) else (relation,):
            if key in spec:
                return spec[key]
        if kind == "anonymous":
            return SIGN_IN
        if "*" in spec:
            return spec["*"]
        raise AssertionError(f"no expectation for {kind} ({relation})")


def _address(url: Url, world) -> str:
    if url.path is not None:
        return url.path(world, url.target)
    if url.kwargs is not None:
        return reverse(url.name, kwargs=url.kwargs(world, url.target))
    if url.target is not None:
        return reverse(url.name, args=[world["objects"][url.target].pk])
    return reverse(url.name)


def _sign_in_pages() -> tuple[str, ...]:
    return (resolve_url(settings.LOGIN_URL), reverse("wagtailadmin_login"))


def check_url(matrix: Matrix, url: Url, world) -> list[str]:
    """Every kind of person, GET and POST; returns what went against the expectations."""
    address = _address(url, world)
    failures = []
    for kind in matrix.kinds:
        relation = "anonymous" if kind == "anonymous" else matrix.relation(kind, url.target)
        for method in ("GET", "POST"):
            want = matrix.expected(url.get if method == "GET" else url.post, kind, relation)
            with transaction.atomic():
                for prepare in (matrix.prepare, url.prepare):
                    if prepare is not None:
                        prepare(world, kind)
                client = Client()
                if kind != "anonymous":
                    client.force_login(world["users"][kind])
                before = matrix.snapshot() if matrix.snapshot else None
                if method == "GET":
                    response = client.get(address)
                else:
                    make_data = url.data or matrix.data
                    data = make_data(world, url.target) if make_data else {}
                    response = client.post(address, data)
                after = matrix.snapshot() if matrix.snapshot else None
                transaction.set_rollback(True)
            where = f"{method} {address} as {kind} ({relation})"
            location = response.get("Location", "")
            if want == SIGN_IN:
                ok = response.status_code == 302 and location.startswith(_sign_in_pages())
            elif want == DENIED:
                ok = response.status_code == 302 and location == reverse("wagtailadmin_home")
            else:
                ok = response.status_code == want
            if not ok:
                failures.append(f"{where}: expected {want}, got {response.status_code} {location}")
                continue
            # Every answer, page or download, must not be kept by a browser or a proxy.
            if "no-store" not in response.get("Cache-Control", ""):
                failures.append(f"{where}: no Cache-Control: no-store")
            if method == "POST" and want != 302 and before != after:
                failures.append(f"{where}: a refused request changed the database")
            if url.check is not None and want == 200:
                problem = url.check(response, kind)
                if problem:
                    failures.append(f"{where}: {problem}")
    return failures


def url_test(matrix: Matrix):
    """The module's test: one case per URL and target, against the module's ``world``."""

    @pytest.mark.parametrize("url", matrix.urls, ids=[url.id for url in matrix.urls])
    def test_url(url, world, db):
        failures = check_url(matrix, url, world)
        assert not failures, "\n".join(failures)

    return test_url


def _row_counts() -> dict[str, int]:
    counts = {}
    for label in OUR_APPS:
        if apps.is_installed(label):
            for model in apps.get_app_config(label).get_models():
                counts[model._meta.label] = model._default_manager.count()
    return counts


def double_submit_test(matrix: Matrix, names: tuple[str, ...], sent_by: dict | None = None):
    """The module's create forms, each sent twice with one key: one redirect, written once.

    For each URL named in ``names`` (the create forms of ``supervision.idempotency``), the first
    kind of person whose POST the matrix expects to redirect sends the matrix's valid data twice
    with the same ``submission_key``. Both answers must redirect to the same place, and the
    second must change no row count of any model of ours (no second object, no second notice).
    ``sent_by`` maps a name to ``(kind, data)`` or ``(kind, data, prepare)`` where the matrix's own
    request is refused on purpose (its data, or the state of its world).
    """
    cases = {}
    for url in matrix.urls:
        for kind in matrix.kinds:
            relation = matrix.relation(kind, url.target)
            allowed = matrix.expected(url.post, kind, relation) == 302
            if url.name in names and kind != "anonymous" and allowed:
                cases.setdefault(url.name, (url, kind))
    for name, (kind, data, *prepare) in (sent_by or {}).items():
        url = next(url for url in matrix.urls if url.name == name)
        cases[name] = (
            replace(url, data=data, prepare=prepare[0] if prepare else url.prepare),
            kind,
        )
    assert set(cases) == set(names), f"no one may send {set(names) - set(cases)}"

    @pytest.mark.parametrize("url,kind", cases.values(), ids=list(cases))
    def test_create_once(url, kind, world, db):
        with transaction.atomic():
            for prepare in (matrix.prepare, url.prepare):
                if prepare is not None:
                    prepare(world, kind)
            client = Client()
            client.force_login(world["users"][kind])
            make_data = url.data or matrix.data
            key = str(uuid.uuid4())
            address = _address(url, world)
            if matrix.expected(url.get, kind, matrix.relation(kind, url.target)) == 200:
                page = client.get(address).content.decode()
                assert 'name="submission_key"' in page, "the form carries no one-time key"
            before = _row_counts()
            first = client.post(address, {**make_data(world, url.target), "submission_key": key})
            between = _row_counts()
            second = client.post(address, {**make_data(world, url.target), "submission_key": key})
            after = _row_counts()
            transaction.set_rollback(True)
        assert first.status_code == 302, first.content[:2000]
        assert second.status_code == 302
        assert second["Location"] == first["Location"]
        assert before != between, "the first POST created nothing"
        changed = {
            name: (between[name], after[name]) for name in after if after[name] != between[name]
        }
        assert not changed, f"the second POST wrote again: {changed}"

    return test_create_once


def module_world(build):
    """A module-scoped ``world`` fixture: ``build()`` once, rolled back after the module.

    Files the world stores go to a folder of its own (each test has another media folder; a
    URL that serves a file puts it back with ``keep_file``).
    """

    @pytest.fixture(scope="module")
    def world(django_db_setup, django_db_blocker, tmp_path_factory):
        media = tmp_path_factory.mktemp("world-media") / "media"
        with (
            override_settings(MEDIA_ROOT=media),
            django_db_blocker.unblock(),
            transaction.atomic(),
        ):
            yield build()
            transaction.set_rollback(True)

    return world


def keep_file(stored, content: bytes) -> None:
    """Put a file of the world where this test's storage looks (each test has its own folder)."""
    if stored and not stored.storage.exists(stored.name):
        stored.storage.save(stored.name, ContentFile(content))


# --- Which URLs are ours -------------------------------------------------------------------


def _patterns(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            if namespace and inner:
                inner = f"{namespace}:{inner}"
            yield from _patterns(pattern.url_patterns, inner or namespace)
        elif isinstance(pattern, URLPattern):
            yield pattern, namespace


def our_url_names() -> set[str]:
    """Every named URL whose view is written in this project (in our apps or our Wagtail hooks)."""
    names = set()
    for pattern, namespace in _patterns(get_resolver().url_patterns):
        view = getattr(pattern.callback, "view_class", pattern.callback)
        if view.__module__.split(".")[0] in OUR_APPS and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names
