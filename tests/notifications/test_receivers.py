"""Sign-off notices: the supervisor hears of a submission, the supervisee of a signature or a return, once."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from notifications.email import email_lines
from notifications.models import Notification
from supervision.services.signoffs import (
    signoff_reopen,
    signoff_return,
    signoff_sign,
    signoff_submit,
    signoff_withdraw,
)
from tests.factories import make_supervision
from tests.supervision.views.test_signoffs import days_ago, waiting  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
Kind = Notification.Kind
HOURS_KINDS = (Kind.HOURS_SUBMITTED, Kind.HOURS_SIGNED, Kind.HOURS_RETURNED)


@pytest.fixture
def signoff(waiting):  # noqa: F811 (the fixture imported above)
    """A period awaiting signature (its supervisor told once)."""
    return waiting


def notices(person):
    return list(Notification.objects.filter(recipient=person, kind__in=HOURS_KINDS))


def test_the_supervisor_is_told_once_that_a_period_awaits_signature(signoff):
    supervision = signoff.supervision
    (notice,) = notices(supervision.supervisor)
    assert notice.kind == Kind.HOURS_SUBMITTED
    assert notice.url == reverse("supervision:signoff_detail", args=[signoff.pk])
    assert supervision.supervisee.name in notice.title and signoff.label in notice.title
    assert notice.facts == {
        "starts_on": days_ago(25).isoformat(),
        "ends_on": days_ago(15).isoformat(),
    }
    assert "submitted for your signature" in email_lines(notice)[0]
    assert notices(supervision.supervisee) == []


def test_the_supervisee_is_told_once_that_the_period_was_signed(signoff):
    supervision = signoff.supervision
    signoff_sign(signoff=signoff, actor=supervision.supervisor)
    signoff_sign(signoff=signoff, actor=supervision.supervisor)  # a second click
    (notice,) = notices(supervision.supervisee)
    assert notice.kind == Kind.HOURS_SIGNED
    assert notice.url == reverse("supervision:signoff_detail", args=[signoff.pk])
    assert "have been signed" in email_lines(notice)[0]
    # Reopening tells nobody here; the supervisee submits the period again afterwards.
    signoff_reopen(signoff=signoff, actor=supervision.supervisor, reason="A date was wrong.")
    assert len(notices(supervision.supervisee)) == 1
    assert len(notices(supervision.supervisor)) == 1


def test_a_return_says_that_a_comment_came_with_it_but_not_what_it_says(signoff):
    supervision = signoff.supervision
    comment = "The meeting on the 3rd was 45 minutes, not 60."
    signoff_return(signoff=signoff, actor=supervision.supervisor, comment=comment)
    signoff_return(signoff=signoff, actor=supervision.supervisor, comment=comment)
    (notice,) = notices(supervision.supervisee)
    assert notice.kind == Kind.HOURS_RETURNED
    assert notice.facts["has_comment"] is True
    assert comment not in str(notice.facts) and comment not in notice.title
    (line,) = email_lines(notice)
    assert "with a comment on what to correct" in line and "45 minutes" not in line


def test_a_withdrawal_tells_nobody_and_a_new_submission_is_a_new_event(signoff):
    supervision = signoff.supervision
    signoff_withdraw(signoff=signoff, actor=supervision.supervisee)
    assert notices(supervision.supervisee) == []
    again = signoff_submit(
        supervision=supervision,
        submitted_by=supervision.supervisee,
        starts_on=signoff.starts_on,
        ends_on=signoff.ends_on,
    )
    told = notices(supervision.supervisor)
    assert [n.url for n in told] == [
        reverse("supervision:signoff_detail", args=[again.pk]),
        reverse("supervision:signoff_detail", args=[signoff.pk]),
    ]


def test_a_refused_submission_sends_no_notice():
    supervision = make_supervision(started_on=days_ago(60))
    with pytest.raises(ValidationError, match="no meetings"):
        signoff_submit(
            supervision=supervision,
            submitted_by=supervision.supervisee,
            starts_on=days_ago(25),
            ends_on=days_ago(15),
        )
    assert notices(supervision.supervisor) == []
