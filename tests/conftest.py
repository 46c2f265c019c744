"""Shared fixtures: media in a temporary folder, people in each role, and the browser layer."""

import os
import shutil

import pytest
from django.core.cache import cache

from supervision.page_parts import page_parts_forget
from supervision.permissions import permission_ids_forget
from supervision.roles import COURSE_STAFF_GROUP
from supervision.services.people import groups_ensure
from tests.databases import setup_worker_databases, teardown_worker_databases
from tests.factories import UserFactory, make_supervision
from tests.scheduling import order_for_workers

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """On an xdist worker, browser files first (tests/scheduling.py says why); the controller
    hands the files out in this order (the Makefile's --no-loadscope-reorder). A run without
    xdist keeps pytest's and pytest-django's order."""
    if hasattr(config, "workerinput"):
        items[:] = [items[i] for i in order_for_workers([item.nodeid for item in items])]


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
):
    """pytest-django's test databases, but migrated once per run and cloned for each xdist
    worker (tests/databases.py says how and why). Without xdist or with --reuse-db, the same
    as pytest-django's own fixture (whose steps these are)."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    workerinput = getattr(request.config, "workerinput", None)

    if workerinput is None or keepdb:
        request.getfixturevalue("django_db_modify_db_settings")
        with django_db_blocker.unblock():
            db_cfg = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases=aliases,
                serialized_aliases=serialized_aliases,
                keepdb=keepdb,
            )
        yield
        if not keepdb:
            with django_db_blocker.unblock():
                teardown_databases(db_cfg, verbosity=verbosity)
        return

    with django_db_blocker.unblock():
        restore = setup_worker_databases(
            sorted(aliases),
            serialized_aliases,
            worker_id=workerinput["workerid"],
            run_id=workerinput["testrunuid"],
            verbosity=verbosity,
        )
    yield
    with django_db_blocker.unblock():
        teardown_worker_databases(restore, verbosity=verbosity)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def parts_built(settings):
    """Page parts built on every request (supervision.page_parts): a test that compares a page's
    queries compares its builds, not whether its menu happened to be kept."""
    settings.PAGE_PARTS_SECONDS = 0


@pytest.fixture(autouse=True)
def _fresh_cache():
    # allauth counts failed sign-ins in the cache; one test's failures must not lock out the next.
    cache.clear()
    # The permission ids grant keeps per process: every test starts without them, so its query
    # counts do not depend on the tests that ran before it in the same worker.
    permission_ids_forget()
    # And without knowing what each page part reads: a test's first request of a page learns it,
    # its second keeps the part (supervision.page_parts), whatever ran before in the worker.
    page_parts_forget()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _wagtail_tree(request):
    """Every test that uses the database starts with the Wagtail tree the migrations made.

    A transactional test (threads, browsers) ends by flushing the database, which removes the
    root page, the course index, the site and the root collection for every later test on the
    same xdist worker, whichever file it is in; rebuilding them here (one query when present)
    keeps the tests independent of their order.
    """
    from django.test import TransactionTestCase

    from tests.courses.factories import ensure_course_site

    if isinstance(request.instance, TransactionTestCase):
        ensure_course_site()  # Django's own test classes have the database open already
        return
    uses_db = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "django_db_reset_sequences"} & set(request.fixturenames)
    )
    if not uses_db:
        return
    request.getfixturevalue("_django_db_helper")

    ensure_course_site()


@pytest.fixture
def supervisor(db):
    return UserFactory(display_name="Sam Supervisor")


@pytest.fixture
def supervisee(db):
    return UserFactory(display_name="Tess Trainee")


@pytest.fixture
def supervision(supervisor, supervisee):
    return make_supervision(supervisor, supervisee)


@pytest.fixture
def course_editor(db):
    user = UserFactory(display_name="Cleo Editor")
    user.groups.add(groups_ensure()[COURSE_STAFF_GROUP])
    return user


@pytest.fixture
def administrator(db):
    return UserFactory(display_name="Ada Admin", is_superuser=True, is_staff=True)


# --- Browser layer ---------------------------------------------------------------------

# How long a browser test waits for a condition (a URL, a text, a value) before it fails. Tests
# wait for conditions, never for fixed times, so a generous bound costs nothing when the machine
# is quick and keeps the suite steady when the other core is busy (a 10-second bound was not).
BROWSER_TIMEOUT_MS = 60_000

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("REQUIRE_BROWSER is set but Debian's chromium is not installed.")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=BROWSER_TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def _watched(page):
    """The page, failing its test at teardown if it logged any console error (CSP included)."""
    from tests.browser.helpers import ConsoleWatch

    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    watch = ConsoleWatch(page)
    yield page
    page.context.close()
    watch.assert_clean()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    yield from _watched(context.new_page())


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    yield from _watched(context.new_page())
