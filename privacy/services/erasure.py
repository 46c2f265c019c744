"""Erasing a person through every app's provider (``supervision.privacy``): preview, then erase.

The person's row stays as a tombstone ("Erased person #12": no e-mail, no name, no password,
inactive), so what others keep (a supervisor's meeting records, course pages) still points
somewhere and reads the tombstone name. Everything a provider marks DELETE goes, with what
cascades from it, in one transaction; files are removed after the commit.
"""

from dataclasses import asdict, dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from privacy.deletion import delete_with_files
from privacy.models import Erasure
from supervision import privacy
from supervision.models import Supervision, User
from supervision.roles import ADMINISTRATORS_GROUP

TOMBSTONE_DOMAIN = "erased.invalid"


@dataclass(frozen=True)
class Line:
    """One line of a preview or report: ``count`` rows of ``what``, deleted or kept, and why."""

    what: str
    count: int
    action: str
    reason: str


def tombstone_name(person) -> str:
    return f"Erased person #{person.pk}"


def _rows(holding: privacy.Holding, person) -> QuerySet:
    model = apps.get_model(holding.model_label)
    field = model._meta.get_field(holding.field_name)
    if field.many_to_many:
        # The hidden through table of a many-to-many field (e.g. User.groups).
        through = field.remote_field.through
        return through.objects.filter(**{field.m2m_field_name(): person})
    return model._default_manager.filter(**{holding.field_name: person})


def _label(model_label: str) -> str:
    return str(apps.get_model(model_label)._meta.verbose_name_plural)


def _refusals(person, *, actor) -> list[str]:
    if (
        person.email.endswith(f"@{TOMBSTONE_DOMAIN}")
        or Erasure.objects.filter(person=person).exists()
    ):
        return [f"{person.name} has already been erased."]
    problems = []
    current = Supervision.objects.active(timezone.localdate()).filter(
        Q(supervisor=person) | Q(supervisee=person)
    )
    count = current.count()
    if count:
        problems.append(
            f"{person.name} is in {count} current supervision relationship"
            f"{'s' if count != 1 else ''}. End {'them' if count != 1 else 'it'} first, so the "
            "other person's records are closed properly."
        )
    administrators = User.objects.filter(
        Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS_GROUP), is_active=True
    ).distinct()
    if (
        administrators.filter(pk=person.pk).exists()
        and not administrators.exclude(pk=person.pk).exists()
    ):
        problems.append(
            f"{person.name} is the last administrator; make someone else an administrator first."
        )
    return problems


def erasure_preview(*, person, actor) -> tuple[list[Line], list[str]]:
    """What erasing ``person`` would delete and keep (direct rows; cascades are in the report),
    and the reasons it would be refused (empty when it may go ahead)."""
    lines = []
    for provider in privacy.providers():
        for holding in provider.holdings:
            count = _rows(holding, person).count()
            if count:
                lines.append(
                    Line(_label(holding.model_label), count, holding.action, holding.reason)
                )
    return lines, _refusals(person, actor=actor)


@transaction.atomic
def person_erase(*, person, actor) -> Erasure:
    """Erase ``person``; ValidationError (nothing changed) if it must be refused.

    Returns the ``Erasure`` with its report: every kind of row deleted (cascades included)
    and every kind kept, with the provider's reason.
    """
    person = User.objects.select_for_update().get(pk=person.pk)
    problems = _refusals(person, actor=actor)
    if problems:
        raise ValidationError(problems)
    reasons: dict[str, str] = {}
    deleted: dict[str, int] = {}
    kept: list[Line] = []
    for provider in privacy.providers():
        for holding in provider.holdings:
            rows = _rows(holding, person)
            if holding.action == privacy.DELETE:
                for label, count in delete_with_files(rows).items():
                    deleted[label] = deleted.get(label, 0) + count
                    reasons.setdefault(label, holding.reason)
            else:
                count = rows.count()
                if count:
                    kept.append(
                        Line(_label(holding.model_label), count, privacy.KEEP, holding.reason)
                    )
    report = [
        Line(_label(label), count, privacy.DELETE, reasons[label])
        for label, count in deleted.items()
    ] + kept
    _tombstone(person)
    return Erasure.objects.create(
        person=person, erased_by=actor, report=[asdict(line) for line in report]
    )


def _tombstone(person: User) -> None:
    """What remains of the person: a name others' records can show, nothing that identifies them."""
    person.email = f"erased-{person.pk}@{TOMBSTONE_DOMAIN}"
    person.display_name = tombstone_name(person)
    person.first_name = ""
    person.last_name = ""
    person.is_active = False
    person.is_staff = False
    person.is_superuser = False
    person.last_login = None
    # A new password hash also ends every session the person still had open.
    person.set_unusable_password()
    person.save()
