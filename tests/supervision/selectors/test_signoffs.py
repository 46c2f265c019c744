"""Verification codes: issued for a signed period, refused when wrong, for another person or reopened."""

import datetime

import pytest
from django.utils import timezone

from supervision.selectors.signoffs import signoff_verify, verification_code
from supervision.services.signoffs import signoff_reopen, signoff_sign, signoff_submit
from tests.factories import make_meeting, make_supervision

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def signed_period(supervision=None):
    supervision = supervision or make_supervision(started_on=days_ago(60))
    make_meeting(supervision, date=days_ago(20))
    signoff = signoff_submit(
        supervision=supervision,
        submitted_by=supervision.supervisee,
        starts_on=days_ago(25),
        ends_on=days_ago(15),
    )
    return signoff_sign(signoff=signoff, actor=supervision.supervisor)


def test_a_code_verifies_with_the_trainees_name_however_it_is_typed():
    signoff = signed_period()
    code = verification_code(signoff)
    assert code.startswith(f"{signoff.pk}-") and len(code.split("-")) == 5
    name = signoff.supervision.supervisee.name
    result = signoff_verify(code=f"  {code.lower()} ", supervisee_name=f" {name.upper()} ")
    assert result.valid and signoff.signed_by_name in result.message


@pytest.mark.parametrize("code", ["", "abc", "999999-AAAA-BBBB-CCCC-DDDD", "1-", "x-1"])
def test_made_up_codes_are_refused(code):
    signed_period()
    assert not signoff_verify(code=code, supervisee_name="Anyone").valid


def test_a_code_for_another_persons_log_book_is_refused_like_a_wrong_one():
    mine, theirs = signed_period(), signed_period()
    their_name = theirs.supervision.supervisee.name
    # My code with their name, and my number with their letters: the same refusal.
    wrong_person = signoff_verify(code=verification_code(mine), supervisee_name=their_name)
    letters = verification_code(theirs).split("-", 1)[1]
    spliced = signoff_verify(code=f"{mine.pk}-{letters}", supervisee_name=their_name)
    assert not wrong_person.valid and not spliced.valid
    assert wrong_person.message == spliced.message


def test_a_reopened_period_no_longer_verifies():
    signoff = signed_period()
    code = verification_code(signoff)
    signoff_reopen(signoff=signoff, actor=signoff.supervision.supervisor, reason="Date wrong")
    result = signoff_verify(code=code, supervisee_name=signoff.supervision.supervisee.name)
    assert not result.valid and "reopened" in result.message
