"""Logs without personal details: the filter on its own, and on the record of a request that fails."""

import io
import logging
import logging.config
import sys

import pytest
from django.test import Client
from django.urls import reverse

from config.logging import WithoutPersonalDetails, logging_config, without_personal_details
from tests.factories import UserFactory, make_supervision


def test_text_keeps_ids_and_loses_addresses_queries_quotes_reprs_and_file_names():
    text = (
        "Entry 42 of lina@example.org failed: “My schema of failure” "
        "<Entry: Countertransference with A.> /homework/entries/42/?q=shame+patient "
        "session-notes.pdf 'Olive Owner'"
    )
    cleaned = without_personal_details(text)
    for secret in (
        "lina@example.org",
        "My schema of failure",
        "Countertransference",
        "shame",
        "session-notes",
        "Olive",
    ):
        assert secret not in cleaned
    assert "Entry 42" in cleaned and "/homework/entries/42/" in cleaned and "<Entry>" in cleaned


def test_format_strings_and_gunicorn_access_atoms():
    record = logging.LogRecord(
        "gunicorn.access",
        logging.INFO,
        __file__,
        1,
        '%(h)s "%(r)s" %(s)s "%(f)s"',
        ({"h": "127.0.0.1", "r": "GET /cases/?q=Mrs+X HTTP/1.1", "s": "200", "f": "-"},),
        None,
    )
    WithoutPersonalDetails().filter(record)
    message = record.getMessage()
    assert message == '127.0.0.1 "GET /cases/?[query] HTTP/1.1" 200 "-"'


def test_a_traceback_keeps_its_frames_and_loses_the_message():
    # Source lines are code and stay in a traceback, so what the messages name is in variables.
    address, title = "trainee1@example.org", "Fear of judgement"
    try:
        try:
            raise KeyError(address)
        except KeyError as error:
            raise ValueError(f"Could not save “{title}”") from error
    except ValueError:
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Boom: %s", ("/x/",), sys.exc_info()
        )
    WithoutPersonalDetails().filter(record)
    assert record.exc_info is None
    assert "test_a_traceback_keeps_its_frames" in record.exc_text
    assert "ValueError: … “…”" in record.exc_text
    assert "KeyError: '…'" in record.exc_text
    assert "The above exception was the direct cause" in record.exc_text
    assert "judgement" not in record.exc_text and "trainee1" not in record.exc_text


@pytest.fixture
def django_log():
    """What the console handler of Django's loggers writes, as configured by LOGGING."""
    handler = logging.getLogger("django").handlers[0]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.django_db
def test_the_error_report_of_a_failing_request_names_no_one(django_log, monkeypatch):
    supervisor = UserFactory(display_name="Sara Supervisor", email="sara@example.org")
    supervisee = UserFactory(display_name="Olive Owner", email="olive@example.org")
    supervision = make_supervision(supervisor, supervisee)

    # The traceback shows the source line that raised, so what it names comes from variables.
    file_name = "reflection-on-anger.docx"

    def fail(*args, **kwargs):
        raise RuntimeError(f"Could not list {supervision} for {supervisee.email}: '{file_name}'")

    monkeypatch.setattr("supervision.views.relationships.meetings_of_supervision", fail)
    client = Client(raise_request_exception=False)
    client.force_login(supervisor)
    url = reverse("supervision:supervision_detail", args=[supervision.pk]) + "?q=Olive"
    assert client.get(url).status_code == 500

    log = django_log.getvalue()
    assert "ERROR django.request Internal Server Error" in log
    assert f"/supervisions/{supervision.pk}/" in log
    assert "Traceback (most recent call last)" in log and "RuntimeError" in log
    for personal in ("Olive", "Sara", "olive@example.org", "reflection-on-anger", "?q="):
        assert personal not in log, personal


def test_the_access_log_goes_where_gunicorn_access_log_says(tmp_path):
    on_console = logging_config(access_log="-")["loggers"]["gunicorn.access"]
    assert on_console["handlers"] == ["console"]
    assert on_console["filters"] == ["without_personal_details"]

    path = tmp_path / "access.log"
    config = logging_config(access_log=str(path))
    assert config["loggers"]["gunicorn.access"]["handlers"] == ["access_file"]
    assert config["handlers"]["access_file"]["filename"] == str(path)
    assert config["handlers"]["access_file"]["filters"] == ["without_personal_details"]

    assert logging_config(access_log="")["loggers"]["gunicorn.access"]["handlers"] == []


def test_an_access_log_file_is_written_without_query_strings(tmp_path):
    path = tmp_path / "access.log"
    logging.config.dictConfig(logging_config(access_log=str(path)))
    try:
        logging.getLogger("gunicorn.access").info(
            '%(h)s "%(r)s" %(s)s',
            {"h": "127.0.0.1", "r": "GET /cases/?q=Mrs+X HTTP/1.1", "s": "200"},
        )
        logging.getLogger("gunicorn.access").handlers[0].flush()
        assert '127.0.0.1 "GET /cases/?[query] HTTP/1.1" 200' in path.read_text()
    finally:
        from django.conf import settings

        logging.config.dictConfig(settings.LOGGING)
