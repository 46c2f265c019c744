"""Administrations: kept private until shared, ratings of someone else released like feedback (scoring at submission: tests/worksheets/scoring)."""

import pytest
from django.core.exceptions import ValidationError

from questionnaires.selectors import (
    administrations_about,
    administrations_shared_with,
    ratings_given,
    ratings_received,
)
from questionnaires.services import rating_release, rating_start
from supervision.permissions import ClinicalPermissionChecker
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_supervision
from tests.worksheets.scoring.factories import administer
from worksheets.selectors.entries import entries_shared_with
from worksheets.services.entries import entry_sharing_set, entry_start

pytestmark = pytest.mark.django_db


def test_results_are_private_until_shared_and_sharing_can_be_undone(
    supervisee, supervisor, supervision, hand_check_version
):
    entry = administer(supervisee, hand_check_version)
    key = hand_check_version.questionnaire_key
    assert list(administrations_about(supervisee, key, viewer=supervisee)) == [entry]
    assert not administrations_about(supervisee, key, viewer=supervisor).exists()
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    assert list(administrations_about(supervisee, key, viewer=supervisor)) == [entry]
    assert list(administrations_shared_with(supervisor)) == [entry]
    entry_sharing_set(entry=entry, supervisors=[], allowed=[supervisor])
    assert not administrations_about(supervisee, key, viewer=supervisor).exists()


def test_a_rating_needs_a_current_supervisee_as_its_subject(
    supervisor, supervisee, supervision, rating_version, hand_check_version
):
    with pytest.raises(ValidationError, match="choose whom you rate"):
        entry_start(author=supervisor, template_version=rating_version)
    with pytest.raises(ValidationError, match="only people you currently supervise"):
        entry_start(author=supervisor, template_version=rating_version, subject=UserFactory())
    with pytest.raises(ValidationError, match="only people you currently supervise"):
        entry_start(author=supervisee, template_version=rating_version, subject=supervisor)
    with pytest.raises(ValidationError, match="Only a questionnaire rated by someone else"):
        entry_start(author=supervisor, template_version=hand_check_version, subject=supervisee)
    supervision_end(supervision=supervision)
    with pytest.raises(ValidationError, match="only people you currently supervise"):
        entry_start(author=supervisor, template_version=rating_version, subject=supervisee)


def test_the_person_rated_sees_the_rating_only_once_it_is_released(
    supervisor, supervisee, supervision, rating_version
):
    # Pressing "Start" twice is caught by the form's one-time key (tests of the view).
    draft = rating_start(rater=supervisor, template_version=rating_version, subject=supervisee)
    with pytest.raises(ValidationError, match="Submit the rating"):
        rating_release(entry=draft)
    rating = administer(supervisor, rating_version, subject=supervisee)
    assert rating.result["rated_by_someone_else"] is True
    assert not ClinicalPermissionChecker(supervisee).has_perm("view_entry", rating)
    assert not ratings_received(supervisee).exists()
    assert list(ratings_given(supervisor)) == [rating, draft]
    with pytest.raises(ValidationError, match="releasing it, not by sharing"):
        entry_sharing_set(entry=rating, supervisors=[], allowed=[])

    released = rating_release(entry=rating)
    assert released.is_released
    assert ClinicalPermissionChecker(supervisee).has_perm("view_entry", rating)
    assert list(ratings_received(supervisee)) == [rating]
    # A released rating is not a shared entry, and releasing twice changes nothing.
    assert not entries_shared_with(supervisee).exists()
    assert rating_release(entry=rating).released_at == released.released_at
    # The rating belongs to the subject's history of that questionnaire, for both of them.
    key = rating_version.questionnaire_key
    assert list(administrations_about(supervisee, key, viewer=supervisee)) == [rating]
    assert list(administrations_about(supervisee, key, viewer=supervisor)) == [rating]
    assert not administrations_about(supervisor, key, viewer=supervisor).exists()


def test_a_supervisors_own_supervisor_never_sees_the_ratings_they_give(rating_version):
    trainee, supervisor, their_supervisor = UserFactory(), UserFactory(), UserFactory()
    make_supervision(supervisor, trainee)
    make_supervision(their_supervisor, supervisor)
    rating = rating_release(entry=administer(supervisor, rating_version, subject=trainee))
    assert not ClinicalPermissionChecker(their_supervisor).has_perm("view_entry", rating)
    assert not administrations_shared_with(their_supervisor).exists()
