"""The hours log as a table, a chart and a CSV download: one's own, or a supervisee's with oneself."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from supervision.selectors.hours import PERIODS, hours_log
from supervision.selectors.relationships import supervisions_visible_to
from supervision.viewer import object_for

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_HEADER = [
    "Date",
    "Start time",
    "Supervisor",
    "Kind",
    "Setting",
    "Format",
    "Duration (minutes)",
    "Credited (minutes)",
    "Observation of practice",
    "Cases discussed",
]


def csv_cell(value) -> str:
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _period(request) -> str:
    period = request.GET.get("period", "month")
    return period if period in PERIODS else "month"


def _render_log(request, log, *, supervision=None):
    context = {"log": log, "periods": PERIODS, "supervision": supervision}
    return render(request, "supervision/hours/log.html", context)


def _csv_response(log, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for entry in log.entries:
        writer.writerow(
            [
                csv_cell(value)
                for value in (
                    entry.date.isoformat(),
                    entry.starts_at.strftime("%H:%M") if entry.starts_at else "",
                    entry.supervisor,
                    entry.kind,
                    entry.setting,
                    entry.mode,
                    entry.duration_minutes,
                    entry.credited_minutes,
                    entry.observation_label,
                    "; ".join(case.pseudonym for case in entry.cases),
                )
            ]
        )
    return response


@login_required
@require_GET
def hours(request):
    log = hours_log(supervisee=request.user, viewer=request.user, period=_period(request))
    return _render_log(request, log)


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
    log = hours_log(
        supervisee=supervision.supervisee,
        viewer=request.user,
        supervisor=supervision.supervisor,
        period=_period(request),
    )
    return _render_log(request, log, supervision=supervision)


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
