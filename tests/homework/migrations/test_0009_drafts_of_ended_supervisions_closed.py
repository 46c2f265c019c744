"""The data migration that closes the drafts of homework in supervisions ended before it."""

import importlib

import pytest
from django.apps import apps

from homework.services.entries import occurrence_entry_start
from supervision.permissions import grant
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_supervision
from tests.homework.factories import make_assignment
from tests.homework.views.test_entries import hand_in, worksheet  # noqa: F401 (a fixture)
from worksheets.models import EntryUserObjectPermission
from worksheets.permissions import ENTRY_EDIT_PERMS

migration = importlib.import_module("homework.migrations.0009_drafts_of_ended_supervisions_closed")
pytestmark = pytest.mark.django_db


def held(entry) -> set[str]:
    rows = EntryUserObjectPermission.objects.filter(content_object=entry, user=entry.author)
    return set(rows.values_list("permission__codename", flat=True))


def test_drafts_of_ended_supervisions_are_closed_and_nothing_else(supervisor, worksheet):  # noqa: F811
    running = make_supervision(supervisor, UserFactory())
    current = occurrence_entry_start(
        occurrence=make_assignment(running, worksheet_version=worksheet).expected.get(),
        author=running.supervisee,
    )
    earlier = make_supervision(supervisor, UserFactory())
    past_draft = occurrence_entry_start(
        occurrence=make_assignment(earlier, worksheet_version=worksheet).expected.get(),
        author=earlier.supervisee,
    )
    past_handed_in = hand_in(
        occurrence_entry_start(
            occurrence=make_assignment(earlier, worksheet_version=worksheet).expected.get(),
            author=earlier.supervisee,
        )
    )
    supervision_end(supervision=earlier)
    grant(earlier.supervisee, ENTRY_EDIT_PERMS, past_draft)  # as ending left it until now

    migration.close_drafts_of_ended_supervisions(apps, None)

    assert held(current) == {"view_entry", "change_entry", "delete_entry"}
    assert held(past_draft) == {"view_entry"}
    assert held(past_handed_in) == {"view_entry"}
