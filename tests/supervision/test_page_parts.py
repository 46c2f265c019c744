"""Page parts are served from the cache only while nothing they were read from has been written."""

import re

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from supervision import page_parts
from supervision.models import Case, User
from supervision.services.invitations import invitation_create
from tests.factories import UserFactory, make_case

DASHBOARD = reverse("supervision:dashboard")
TOKEN = re.compile(r"[A-Za-z0-9]{64}")


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ('INSERT INTO "supervision_case" ("pseudonym") VALUES (%s)', "supervision_case"),
        ('UPDATE "worksheets_entry" SET "version" = 2', "worksheets_entry"),
        ('DELETE FROM "feedback_feedback" WHERE id = 1', "feedback_feedback"),
        ("  update wagtailcore_page set depth = 2", "wagtailcore_page"),
        ('SELECT "a"."id" FROM "a" INNER JOIN "b" ON 1=1', None),
        ("SAVEPOINT s1", None),
        ("RELEASE SAVEPOINT s1", None),
        ('ALTER TABLE "x" ADD COLUMN "y" int', page_parts.EVERY_TABLE),
        ('WITH moved AS (DELETE FROM "a" RETURNING *) SELECT 1', page_parts.EVERY_TABLE),
    ],
)
def test_a_statement_names_the_table_it_writes(sql, table):
    assert page_parts.written_table(sql) == table


def test_a_select_names_the_tables_it_reads():
    sql = (
        'SELECT "a"."id" FROM "supervision_case" INNER JOIN "supervision_user" ON 1=1 '
        'LEFT OUTER JOIN "feedback_feedback" ON 1=1 WHERE EXISTS (SELECT 1 FROM "guardian_x")'
    )
    assert {"supervision_case", "supervision_user", "feedback_feedback", "guardian_x"} <= (
        page_parts.tables_read(sql)
    )


