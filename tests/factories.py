"""factory_boy factories; relationships come from the services, with their permissions."""

import datetime

import factory
from django.utils import timezone

from supervision.models import Supervision, User
from supervision.services.relationships import supervision_start

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
