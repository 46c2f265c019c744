"""The landing page after sign-in: what each of the person's roles lets them do next."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from supervision.models import Case
from supervision.page_parts import rendered_part
from supervision.panels import panels_by_row, panels_for
from supervision.presenters import supervisee_rows
from supervision.selectors.cases import cases_of
from supervision.selectors.hours import hours_log
from supervision.selectors.invitations import invitations_waiting_listed
from supervision.selectors.meetings import upcoming_meetings_for
from supervision.selectors.relationships import (
    groups_led_listed,
    supervisions_as_supervisee,
    supervisions_as_supervisor,
    supervisions_ended_for,
)
from supervision.selectors.signoffs import signoffs_awaiting
from supervision.viewer import viewer_for


@login_required
@require_GET
def dashboard(request):
    # Everything below the title is one page part: read from the cache until something it was
    # read from changes (supervision.page_parts).
    content = rendered_part(
        request, "supervision/includes/_dashboard_content.html", _dashboard_context
    )
    return render(request, "supervision/dashboard.html", {"content": content})


def _dashboard_context(request) -> dict:
    user, person = request.user, viewer_for(request).roles
    context = {}
    if person.supervisor:
        rows = list(supervisions_as_supervisor(user))
        # What the apps above add (feedback waiting, homework per supervisee): supervision.panels.
        actions = panels_by_row("dashboard.supervisee.actions", request, rows)
        panels = panels_by_row("dashboard.supervisee", request, rows)
        context["as_supervisor"] = supervisee_rows(rows, actions, panels)
        context["supervisor_panels"] = panels_for("dashboard.supervisor", request)
        # Read here rather than while the template renders, so the view's cost shows here.
        context["groups_led"] = list(groups_led_listed(user))
        context["invitations"] = list(invitations_waiting_listed(user))
        context["signoffs_awaiting"] = list(signoffs_awaiting(user))
    if person.supervisee:
        context["as_supervisee"] = supervisions_as_supervisee(user)
        context["upcoming_meeting"] = (
            upcoming_meetings_for(user).filter(attendances__supervision__supervisee=user).first()
        )
        context["own_cases"] = cases_of(user).filter(status=Case.Status.OPEN)
        log = hours_log(supervisee=user, viewer=user, period="year")
        this_year = [row for row in log.by_period if row.key == (timezone.localdate().year, 1)]
        context["hours_total"] = log.total
        context["hours_this_year"] = this_year[0] if this_year else None
    if person.in_supervision:
        context["ended"] = list(supervisions_ended_for(user))
    return context
