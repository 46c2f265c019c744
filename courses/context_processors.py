"""Template context for every page: whether the navigation shows "Courses" (one lazy query)."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from courses.selectors.access import has_course_enrollments


def _course_nav(request) -> dict:
    url = reverse("wagtail_serve", args=[""])
    return {
        "show": has_course_enrollments(request.user),
        "url": url,
        "current": request.path == url,
    }


def courses(request):
    if getattr(request, "user", None) is None:
        return {}
    return {"course_nav": SimpleLazyObject(lambda: _course_nav(request))}
