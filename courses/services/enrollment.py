"""Enrolling people in a course, changing their role and removing them, with the permissions that follow."""

from django.db import transaction

from courses.models import CoursePage, Enrollment
from courses.services.team import course_team_sync_member
from supervision.models import User


@transaction.atomic
def enrollment_enrol(
    *, course: CoursePage, person: User, role: str, enrolled_by: User | None
) -> Enrollment:
    """Enrol the person, or give an enrolled person the new role; repeating it changes nothing."""
    enrollment = Enrollment.objects.select_for_update().filter(course=course, person=person).first()
    if enrollment is None:
        enrollment = Enrollment(course=course, person=person, role=role, enrolled_by=enrolled_by)
    elif enrollment.role == role:
        return enrollment
    else:
        enrollment.role = role
    enrollment.full_clean()
    enrollment.save()
    course_team_sync_member(course=course, person=person, role=role)
    return enrollment


@transaction.atomic
def enrollment_enrol_many(
    *, course: CoursePage, people: list[User], role: str, enrolled_by: User | None
) -> list[Enrollment]:
    """Enrol people who are not yet in the course; people already enrolled keep their role."""
    already = set(
        Enrollment.objects.filter(course=course, person__in=people).values_list(
            "person_id", flat=True
        )
    )
    return [
        enrollment_enrol(course=course, person=person, role=role, enrolled_by=enrolled_by)
        for person in people
        if person.pk not in already
    ]


@transaction.atomic
def enrollment_remove(*, enrollment: Enrollment) -> None:
    course, person = enrollment.course, enrollment.person
    enrollment.delete()
    course_team_sync_member(course=course, person=person, role=None)
