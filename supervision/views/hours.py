"""The hours log as a table, a chart and a CSV download: one's own, or a supervisee's with oneself."""

from collections.abc import Callable
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from supervision.exports import csv_response
from supervision.page_parts import rendered_part
from supervision.presenters import hours_tables
from supervision.selectors.hours import PERIODS, HoursLog, hours_log
from supervision.selectors.relationships import supervisions_visible_to
from supervision.viewer import object_for

CSV_HEADER = [
    "Date",
    "Start time",
    "Supervisor",
    "Kind",
    "Setting",
    "Format",
    "Duration (minutes)",
    "Credited (hours)",
    "Observation of practice",
    "Cases discussed",
]


def _period(request) -> str:
    period = request.GET.get("period", "month")
    return period if period in PERIODS else "month"


def _render_log(request, log_of: Callable[[], HoursLog], *, supervision=None):
    """The hours log page; ``log_of()`` reads the log, inside its page part."""

    def context(request) -> dict:
        log = log_of()
        return {
            "log": log,
            "tables": hours_tables(log),
            "periods": PERIODS,
            "supervision": supervision,
        }

    content = rendered_part(request, "supervision/hours/includes/_log_content.html", context)
    return render(request, "supervision/hours/log.html", {"content": content})


def _csv_response(log, filename: str) -> HttpResponse:
    rows = (
        (
            entry.date,
            entry.starts_at,
            entry.supervisor,
            entry.kind,
            entry.setting,
            entry.mode,
            entry.duration_minutes,
            Decimal(entry.credited_minutes) / 60,
            entry.observation_label,
            "; ".join(case.pseudonym for case in entry.cases),
        )
        for entry in log.entries
    )
    return csv_response(filename, CSV_HEADER, rows)


@login_required
@require_GET
def hours(request):
    return _render_log(
        request,
        lambda: hours_log(supervisee=request.user, viewer=request.user, period=_period(request)),
    )


@login_required
@require_GET
def hours_csv(request):
    log = hours_log(supervisee=request.user, viewer=request.user)
    return _csv_response(log, f"supervision-hours-{timezone.localdate():%Y-%m-%d}.csv")


def _supervision(request, pk):
    return object_for(request, supervisions_visible_to(request.user), pk, view="view_supervision")


@login_required
@require_GET
def supervision_hours(request, pk):
    supervision = _supervision(request, pk)
    return _render_log(
        request,
        lambda: hours_log(
            supervisee=supervision.supervisee,
            viewer=request.user,
            supervisor=supervision.supervisor,
            period=_period(request),
        ),
        supervision=supervision,
    )


@login_required
@require_GET
def supervision_hours_csv(request, pk):
    supervision = _supervision(request, pk)
    log = hours_log(
        supervisee=supervision.supervisee,
        viewer=request.user,
        supervisor=supervision.supervisor,
    )
    return _csv_response(
        log, f"supervision-hours-{supervision.pk}-{timezone.localdate():%Y-%m-%d}.csv"
    )
