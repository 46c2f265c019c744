"""Marking lessons complete and not complete again; both are safe to repeat."""

from django.db import IntegrityError, transaction

from courses.models import LessonCompletion, LessonPage
from supervision.models import User


@transaction.atomic
def lesson_complete(*, person: User, lesson: LessonPage) -> LessonCompletion:
    existing = LessonCompletion.objects.filter(person=person, lesson=lesson).first()
    if existing is not None:
        return existing
    completion = LessonCompletion(person=person, lesson=lesson)
    completion.full_clean(validate_constraints=False)
    try:
        # A double submit can race past the check above; the unique constraint settles it.
        with transaction.atomic():
            completion.save()
    except IntegrityError:
        return LessonCompletion.objects.get(person=person, lesson=lesson)
    return completion


@transaction.atomic
def lesson_completion_undo(*, person: User, lesson: LessonPage) -> None:
    LessonCompletion.objects.filter(person=person, lesson=lesson).delete()
