"""Fixtures for feedback tests: a shared submitted entry, the people around it, and files to attach."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from feedback.services import feedback_create, feedback_release
from supervision.models import Supervision
from tests.factories import UserFactory, make_supervision
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


def pdf(name="notes.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def worksheet(db):
    return worksheet_template_create(title="Small worksheet", body=SMALL_BODY, publish=True)


@pytest.fixture
def make_entry(worksheet, supervisee):
    def make(author=None, share_with=None):
        author = author or supervisee
        entry = submit(entry_start(author=author, template_version=worksheet.versions.get()))
        if share_with:
            entry_sharing_set(entry=entry, supervisors=share_with, allowed=share_with)
        return entry

    return make


@pytest.fixture
def entry(make_entry, supervisor, supervision):
    """A submitted entry by the supervisee, shared with their supervisor."""
    return make_entry(share_with=[supervisor])


@pytest.fixture
def other_supervisor(db):
    person = UserFactory(display_name="Olive Other")
    make_supervision(person, UserFactory(display_name="Otto Othertrainee"))
    return person


@pytest.fixture
def grand_supervisor(supervisor):
    """The supervisor's own supervisor (supervision of supervision)."""
    person = UserFactory(display_name="Greta Grand")
    make_supervision(person, supervisor, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION)
    return person


@pytest.fixture
def make_feedback(entry, supervisor):
    def make(*, body="A thoughtful comment.", anchor="", released=False, on=None, author=None):
        feedback = feedback_create(
            entry=on or entry,
            author=author or supervisor,
            body=body,
            anchor=anchor,
            client_token=uuid.uuid4(),
        )
        if released:
            feedback = feedback_release(feedback=feedback, releaser=author or supervisor)
        return feedback

    return make
