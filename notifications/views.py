"""The notification list, opening one (marks it read), marking all read, and one's preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from notifications.forms import PreferenceForm
from notifications.models import Notification
from notifications.selectors import notifications_for
from notifications.services import (
    notification_mark_read,
    notification_preference_save,
    notifications_mark_all_read,
    preference_for,
)
from supervision import panels
from supervision.forms import apply_errors
from supervision.services.people import person_time_zone_set


@login_required
@require_GET
def notification_list(request):
    page = Paginator(notifications_for(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def notification_open(request, notification_id: int):
    try:
        notification = notification_mark_read(
            recipient=request.user, notification_id=notification_id
        )
    except Notification.DoesNotExist as missing:
        raise Http404 from missing
    if url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()}):
        return redirect(notification.url)
    return redirect("notifications:list")


@login_required
@require_POST
def notifications_read_all(request):
    count = notifications_mark_all_read(recipient=request.user)
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} as read.")
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    """The signed-in person's own preferences; other apps add panels (reminders: muting homework)."""
    preference = preference_for(request.user)
    initial = {
        "email_kinds": preference.email_kinds,
        "quiet_from": preference.quiet_from,
        "quiet_until": preference.quiet_until,
        "weekly_digest": preference.weekly_digest,
        "timezone": request.user.timezone,
    }
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                notification_preference_save(
                    person=request.user,
                    email_kinds=data["email_kinds"],
                    quiet_from=data["quiet_from"],
                    quiet_until=data["quiet_until"],
                    weekly_digest=data["weekly_digest"],
                )
                person_time_zone_set(person=request.user, name=data["timezone"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Your notification preferences are saved.")
            return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "panels": panels.panels_for("notifications.preferences", request)},
    )