def _dashboard(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _kept(client) -> tuple[str, int]:
    """The dashboard once its part is kept (a process's first build learns what it reads)."""
    _dashboard(client)
    _dashboard(client)
    return _dashboard(client)


@pytest.mark.django_db
def test_a_kept_part_is_served_without_its_queries(client, supervisor, supervision):
    make_case(supervision, "Rowan")
    client.force_login(supervisor)
    built, built_queries = _dashboard(client)
    kept, kept_queries = _kept(client)
    # Equal but for the CSRF tokens, masked afresh for each response.
    assert TOKEN.sub("", kept) == TOKEN.sub("", built)
    assert kept_queries < built_queries


@pytest.mark.django_db
def test_a_write_through_a_service_shows_at_once(client, supervisor, supervision):
    client.force_login(supervisor)
    content, _ = _kept(client)
    assert "newcomer@example.org" not in content
    invitation_create(
        invited_by=supervisor,
        supervisor=supervisor,
        email="newcomer@example.org",
        site_url="https://testserver",
    )
    content, _ = _dashboard(client)
    assert "newcomer@example.org" in content


@pytest.mark.django_db
def test_a_write_by_queryset_update_shows_at_once(client, supervisee, supervision):
    case = make_case(supervision, "Rowan")
    client.force_login(supervisee)
    content, _ = _kept(client)
    assert "Rowan" in content
    # No model signal is sent for update(): the statement itself makes the part stale.
    Case.objects.filter(pk=case.pk).update(pseudonym="Juniper")
    content, _ = _dashboard(client)
    assert "Juniper" in content and "Rowan" not in content


@pytest.mark.django_db
def test_a_part_is_never_served_to_another_person(client, supervisor, supervision):
    client.force_login(supervisor)
    first, _ = _kept(client)
    other = UserFactory(display_name="Someone Else")
    client.force_login(other)
    second, _ = _dashboard(client)
    assert "Welcome, Someone Else" in second
    assert supervisor.name not in second and first != second


@pytest.mark.django_db
def test_a_new_csrf_secret_builds_the_part_again(client, supervisor, supervision):
    """A kept form must carry a token of the person's current secret (it changes at sign-in)."""
    client.force_login(supervisor)
    _kept(client)
    kept_key = {key for key in cache._cache if "parts:v" in key}
    client.cookies.pop("csrftoken", None)
    client.force_login(supervisor)
    _dashboard(client)
    assert {key for key in cache._cache if "parts:v" in key} - kept_key


@pytest.mark.django_db(transaction=True)
def test_a_table_is_renewed_when_its_transaction_commits_and_not_when_it_rolls_back():
    table = User._meta.db_table
    before = page_parts._generations([table])[0][table]
    with pytest.raises(RuntimeError), transaction.atomic():
        UserFactory()
        raise RuntimeError("undone")
    assert page_parts._generations([table])[0][table] == before
    with transaction.atomic():
        UserFactory()
        assert page_parts._generations([table])[0][table] == before
    assert page_parts._generations([table])[0][table] != before


@pytest.mark.django_db
def test_data_from_another_cache_names_its_tables():
    token = page_parts._reading.set(set())
    try:
        page_parts.tables_read_add("wagtailcore_page")
        assert "wagtailcore_page" in page_parts._reading.get()
    finally:
        page_parts._reading.reset(token)


@pytest.mark.django_db
def test_an_unreachable_cache_builds_the_part(client, supervisor, supervision, monkeypatch):
    client.force_login(supervisor)
    _kept(client)

    class Unreachable:
        def __getattr__(self, name):
            raise ConnectionError("no cache")

    monkeypatch.setattr(page_parts, "cache", Unreachable())
    content, _ = _dashboard(client)
    assert f"Welcome, {supervisor.name}" in content


@pytest.mark.django_db
def test_a_kept_value_may_be_more_than_html_and_an_error_is_never_kept(rf, supervisor):
    request = rf.get("/somewhere/")
    request.user = supervisor
    builds = []

    def build():
        builds.append(1)
        User.objects.filter(pk=supervisor.pk).exists()  # reads the people's table
        return ("A title", "<p>The content</p>")

    def refused():
        raise LookupError("not yours")

    def asked(request):
        value = page_parts.kept(request, "test.titled", build)
        with pytest.raises(LookupError):
            page_parts.kept(request, "test.refused", refused)
        return value

    middleware = page_parts.PagePartsMiddleware(asked)
    assert [middleware(request) for _ in range(3)] == [("A title", "<p>The content</p>")] * 3
    # The first build learns what it reads, the second is kept, the third request is served it.
    assert len(builds) == 2


@pytest.mark.django_db
def test_a_new_process_keeps_its_first_build_of_a_part_another_process_learnt(rf, supervisor):
    request = rf.get("/somewhere/")
    request.user = supervisor
    builds = []

    def build():
        builds.append(1)
        return User.objects.filter(pk=supervisor.pk).exists()

    middleware = page_parts.PagePartsMiddleware(
        lambda request: page_parts.kept(request, "test.shared", build)
    )
    middleware(request)
    middleware(request)
    assert len(builds) == 2  # learnt, then kept
    User.objects.filter(pk=supervisor.pk).update(display_name="Robin")  # the part is stale
    page_parts.page_parts_forget()  # as a worker started after the first learnt it

    middleware(request)
    middleware(request)

    # Its first build is kept: the second request is served it.
    assert len(builds) == 3


@pytest.mark.django_db
def test_a_request_renews_what_it_wrote_once_as_it_ends(rf, monkeypatch):
    renewed = []
    monkeypatch.setattr(page_parts, "_renew_now", lambda tables: renewed.append(set(tables)))

    def view(request):
        Case.objects.filter(pk=0).update(pseudonym="Nobody")
        User.objects.filter(pk=0).update(display_name="Nobody")
        assert renewed == []  # not yet: together, once the request is done
        return "done"

    assert page_parts.PagePartsMiddleware(view)(rf.post("/somewhere/")) == "done"
    assert renewed == [{Case._meta.db_table, User._meta.db_table}]


@pytest.mark.django_db
def test_a_cache_kept_in_the_database_does_not_renew_itself_for_ever(monkeypatch):
    written = []

    class CacheInTheDatabase:
        def set(self, key, value, timeout):
            written.append(key)
            User.objects.filter(pk=0).update(display_name="A cache row")  # a write, as it would

    monkeypatch.setattr(page_parts, "cache", CacheInTheDatabase())
    page_parts.renew({"supervision_case"})
    assert written == ["parts:generation:supervision_case"]
