"""What a person says about themselves: for now, the time zone their browser reports."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.views.decorators.http import require_POST

from supervision.services.people import person_time_zone_set


@login_required
@require_POST
def time_zone_report(request):
    """The browser's zone, stored once while the person's own is unknown (204, or 400 if invalid)."""
    try:
        person_time_zone_set(
            person=request.user, name=request.POST.get("timezone", ""), only_if_unknown=True
        )
    except ValidationError:
        return HttpResponse(status=400)
    return HttpResponse(status=204)
