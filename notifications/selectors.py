"""A person's own notifications; nobody reads anyone else's."""

from django.db import connection
from django.db.models import IntegerField, QuerySet
from django.db.models.expressions import RawSQL

from notifications.models import Notification
from supervision.roles import PERSON_SQL


def notifications_for(user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).select_related("actor")


def unread_count_of_person() -> RawSQL:
    """For annotating people: the number of their unread notices; the bell's count.

    SQL rather than a ``Subquery``: it is read on every page with the roles, and building the
    subquery cost more than the rest of that query (issue 11).
    """
    quote = connection.ops.quote_name
    recipient = quote(Notification._meta.get_field("recipient").column)
    read_at = quote(Notification._meta.get_field("read_at").column)
    return RawSQL(
        f"SELECT COUNT(*) FROM {quote(Notification._meta.db_table)}"
        f" WHERE {recipient} = {PERSON_SQL} AND {read_at} IS NULL",
        [],
        output_field=IntegerField(),
    )
