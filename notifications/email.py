"""The e-mail for a notice: neutral subject, what is due and when, a link, and nothing else.

An e-mail travels through servers we do not control and is read on shared screens, so it never
carries a notice's title, a reflection, feedback, case content or a patient pseudonym (issue 15):
only the kind, the facts recorded for it (dates and counts) and links.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from notifications.models import Notification

Kind = Notification.Kind


def _day(value: str, zone) -> str:
    return f"{datetime.date.fromisoformat(value):%A %-d %B %Y}"


def _moment(value: str, zone) -> str:
    local = datetime.datetime.fromisoformat(value).astimezone(zone)
    return f"{local:%A %-d %B %Y at %H:%M} ({zone.key})"


def _count(facts: dict, name: str, one: str, many: str) -> str:
    number = int(facts.get(name, 0))
    return (one if number == 1 else many).format(number)


HOURS_KINDS = (Kind.HOURS_SUBMITTED, Kind.HOURS_SIGNED, Kind.HOURS_RETURNED)


def _hours_line(kind: str, facts: dict, zone) -> str:
    """One sentence on a sign-off; a return says whether it came with a comment, never the comment."""
    period = "A period of hours"
    if facts.get("starts_on") and facts.get("ends_on"):
        period = (
            f"The hours from {_day(facts['starts_on'], zone)} to {_day(facts['ends_on'], zone)}"
        )
    if kind == Kind.HOURS_SUBMITTED:
        return f"{period} have been submitted for your signature."
    if kind == Kind.HOURS_SIGNED:
        return f"{period} have been signed by your supervisor."
    comment = " with a comment on what to correct" if facts.get("has_comment") else ""
    return f"{period} have been returned to you{comment}; you can correct and submit them again."


def email_lines(notification: Notification) -> list[str]:
    """What the e-mail says, from the kind and the facts only (dates in the recipient's zone)."""
    facts, zone = notification.facts or {}, notification.recipient.zone
    due = f" by {_day(facts['due_on'], zone)}" if facts.get("due_on") else ""
    lines = {
        Kind.ASSIGNMENT_NEW: [f"New homework has been agreed with you{due}."],
        Kind.PROPOSAL_ACCEPTED: ["Homework you proposed has been accepted."],
        Kind.ENTRY_SUBMITTED: ["Homework has been handed in and is ready for you to read."],
        Kind.FEEDBACK_RELEASED: ["Feedback on your homework is ready to read."],
        Kind.REPLY_RECEIVED: ["There is a new reply about feedback."],
        Kind.ENTRY_REOPENED: ["A homework entry has been reopened for you to revise."],
        Kind.RATING_RELEASED: ["A rating of your practice is ready to read."],
        Kind.HOMEWORK_DUE: [f"A reminder: you have homework due{due}."],
        Kind.RECORDING_EXPIRING: [
            "A recording you uploaded reaches its delete-by date"
            + (f" on {_day(facts['delete_on'], zone)}" if facts.get("delete_on") else "")
            + ". Download anything you need to keep before then."
        ],
        Kind.HOMEWORK_OVERDUE: [
            f"Homework was planned{due}. If something got in the way, that is useful to "
            "talk about at your next meeting; you can still hand it in."
        ],
        Kind.WEEKLY_DIGEST: [
            _count(
                facts,
                "awaiting_feedback",
                "1 entry awaits your feedback.",
                "{} entries await your feedback.",
            ),
            _count(
                facts,
                "meetings",
                "1 meeting in the next seven days.",
                "{} meetings in the next seven days.",
            ),
            _count(
                facts,
                "quiet_supervisees",
                "1 supervisee has had no activity for two weeks.",
                "{} supervisees have had no activity for two weeks.",
            ),
        ],
    }
    if notification.kind in HOURS_KINDS:
        return [_hours_line(notification.kind, facts, zone)]
    if notification.kind == Kind.MEETING_SOON:
        when = _moment(facts["starts"], zone) if facts.get("starts") else _day(facts["date"], zone)
        return [f"A reminder: you have a supervision meeting on {when}."]
    return lines.get(notification.kind, ["There is something new for you."])


def email_message(notification: Notification) -> EmailMultiAlternatives:
    """A multipart (text and HTML) message with a link to the item and to the preferences."""
    site = settings.SITE_URL.rstrip("/")
    preferences_url = site + reverse("notifications:preferences")
    context = {
        "person": notification.recipient,
        "lines": email_lines(notification),
        "item_url": site + notification.url if notification.url.startswith("/") else site,
        "preferences_url": preferences_url,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    message = EmailMultiAlternatives(
        subject=f"{notification.get_kind_display()} – {settings.WAGTAIL_SITE_NAME}",
        body=render_to_string("notifications/email/notice.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient.email],
        headers={"List-Unsubscribe": f"<{preferences_url}>"},
    )
    message.attach_alternative(
        render_to_string("notifications/email/notice.html", context), "text/html"
    )
    return message
