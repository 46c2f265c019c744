"""Template context for every page: whether the navigation shows "Courses" (read with the roles)."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from supervision.viewer import viewer_for

ENROLLED_FACT = "enrolled_in_a_course"  # registered in CoursesConfig.ready()


def _course_nav(request) -> dict:
    url = reverse("wagtail_serve", args=[""])
    return {
        "show": bool(viewer_for(request).roles.facts.get(ENROLLED_FACT)),
        "url": url,
        "current": request.path == url,
    }


def courses(request):
    if getattr(request, "user", None) is None:
        return {}
    return {"course_nav": SimpleLazyObject(lambda: _course_nav(request))}
