"""Reads about a person's own account."""

from allauth.mfa.models import Authenticator
from django.db.models import Count


def authenticators_of(user) -> dict[str, int]:
    """How many authenticators of each type (``Authenticator.Type`` value -> count) ``user`` has; one query."""
    rows = (
        Authenticator.objects.filter(user_id=user.pk)
        .values("type")
        .annotate(count=Count("pk"))
        .values_list("type", "count")
    )
    return dict(rows)
