"""One-time keys of create forms: a key creates once, in a row or at the same moment, on both databases."""

import datetime
import importlib
import inspect
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from homework.models import Assignment
from notifications.models import Notification
from supervision.idempotency import create_once
from supervision.models import Case, HoursSignOff, SubmissionKey
from tests.authorization import OUR_APPS, _patterns, our_url_names
from tests.concurrency import THREADS, at_once, post_at_once
from tests.factories import make_case, make_meeting, make_supervision
from tests.homework.views.test_assignments import form_data as assignment_form
from tests.supervision.views.test_cases import case_data


def _request(user, key):
    request = RequestFactory().post("/", {"submission_key": str(key)})
    request.user = user
    return request


@pytest.mark.django_db
def test_a_key_sent_twice_gives_back_what_the_first_created(supervision):
    key = uuid.uuid4()
    request = _request(supervision.supervisee, key)
    first = create_once(request, lambda: make_case(supervision, "Rowan"))
    second = create_once(request, lambda: make_case(supervision, "Rowan again"))
    assert second == first
    assert Case.objects.count() == 1
    assert SubmissionKey.objects.get().created == first


@pytest.mark.django_db
def test_a_refused_creation_leaves_the_key_free_for_the_corrected_form(supervision):
    request = _request(supervision.supervisee, uuid.uuid4())

    def refused():
        raise ValidationError({"pseudonym": "Enter a pseudonym."})

    with pytest.raises(ValidationError):
        create_once(request, refused)
    assert not SubmissionKey.objects.exists()
    case = create_once(request, lambda: make_case(supervision, "Rowan"))
    assert Case.objects.get() == case


@pytest.mark.django_db
def test_a_key_is_one_persons_own(supervision):
    key = uuid.uuid4()
    other = make_supervision()
    mine = create_once(_request(supervision.supervisee, key), lambda: make_case(supervision))
    theirs = create_once(_request(other.supervisee, key), lambda: make_case(other))
    assert mine != theirs
    assert Case.objects.count() == 2


@pytest.mark.django_db
def test_a_deleted_creation_frees_its_key(supervision):
    request = _request(supervision.supervisee, uuid.uuid4())
    create_once(request, lambda: make_case(supervision, "Rowan")).delete()
    again = create_once(request, lambda: make_case(supervision, "Rowan"))
    assert Case.objects.get() == again


# --- The example of issue 10 item 2: simultaneous identical POSTs, on SQLite and PostgreSQL ----


@pytest.mark.django_db(transaction=True)
def test_the_same_new_case_sent_at_once_gives_one_case_and_the_same_redirect():
    supervision = make_supervision()
    data = case_data(supervision)
    responses = post_at_once(supervision.supervisee, reverse("supervision:case_create"), data)
    case = Case.objects.get()
    assert [r.status_code for r in responses] == [302] * THREADS
    assert {r["Location"] for r in responses} == {
        reverse("supervision:case_detail", args=[case.pk])
    }


@pytest.mark.django_db(transaction=True)
def test_the_same_homework_sent_at_once_is_assigned_and_announced_once():
    supervision = make_supervision()
    data = {**assignment_form(), "submission_key": str(uuid.uuid4())}
    url = reverse("homework:assignment_create", args=[supervision.pk])
    notices = Notification.objects.count()
    responses = post_at_once(supervision.supervisor, url, data)
    assignment = Assignment.objects.get()
    assert [r.status_code for r in responses] == [302] * THREADS
    assert {r["Location"] for r in responses} == {
        reverse("homework:assignment_detail", args=[assignment.pk])
    }
    assert Notification.objects.count() == notices + 1


@pytest.mark.django_db(transaction=True)
def test_the_same_hours_period_sent_at_once_is_submitted_once_with_the_same_redirect():
    today = timezone.localdate()
    supervision = make_supervision(started_on=today - datetime.timedelta(days=60))
    make_meeting(supervision, date=today - datetime.timedelta(days=20))
    data = {
        "starts_on": (today - datetime.timedelta(days=25)).isoformat(),
        "ends_on": (today - datetime.timedelta(days=15)).isoformat(),
        "submission_key": str(uuid.uuid4()),
    }
    url = reverse("supervision:signoff_list", args=[supervision.pk])
    responses = post_at_once(supervision.supervisee, url, data)
    signoff = HoursSignOff.objects.get()
    assert [r.status_code for r in responses] == [302] * THREADS
    assert {r["Location"] for r in responses} == {
        reverse("supervision:signoff_detail", args=[signoff.pk])
    }


@pytest.mark.django_db(transaction=True)
def test_different_new_cases_sent_at_once_are_all_kept():
    # Writers queue on SQLite (busy timeout, immediate transactions) instead of failing.
    supervision = make_supervision()
    keys = iter([str(uuid.uuid4()) for _ in range(THREADS)])
    names = iter([f"Case {n}" for n in range(THREADS)])
    client_user = supervision.supervisee
    responses = []

    def post():
        client = Client()
        client.force_login(client_user)
        data = case_data(supervision, submission_key=next(keys), pseudonym=next(names))
        responses.append(client.post(reverse("supervision:case_create"), data))

    assert at_once(post) == [None] * THREADS
    assert [r.status_code for r in responses] == [302] * THREADS
    assert Case.objects.count() == THREADS


# --- Every create form uses the one mechanism, and every one is tried twice -------------------


def _views_using_create_once() -> set[str]:
    names = set()
    for pattern, namespace in _patterns(__import__("config.urls").urls.urlpatterns):
        view = inspect.unwrap(getattr(pattern.callback, "view_class", pattern.callback))
        if view.__module__.split(".")[0] not in OUR_APPS:
            continue
        source = inspect.getsource(view)
        if "create_once(" in source and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_view_that_creates_once_is_sent_twice_by_its_apps_matrix():
    declared = set()
    for app in OUR_APPS:  # every app's matrix, so a new app cannot be forgotten here
        try:
            matrix = importlib.import_module(f"tests.{app}.test_authorization")
        except ModuleNotFoundError:
            continue
        declared |= set(getattr(matrix, "CREATES", ()))
    assert declared <= our_url_names()
    assert _views_using_create_once() == declared
