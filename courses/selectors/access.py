"""Who may read a course and in which role, whose progress is where, and exercise entries.

Below the page models (they call these), so only ``courses.models.enrollment`` and
``courses.models.exercises`` are imported here, never ``courses.models`` itself.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Exists, OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL

from courses.models.enrollment import Enrollment, LessonCompletion
from courses.models.exercises import ExerciseEntry
from courses.outline import CourseOutline, CourseProgress, progress_from
from supervision.models import User
from supervision.roles import ADMINISTRATORS_GROUP, PERSON_SQL
from supervision.rows import Prepared
from supervision.selectors.relationships import supervisions_as_supervisor


@dataclass(frozen=True)
class CourseAccess:
    """What one person may do in one course, from their enrollment role."""

    role: str = ""
    administrator: bool = False

    @property
    def may_read(self) -> bool:
        return bool(self.role) or self.administrator

    @property
    def may_track_progress(self) -> bool:
        return self.role in Enrollment.LEARNER_ROLES

    @property
    def is_staff(self) -> bool:
        return self.role in Enrollment.STAFF_ROLES

    @property
    def may_manage_people(self) -> bool:
        return self.is_staff or self.administrator

    def may_grant(self, role: str) -> bool:
        """Staff enrol learners and fellow staff; only leads and administrators appoint or remove leads."""
        if self.administrator or self.role == Enrollment.Role.LEAD:
            return True
        return self.is_staff and role != Enrollment.Role.LEAD

    @property
    def role_label(self) -> str:
        if self.role:
            return Enrollment.Role(self.role).label
        return "Programme administrator" if self.administrator else ""


def administrator_flag():
    """For annotating people: they are in the programme administrators' group."""
    return Exists(
        User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name=ADMINISTRATORS_GROUP)
    )


def access_for_user(user, course) -> CourseAccess:
    """The person's access to one course (one query); ``courses.presenters.course_access`` caches it."""
    if not user.is_authenticated or not user.is_active:
        return CourseAccess()
    found = _ACCESS.objects(user.pk, course.pk)
    if not found:
        return CourseAccess()
    row = found[0]
    return CourseAccess(
        role=row["course_role"] or "",
        administrator=user.is_superuser or row["in_admin_group"],
    )


# Asked on every lesson a person opens: the query is written once per process.
_ACCESS = Prepared(
    lambda person, course: (
        User.objects.filter(pk=person)
        .annotate(
            course_role=Subquery(
                Enrollment.objects.filter(course_id=course, person=OuterRef("pk")).values("role")[
                    :1
                ]
            ),
            in_admin_group=administrator_flag(),
        )
        .values("course_role", "in_admin_group")
    )
)


def is_administrator(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=ADMINISTRATORS_GROUP).exists()


def course_contacts(course) -> list[User]:
    """Whom a person who is not enrolled should ask: the leads, or the staff if there is no lead."""
    staff = list(
        Enrollment.objects.filter(course=course, role__in=Enrollment.STAFF_ROLES)
        .select_related("person")
        .order_by("person__display_name", "person__email")
    )
    leads = [enrollment.person for enrollment in staff if enrollment.role == Enrollment.Role.LEAD]
    return leads or [enrollment.person for enrollment in staff]


def course_staff_members(course) -> list[Enrollment]:
    return list(
        Enrollment.objects.filter(course=course, role__in=Enrollment.STAFF_ROLES)
        .select_related("person")
        .order_by("-role", "person__display_name", "person__email")
    )


def course_members(course) -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(course=course).select_related("person", "enrolled_by")


def enrolled_person() -> RawSQL:
    """For annotating people: whether they are enrolled in any course (the "Courses" link).

    SQL over the person's row (``PERSON_SQL``): it is read on every page with the roles.
    """
    quote = connection.ops.quote_name
    person = quote(Enrollment._meta.get_field("person").column)
    return RawSQL(
        f"EXISTS (SELECT 1 FROM {quote(Enrollment._meta.db_table)} WHERE {person} = {PERSON_SQL})",
        [],
        output_field=BooleanField(),
    )


def enrollment_roles(user) -> Subquery:
    """For annotating courses: the person's role in each (None where not enrolled)."""
    return Subquery(
        Enrollment.objects.filter(course=OuterRef("pk"), person=user).values("role")[:1]
    )


# --- Progress ----------------------------------------------------------------------------


def completed_lesson_ids(person) -> set[int]:
    return set(LessonCompletion.objects.filter(person=person).values_list("lesson_id", flat=True))


def course_progress(outline: CourseOutline, person) -> CourseProgress:
    completed = LessonCompletion.objects.filter(
        person=person, lesson__path__startswith=outline.course.path
    ).values_list("lesson_id", flat=True)
    return progress_from(outline, completed)


@dataclass(frozen=True)
class SuperviseeProgress:
    supervisee: User
    role_label: str
    progress: CourseProgress


def supervisee_progress(user, course, outline: CourseOutline) -> list[SuperviseeProgress]:
    """The course progress of the person's own active supervisees who learn in this course."""
    supervisee_ids = supervisions_as_supervisor(user).values("supervisee_id")
    enrollments = list(
        Enrollment.objects.filter(
            course=course,
            role__in=Enrollment.LEARNER_ROLES,
            person_id__in=supervisee_ids,
        )
        .select_related("person")
        .order_by("person__display_name", "person__email")
    )
    completed: dict[int, set[int]] = {enrollment.person_id: set() for enrollment in enrollments}
    rows = LessonCompletion.objects.filter(
        person_id__in=list(completed), lesson__path__startswith=course.path
    ).values_list("person_id", "lesson_id")
    for person_id, lesson_id in rows:
        completed[person_id].add(lesson_id)
    return [
        SuperviseeProgress(
            supervisee=enrollment.person,
            role_label=enrollment.get_role_display(),
            progress=progress_from(outline, completed[enrollment.person_id]),
        )
        for enrollment in enrollments
    ]


def has_supervisees_in(user, course) -> bool:
    return Enrollment.objects.filter(
        course=course,
        role__in=Enrollment.LEARNER_ROLES,
        person_id__in=supervisions_as_supervisor(user).values("supervisee_id"),
    ).exists()


# --- Exercises ---------------------------------------------------------------------------


def exercise_entries(user, lesson_id: int) -> QuerySet[ExerciseEntry]:
    """The person's entries started from this lesson's exercises, newest first."""
    return (
        ExerciseEntry.objects.filter(lesson_id=lesson_id, entry__author=user)
        .select_related("entry__template_version")
        .order_by("-entry__updated_at", "-entry_id")
    )
