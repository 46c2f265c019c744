"""Fixtures for privacy tests: a supervisee's material in every app, and a recent re-authentication."""

import time

import pytest
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from allauth.account.internal.userkit import user_id_to_str

from feedback.services import feedback_create, feedback_release
from homework.services.entries import entry_attachment_add
from tests.feedback.conftest import pdf
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create


def reauthenticated(client, user) -> None:
    """As if ``user`` had just typed their password again (allauth's record of it in the session)."""
    client.force_login(user)
    session = client.session
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "reauthenticated": True}
    ]
    session.save()


@pytest.fixture
def worksheet(db):
    return worksheet_template_create(title="Small worksheet", body=SMALL_BODY, publish=True)


@pytest.fixture
def shared_entry(worksheet, supervisee, supervisor, supervision):
    """A submitted entry by the supervisee, shared with their supervisor, with released feedback."""
    entry = submit(entry_start(author=supervisee, template_version=worksheet.versions.get()))
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    return entry


@pytest.fixture
def homework_entry_with_file(supervision):
    """A homework entry of the supervisee, still a draft, with a PDF attached."""
    from homework.services.entries import occurrence_entry_start
    from tests.homework.factories import make_assignment

    assignment = make_assignment(supervision)
    entry = occurrence_entry_start(
        occurrence=assignment.expected.get(), author=supervision.supervisee
    )
    entry_attachment_add(entry=entry, author=supervision.supervisee, upload=pdf("my-notes.pdf"))
    return entry


@pytest.fixture
def released_feedback(shared_entry, supervisor):
    feedback = feedback_create(
        entry=shared_entry, author=supervisor, body="Good noticing.", attachment=pdf("reply.pdf")
    )
    return feedback_release(feedback=feedback, releaser=supervisor)
