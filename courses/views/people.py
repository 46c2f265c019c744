"""Course staff enrol people (one by one or from a list of addresses), change their role and remove them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from courses.enrollment_lists import enrollment_list_check
from courses.forms import ConfirmEnrollmentListForm, EnrollmentListForm, EnrolPersonForm
from courses.models import CoursePage, Enrollment
from courses.presenters import course_access
from courses.selectors.access import course_members
from courses.services.enrollment import (
    enrollment_enrol,
    enrollment_enrol_many,
    enrollment_remove,
)
from supervision.idempotency import create_once


def _managed_course(request, course_id: int):
    course = get_object_or_404(CoursePage, pk=course_id)
    access = course_access(request, course)
    if not access.may_manage_people:
        raise Http404
    return course, access


def _role_label(role: str) -> str:
    return Enrollment.Role(role).label.lower()


@login_required
def people(request, course_id: int):
    course, access = _managed_course(request, course_id)
    form = EnrolPersonForm(request.POST or None, course=course, access=access)
    if request.method == "POST" and form.is_valid():
        role = form.cleaned_data["role"]
        previous = Enrollment.objects.filter(course=course, person=form.person).first()
        # A double click or a second tab sends the same key: enrolled (or changed) once.
        create_once(
            request,
            lambda: enrollment_enrol(
                course=course, person=form.person, role=role, enrolled_by=request.user
            ),
        )
        if previous is None:
            messages.success(request, f"{form.person.name} is enrolled as {_role_label(role)}.")
        elif previous.role == role:
            messages.info(
                request, f"{form.person.name} was already enrolled as {_role_label(role)}."
            )
        else:
            messages.success(request, f"{form.person.name} is now {_role_label(role)}.")
        return redirect("courses:people", course.pk)
    members = [(member, access.may_grant(member.role)) for member in course_members(course)]
    context = {"course": course, "access": access, "form": form, "members": members}
    return render(request, "courses/people.html", context)


@login_required
def people_list(request, course_id: int):
    course, access = _managed_course(request, course_id)
    form = EnrollmentListForm(request.POST or None, request.FILES or None, access=access)
    if request.method == "POST" and form.is_valid():
        check = enrollment_list_check(course=course, text=form.list_text)
        role = form.cleaned_data["role"]
        confirm_form = ConfirmEnrollmentListForm(
            initial={"emails": "\n".join(check.emails_to_enrol), "role": role}, access=access
        )
        context = {
            "course": course,
            "check": check,
            "role_label": _role_label(role),
            "confirm_form": confirm_form,
        }
        return render(request, "courses/people_list_check.html", context)
    return render(request, "courses/people_list.html", {"course": course, "form": form})


@login_required
@require_POST
def people_list_confirm(request, course_id: int):
    """Enrol the checked list, once per opened confirmation (``supervision.idempotency``)."""
    course, access = _managed_course(request, course_id)
    form = ConfirmEnrollmentListForm(request.POST, access=access)
    if not form.is_valid():
        messages.error(request, "Nobody was enrolled: the list could not be read. Check it again.")
        return redirect("courses:people_list", course.pk)
    role = form.cleaned_data["role"]
    # The people may have changed since the list was checked, so it is checked again.
    check = enrollment_list_check(course=course, text=form.cleaned_data["emails"])
    enrolled: list[Enrollment] | None = None

    def enrol() -> CoursePage:
        nonlocal enrolled
        enrolled = enrollment_enrol_many(
            course=course,
            people=[line.person for line in check.to_enrol],
            role=role,
            enrolled_by=request.user,
        )
        return course  # what the one-time key points to: a list makes several enrolments

    create_once(request, enrol)
    if enrolled is None:
        # The same confirmation sent again (a double click, a second tab): it was done once.
        messages.info(request, "This list was already confirmed; nobody was enrolled twice.")
        return redirect("courses:people", course.pk)
    count = len(enrolled)
    messages.success(
        request, f"Enrolled {count} {'person' if count == 1 else 'people'} as {_role_label(role)}."
    )
    skipped = len(check.lines) - count
    if skipped:
        messages.info(request, f"{skipped} address(es) were left as they were.")
    return redirect("courses:people", course.pk)


@login_required
def enrollment_remove_view(request, course_id: int, enrollment_id: int):
    course, access = _managed_course(request, course_id)
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("person"), pk=enrollment_id, course=course
    )
    if not access.may_grant(enrollment.role):
        raise Http404
    if request.method == "POST":
        name = enrollment.person.name
        enrollment_remove(enrollment=enrollment)
        messages.success(request, f"{name} is no longer enrolled in {course.title}.")
        return redirect("courses:people", course.pk)
    return render(
        request, "courses/enrollment_remove.html", {"course": course, "enrollment": enrollment}
    )
