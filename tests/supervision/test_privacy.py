"""The privacy registry: every foreign key to the user model, ours and the packages', is held by a provider.

Other apps arrive all the time (recordings, reminders, pathways): a model that points at a person
without saying what erasure does with it fails here, with the line to add.
"""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from supervision import privacy


def links_to_people() -> list[tuple[str, str]]:
    """Every ``("app_label.Model.field", owning app label)`` that points at the user model.

    A many-to-many field's hidden through table is named by the field itself (the through
    table's own foreign key is not what anyone declares); inherited fields (a Wagtail page's
    ``owner``) are named on the model that declares them.
    """
    user = apps.get_model(settings.AUTH_USER_MODEL)
    links = set()
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.auto_created:
            continue
        for field in opts.get_fields(include_hidden=True):
            # Reverse relations are found from the side that declares them.
            if field.auto_created or not field.is_relation or field.model is not model:
                continue
            if isinstance(field, models.ManyToManyField):
                through = field.remote_field.through
                points_at_user = field.related_model is user or model is user
                if points_at_user and through._meta.auto_created:
                    links.add((f"{opts.label}.{field.name}", opts.app_label))
            elif field.related_model is user:
                links.add((f"{opts.label}.{field.name}", opts.app_label))
    return sorted(links)


def test_every_foreign_key_to_a_person_has_a_provider():
    missing = [
        (field, app) for field, app in links_to_people() if privacy.holding_for(field) is None
    ]
    advice = "\n".join(
        f"  {field}: add privacy.Holding({field!r}, privacy.DELETE or privacy.KEEP, 'why') to the "
        f"provider that {app}/apps.py registers in ready() (supervision.privacy.register; for a "
        "package's model, privacy/privacy_provider.py PACKAGES)"
        for field, app in missing
    )
    assert not missing, f"Models that hold people without saying how they are erased:\n{advice}"


def test_the_walk_finds_ours_and_the_packages_links():
    found = {field for field, _ in links_to_people()}
    for expected in (
        "worksheets.Entry.author",
        "supervision.User.groups",
        "account.EmailAddress.user",
        "guardian.UserObjectPermission.user",
        "wagtailcore.Revision.user",
        "wagtailcore.Page.owner",
    ):
        assert expected in found
    # Inherited fields are named once, on the model that declares them.
    assert "courses.LessonPage.owner" not in found


def test_every_holding_names_a_field_that_exists():
    known = {field for field, _ in links_to_people()}
    declared = [holding.field for provider in privacy.providers() for holding in provider.holdings]
    assert sorted(set(declared) - known) == []
    assert len(declared) == len(set(declared)), "a field is declared by two providers"


def test_a_holding_must_say_delete_or_keep():
    with pytest.raises(ValueError, match="DELETE or KEEP"):
        privacy.Holding("worksheets.Entry.author", "forget", "why")
    with pytest.raises(ValueError, match="app_label.Model.field"):
        privacy.Holding("Entry.author", privacy.DELETE, "why")


def test_an_unregistered_model_is_reported_with_what_to_add(monkeypatch):
    provider = next(p for p in privacy.providers() if p.app == "notifications")
    trimmed = privacy.Provider(
        app="notifications",
        holdings=tuple(
            h for h in provider.holdings if h.field != "notifications.Notification.actor"
        ),
        exports=provider.exports,
    )
    monkeypatch.setitem(privacy._registry, "notifications", trimmed)
    with pytest.raises(AssertionError) as failure:
        test_every_foreign_key_to_a_person_has_a_provider()
    assert "notifications.Notification.actor: add privacy.Holding(" in str(failure.value)
    assert "notifications/apps.py" in str(failure.value)
