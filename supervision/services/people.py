"""Creating people accounts (there is no open sign-up)."""

from django.contrib.auth.models import Group
from django.db import transaction

from supervision.models import User


@transaction.atomic
def user_create(
    *, email: str, password: str | None = None, display_name: str = "", **extra
) -> User:
    user = User(email=email.strip().lower(), display_name=display_name, **extra)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def groups_ensure() -> dict[str, Group]:
    """The staff groups the product relies on, with the Wagtail admin access course staff need."""
    from django.contrib.auth.models import Permission

    from supervision.roles import ADMINISTRATORS_GROUP, COURSE_STAFF_GROUP

    staff, _ = Group.objects.get_or_create(name=COURSE_STAFF_GROUP)
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS_GROUP)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    staff.permissions.add(access_admin)
    administrators.permissions.add(access_admin)
    return {COURSE_STAFF_GROUP: staff, ADMINISTRATORS_GROUP: administrators}


def person_time_zone_set(*, person: User, name: str, only_if_unknown: bool = False) -> bool:
    """Store ``name`` (an IANA zone such as "Pacific/Auckland") as the person's time zone.

    ``only_if_unknown`` is for the browser's report (static/js/time-zone.js): it never overrides
    a zone the person chose. Returns whether anything changed; ValidationError for a name that
    is not in the tz database.
    """
    from django.core.exceptions import ValidationError

    from supervision.models.people import AVAILABLE_ZONES

    if name not in AVAILABLE_ZONES:
        raise ValidationError({"timezone": "Choose a time zone from the list."})
    query = User.objects.filter(pk=person.pk)
    if only_if_unknown:
        query = query.filter(timezone="")
    changed = query.exclude(timezone=name).update(timezone=name) > 0
    if changed:
        person.timezone = name
    return changed
