"""The per-request viewer and the one object lookup: 404 for what one may not know, 403 for the rest."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from supervision.models import Supervision
from supervision.viewer import Held, Viewer, object_for, object_held, viewer_for
from tests.factories import UserFactory


def test_one_viewer_per_request_and_per_person(rf, supervisor, supervisee):
    request = rf.get("/")
    request.user = supervisor
    assert viewer_for(request) is viewer_for(request) is viewer_for(supervisor)
    request.user = supervisee  # signing in as someone else mid-request gives their viewer
    assert viewer_for(request).user == supervisee


def test_a_viewer_works_out_roles_and_remembered_answers_once(
    supervision, django_assert_num_queries
):
    viewer = Viewer(supervision.supervisor)
    with django_assert_num_queries(1):
        assert viewer.roles.supervisor and viewer.roles.supervisor
    calls = []
    assert viewer.remember("key", lambda: calls.append(1) or "answer") == "answer"
    assert viewer.remember("key", lambda: calls.append(1) or "other") == "answer"
    assert calls == [1]


def _request(rf, user):
    request = rf.get("/")
    request.user = user
    return request


def _same(queryset):
    return queryset


@pytest.mark.parametrize("written", [_same, Held], ids=["queryset", "held"])
@pytest.mark.parametrize("lookup", [{}, {"perms_with_it": False}], ids=["one query", "two"])
def test_object_for_answers_404_403_or_the_object(rf, supervision, lookup, written):
    queryset = written(Supervision.objects.all())
    stranger = UserFactory()
    with pytest.raises(Http404):
        object_for(
            _request(rf, stranger), queryset, supervision.pk, view="view_supervision", **lookup
        )
    # The supervisee reads the relationship but does not hold a permission it was never given.
    with pytest.raises(PermissionDenied):
        object_for(
            _request(rf, supervision.supervisee),
            queryset,
            supervision.pk,
            view="view_supervision",
            need="change_supervision",
            **lookup,
        )
    found = object_for(
        _request(rf, supervision.supervisee),
        queryset,
        supervision.pk,
        view="view_supervision",
        need="bring_case",
        **lookup,
    )
    assert found == supervision


def test_administrators_get_no_shortcut(rf, supervision):
    administrator = UserFactory(is_superuser=True, is_staff=True)
    with pytest.raises(Http404):
        object_for(
            _request(rf, administrator),
            Supervision.objects.all(),
            supervision.pk,
            view="view_supervision",
        )


def test_the_lookup_may_ask_about_another_object(rf, supervision):
    # An object whose permissions are held on something else, here: a relationship's group.
    with pytest.raises(Http404):
        object_for(
            _request(rf, supervision.supervisor),
            Supervision.objects.all(),
            supervision.pk,
            view="view_supervisiongroup",
            of=lambda found: found.supervisor,
        )


@pytest.mark.parametrize("written", [_same, Held], ids=["queryset", "held"])
def test_the_lookup_reads_the_persons_permissions_with_the_object(
    rf, supervision, django_assert_num_queries, written
):
    """By default (``perms_with_it``): one query for the object and everything the person holds
    on it, directly or through a group; every check after it asks nothing."""
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    from supervision.models import ReadRecord
    from supervision.permissions import ClinicalPermissionChecker, grant

    team = Group.objects.create(name="Case reviewers")
    supervision.supervisee.groups.add(team)
    grant(team, ("change_supervision",), supervision)
    ContentType.objects.get_for_model(Supervision)
    request = _request(rf, supervision.supervisee)
    with django_assert_num_queries(1):
        found = object_for(
            request,
            written(Supervision.objects.all()),
            supervision.pk,
            view="view_supervision",
            need="change_supervision",  # held through the group
        )
        assert not viewer_for(request).has_perm("delete_supervision", found)
    assert found == supervision
    held = sorted(viewer_for(request).checker.get_perms(found))
    assert held == sorted(ClinicalPermissionChecker(supervision.supervisee).get_perms(supervision))

    stranger = UserFactory()
    with pytest.raises(Http404):
        object_for(
            _request(rf, stranger),
            written(Supervision.objects.all()),
            supervision.pk,
            view="view_supervision",
        )
    assert ReadRecord.objects.filter(reader=stranger, outcome=ReadRecord.Outcome.REFUSED).exists()
    administrator = UserFactory(is_superuser=True, is_staff=True)
    with pytest.raises(Http404):  # no shortcut either
        object_for(
            _request(rf, administrator),
            written(Supervision.objects.all()),
            supervision.pk,
            view="view_supervision",
        )


def test_an_object_read_by_hand_is_checked_as_the_lookup_checks(
    rf, supervision, django_assert_num_queries
):
    """``object_held``: the object and the codenames its view read itself; nothing asked again."""
    from supervision.models import ReadRecord

    with pytest.raises(Http404):  # nothing of theirs with that key
        object_held(_request(rf, supervision.supervisee), None, view="view_supervision")
    request = _request(rf, supervision.supervisee)
    with django_assert_num_queries(0):
        found = object_held(
            request,
            (supervision, ["view_supervision", "bring_case"]),
            view="view_supervision",
            need="bring_case",
        )
        assert not viewer_for(request).has_perm("change_supervision", found)
    assert found is supervision
    assert viewer_for(request).checker.get_perms(found) == ["bring_case", "view_supervision"]
    with pytest.raises(PermissionDenied):
        object_held(
            _request(rf, supervision.supervisee),
            (supervision, ["view_supervision"]),
            view="view_supervision",
            need="bring_case",
        )
    stranger = UserFactory()
    with pytest.raises(Http404):  # an object that exists but was refused is audited
        object_held(_request(rf, stranger), (supervision, []), view="view_supervision")
    assert ReadRecord.objects.filter(reader=stranger, outcome=ReadRecord.Outcome.REFUSED).exists()
