"""Cases a person may read, and the conversation about each."""

import datetime

from django.db.models import QuerySet

from supervision.models import Case, CaseComment, User
from supervision.permissions import objects_for_user


def cases_visible_to(user: User) -> QuerySet[Case]:
    return objects_for_user(
        user,
        "view_case",
        Case.objects.select_related(
            "supervision__supervisor", "supervision__supervisee", "supervision__group"
        ),
    )


def cases_of(user: User) -> QuerySet[Case]:
    """The cases the person brought to their own supervision."""
    return cases_visible_to(user).filter(supervision__supervisee=user)


def cases_brought_to(user: User) -> QuerySet[Case]:
    """The cases the person's supervisees brought to them."""
    return cases_visible_to(user).filter(supervision__supervisor=user)


def case_comments_visible_to(case: Case, user: User) -> QuerySet[CaseComment]:
    comments = case.comments.select_related("author")
    ended_on: datetime.date | None = case.supervision.ended_on
    if ended_on is not None and user.pk == case.supervision.supervisor_id:
        # After the end the former supervisor reads the conversation as it stood then.
        comments = comments.filter(created_at__date__lte=ended_on)
    return comments
