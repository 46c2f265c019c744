"""The engine's events: each is connected to exactly the subscribers its docstring lists, and sent."""

import pytest

from tests.factories import UserFactory, make_supervision
from tests.signals import connected, documented
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets import signals
from worksheets.services.entries import entry_reopen, entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

EVENTS = ("entry_submitted", "entry_reopened", "entry_shared", "entry_unshared")


@pytest.mark.parametrize("name", EVENTS)
def test_the_docstring_lists_every_connected_subscriber(name):
    signal = getattr(signals, name)
    assert connected(signal) == documented(signals, name)


def test_submitted_has_its_subscribers():
    assert documented(signals, "entry_submitted") == {
        "homework.entry_submitted",
        "courses.entry_submitted",
        "recordings.entry_submitted",
        "pathways.entry_submitted",
    }


@pytest.mark.django_db
def test_each_event_is_sent_with_the_entry_and_the_actor():
    author, supervisor = UserFactory(), UserFactory()
    make_supervision(supervisor, author)
    template = worksheet_template_create(title="Small", body=SMALL_BODY, publish=True)
    heard = []

    def listen(sender, signal, **kwargs):
        heard.append((signal, kwargs))

    for name in EVENTS:
        getattr(signals, name).connect(listen, dispatch_uid=f"test.{name}")
    try:
        entry = submit(entry_start(author=author, template_version=template.versions.get()))
        entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
        entry_sharing_set(entry=entry, supervisors=[], allowed=[supervisor])
        entry_reopen(entry=entry, actor=supervisor)
        entry_reopen(entry=entry, actor=supervisor)  # a second reopening sends nothing
    finally:
        for name in EVENTS:
            getattr(signals, name).disconnect(dispatch_uid=f"test.{name}")
    assert [(signal, kwargs["entry"].pk, kwargs["actor"]) for signal, kwargs in heard] == [
        (signals.entry_submitted, entry.pk, author),
        (signals.entry_shared, entry.pk, author),
        (signals.entry_unshared, entry.pk, author),
        (signals.entry_reopened, entry.pk, supervisor),
    ]
    assert heard[1][1]["reader"] == supervisor == heard[2][1]["reader"]
