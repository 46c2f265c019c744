"""Fixtures for worksheet tests: templates built through the services, entries at each stage."""

import uuid

import pytest

from tests.factories import UserFactory, make_supervision
from worksheets.library import blocks as b
from worksheets.services.entries import entry_sharing_set, entry_start, entry_submit
from worksheets.services.templates import worksheet_template_create

SMALL_BODY = [
    b.heading("Before"),
    b.short("What happened?", max_length=50),
    b.rating10("How upset was I?", low="not at all", high="extremely"),
    b.single("Where was I?", ["At work", "At home"]),
    b.long("Anything else?", required=False, max_length=300),
]


@pytest.fixture
def make_template(db):
    def make(body=None, *, title="Small worksheet", owner=None, publish=True, **kwargs):
        return worksheet_template_create(
            title=title, body=body or SMALL_BODY, owner=owner, publish=publish, **kwargs
        )

    return make


@pytest.fixture
def library_template(make_template):
    return make_template(title="A library worksheet")


@pytest.fixture
def trainee(supervisee):
    return supervisee


@pytest.fixture
def other_trainee(db):
    return UserFactory(display_name="Olga Other")


@pytest.fixture
def unrelated_supervisor(db):
    person = UserFactory(display_name="Uma Unrelated")
    make_supervision(person, UserFactory())
    return person


@pytest.fixture
def draft_entry(trainee, library_template):
    return entry_start(author=trainee, template_version=library_template.versions.get())


def submit(entry, answers=None, reflection=""):
    answers = answers or {
        "what_happened": "A hard session",
        "how_upset_was_i": 6,
        "where_was_i": "At work",
        "anything_else": "",
    }
    return entry_submit(
        entry=entry,
        answers=answers,
        reflection=reflection,
        expected_version=entry.version,
        session=uuid.uuid4().hex,
    )


@pytest.fixture
def submitted_entry(draft_entry):
    return submit(draft_entry)


@pytest.fixture
def shared_entry(submitted_entry, supervisor, supervision):
    return entry_sharing_set(entry=submitted_entry, supervisors=[supervisor], allowed=[supervisor])
