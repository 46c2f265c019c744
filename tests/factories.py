"""factory_boy factories; relationships, cases and meetings come from the services, with their permissions."""

import datetime

import factory
from django.utils import timezone

from supervision.models import Case, Meeting, Supervision, SupervisionGroup, User
from supervision.services.cases import case_create
from supervision.services.meetings import meeting_create
from supervision.services.relationships import supervision_group_start, supervision_start

PASSWORD = "a-test-password-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def make_supervision(
    supervisor: User | None = None,
    supervisee: User | None = None,
    *,
    kind: str = Supervision.Kind.CLINICAL,
    started_on: datetime.date | None = None,
) -> Supervision:
    return supervision_start(
        supervisor=supervisor or UserFactory(),
        supervisee=supervisee or UserFactory(),
        kind=kind,
        started_on=started_on or timezone.localdate() - datetime.timedelta(days=30),
    )


def make_group(
    supervisor: User | None = None,
    members: list[User] | None = None,
    *,
    name: str = "Thursday group",
    credit_rule: str = SupervisionGroup.CreditRule.SHARED,
    credit_percent: int | None = None,
    started_on: datetime.date | None = None,
) -> SupervisionGroup:
    return supervision_group_start(
        supervisor=supervisor or UserFactory(),
        name=name,
        members=members if members is not None else [UserFactory(), UserFactory()],
        credit_rule=credit_rule,
        credit_percent=credit_percent,
        started_on=started_on or timezone.localdate() - datetime.timedelta(days=30),
    )


_case_numbers = iter(range(1, 10**9))


def make_case(supervision: Supervision, pseudonym: str | None = None, **fields) -> Case:
    return case_create(
        supervision=supervision,
        author=supervision.supervisee,
        pseudonym=pseudonym or f"Case {next(_case_numbers)}",
        **fields,
    )


def make_meeting(
    supervision: Supervision | None = None,
    *,
    group: SupervisionGroup | None = None,
    recorded_by: User | None = None,
    date: datetime.date | None = None,
    duration_minutes: int = 60,
    cases=(),
    attendees=None,
    **fields,
) -> Meeting:
    sections = {name: fields.pop(name) for name in list(fields) if name in Meeting.SECTIONS}
    if group is not None:
        return meeting_create(
            recorded_by=recorded_by or group.supervisor,
            group=group,
            attendees=attendees if attendees is not None else list(group.memberships.current()),
            date=date or timezone.localdate() - datetime.timedelta(days=1),
            duration_minutes=duration_minutes,
            cases=cases,
            sections=sections,
            **fields,
        )
    return meeting_create(
        recorded_by=recorded_by or supervision.supervisor,
        supervision=supervision,
        date=date or timezone.localdate() - datetime.timedelta(days=1),
        duration_minutes=duration_minutes,
        cases=cases,
        sections=sections,
        **fields,
    )
