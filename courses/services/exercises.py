"""Starting a lesson's worksheet exercise as self-practice, and completing the lesson when it is submitted."""

from django.db import IntegrityError, transaction
from wagtail.models import Page

from courses.models import Enrollment, ExerciseEntry, LessonCompletion, LessonPage
from courses.services.progress import lesson_complete
from supervision.models import User
from worksheets.models import Entry, TemplateVersion
from worksheets.services.entries import entry_start


@transaction.atomic
def exercise_start(
    *,
    person: User,
    lesson: LessonPage,
    template_version: TemplateVersion,
) -> Entry:
    """A private draft of the worksheet, remembered as started from this lesson.

    A double press of "Start" is caught by the view's one-time key (`supervision.idempotency`).
    """
    entry = entry_start(author=person, template_version=template_version)
    if ExerciseEntry.objects.filter(entry=entry).exists():
        return entry
    link = ExerciseEntry(lesson=lesson, entry=entry)
    link.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            link.save()
    except IntegrityError:
        # A second press raced this one and linked the same entry first; that link stands.
        pass
    return entry


def _course_path(lesson: LessonPage) -> str:
    # A lesson sits in a module, which sits in its course.
    return lesson.path[: -2 * Page.steplen]


def exercise_entry_submitted(*, entry: Entry) -> LessonCompletion | None:
    """Complete the lesson an entry was started from, for a person learning in its course.

    Called by the worksheets app whenever an entry is submitted; entries started anywhere else
    (the worksheet library, homework) have no lesson and change nothing here, and ask nothing
    when the entry was loaded with its links
    (``worksheets.selectors.entries.own_entry_with_links``).
    """
    try:
        link = entry.lesson_exercise
    except ExerciseEntry.DoesNotExist:
        return None
    return _exercise_complete(entry, link.lesson)


@transaction.atomic
def _exercise_complete(entry: Entry, lesson: LessonPage) -> LessonCompletion | None:
    learning_here = Enrollment.objects.filter(
        person_id=entry.author_id,
        role__in=Enrollment.LEARNER_ROLES,
        course__path=_course_path(lesson),
    ).exists()
    if not learning_here:
        return None
    return lesson_complete(person=entry.author, lesson=lesson)
