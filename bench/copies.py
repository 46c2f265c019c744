"""Copy one supervisor's records, written by the services, to another supervisor in bulk.

Tier M has 50 supervisors and L 200; writing each record through the services took about 40 s
a supervisor (most of it guardian's one-permission-at-a-time writes and the validation around
them), so L never finished. The first supervisor is built through the services
(``bench.tiers.supervisor_add``) and everything that build wrote is captured
(``capture_since``); every other supervisor gets a copy of those rows (``copy_records``), each
row the same as the service wrote it with its people and its links to the copied rows swapped:
supervisions, meetings, attendances, homework, occurrences, entries, submissions, feedback,
notices, and the rows of guardian's direct-FK permission models that grant them. What is not
copied: background tasks queued by the services (search indexing, reminders, e-mails: the
benchmark runs no task worker) and the read audit (``ReadRecord``: reads, not records).

Rows are compared by primary key, so a capture must run while nothing else writes.
"""

import re
from collections import defaultdict
from contextlib import contextmanager
from graphlib import CycleError, TopologicalSorter

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Max

from notifications.models import Notification

# Our own apps, whose records the services write; third-party tables are either per person
# (allauth's authenticator, written with the person) or the task queue (not copied).
OWN_APPS = (
    "supervision", "notifications", "exports", "homework", "portfolios", "feedback", "courses",
    "worksheets", "recordings", "reminders", "pathways", "privacy", "questionnaires",
)  # fmt: skip
NOT_COPIED = {"supervision.ReadRecord", "supervision.User"}

# Notices name their object in their link and event key (see each service's notification_send);
# these say which model each number belongs to, so the copy points at the copied object.
NOTICE_NUMBERS = [
    (re.compile(r"^(/feedback/entries/)(\d+)"), "worksheets.Entry"),
    (re.compile(r"^(/worksheets/entries/)(\d+)"), "worksheets.Entry"),
    (re.compile(r"(#feedback-)(\d+)$"), "feedback.Feedback"),
    (re.compile(r"^(/recordings/)(\d+)"), "recordings.Recording"),
    (re.compile(r"(#comment-)(\d+)$"), "recordings.RecordingComment"),
    (re.compile(r"^(/sign-offs/)(\d+)"), "supervision.HoursSignOff"),
    (re.compile(r"^(/homework/)(\d+)"), "homework.Assignment"),
    (re.compile(r"^(/meetings/)(\d+)"), "supervision.Meeting"),
]
EVENT_NUMBERS = {
    "entry": "worksheets.Entry",
    "rating": "worksheets.Entry",
    "feedback": "feedback.Feedback",
    "feedback-reply": "feedback.FeedbackReply",
    "recording-handed-in": "recordings.Recording",
    "recording-expiring": "recordings.Recording",
    "hours_signoff": "supervision.HoursSignOff",
    "assignment": "homework.Assignment",
    "pathway-step": "pathways.RunStep",
    "meeting": "supervision.Meeting",
}
EVENT_KEY = re.compile(r"^(?:(reminder|nudge):)?([\w-]+):(\d+)(.*)$")


def copied_models() -> list[type[models.Model]]:
    """Our models with a numbered primary key (M2M tables included), parents first."""
    found = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in OWN_APPS
        and model._meta.label not in NOT_COPIED
        and not model._meta.proxy
        and isinstance(model._meta.pk, models.AutoField)
    ]
    graph = {
        model: {
            field.related_model
            for field in model._meta.concrete_fields
            if field.is_relation
            and field.related_model in found
            and field.related_model is not model
        }
        for model in found
    }
    # A notice names its objects in text, so it is copied after all of them.
    named = {label for _, label in NOTICE_NUMBERS} | set(EVENT_NUMBERS.values())
    graph[Notification] |= {apps.get_model(label) for label in named}
    try:
        return list(TopologicalSorter(graph).static_order())
    except CycleError as error:  # a new model made two tables point at each other
        raise RuntimeError(f"bench.copies cannot order these models: {error.args[1]}") from error


def high_water(copied: list[type[models.Model]]) -> dict[type[models.Model], int]:
    """The highest primary key of each model now (0 for an empty table)."""
    return {m: m._base_manager.aggregate(top=Max("pk"))["top"] or 0 for m in copied}


def capture_since(marks: dict[type[models.Model], int]) -> dict[type[models.Model], list]:
    """Every row written since ``high_water`` returned ``marks``, per model, oldest first."""
    captured = {
        m: list(m._base_manager.filter(pk__gt=top).order_by("pk")) for m, top in marks.items()
    }
    return {m: rows for m, rows in captured.items() if rows}


@contextmanager
def _timestamps_kept(model):
    """``bulk_create`` stamps auto_now(_add) fields with now; a copy keeps the service's time
    (the demo parts date their records months back)."""
    stamped = [
        f
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in stamped]
    for f in stamped:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, now_add in saved:
            f.auto_now, f.auto_now_add = now, now_add


def _notice_text(notice: Notification, ids: dict[str, dict[int, int]]) -> None:
    def swap(label: str, number: str) -> str:
        return str(ids.get(label, {}).get(int(number), number))

    url = notice.url
    for pattern, label in NOTICE_NUMBERS:
        url = pattern.sub(lambda m, label=label: m.group(1) + swap(label, m.group(2)), url)
    notice.url = url
    if notice.event_key:
        match = EVENT_KEY.match(notice.event_key)
        if match and match.group(2) in EVENT_NUMBERS:
            prefix = f"{match.group(1)}:" if match.group(1) else ""
            number = swap(EVENT_NUMBERS[match.group(2)], match.group(3))
            notice.event_key = f"{prefix}{match.group(2)}:{number}{match.group(4)}"


def copy_records(captured: dict[type[models.Model], list], people: dict[int, int]) -> int:
    """Write a copy of ``captured`` with each person ``people`` maps (old pk: new pk) swapped.

    A field pointing at a copied row points at its copy; at anyone else (the shared editor,
    course pages, permissions) it stays. Returns the number of rows written. Run it inside the
    caller's transaction.
    """
    ids: dict[str, dict[int, int]] = defaultdict(dict)
    user_label = settings.AUTH_USER_MODEL.lower()
    written = 0
    for model in captured:  # captured keeps copied_models' order: parents first
        rows = captured[model]
        relations = [f for f in model._meta.concrete_fields if f.is_relation]
        copies, later = [], []
        for row in rows:
            copy = model(
                **{f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields}
            )
            copy.pk = None
            for field in relations:
                value = getattr(row, field.attname)
                if value is None:
                    continue
                target = field.related_model._meta.label_lower
                if target == user_label:
                    setattr(copy, field.attname, people.get(value, value))
                elif field.related_model is model and value in {r.pk for r in rows}:
                    setattr(copy, field.attname, None)  # set once the copies have numbers
                    later.append((copy, field, value))
                elif value in ids.get(field.related_model._meta.label, {}):
                    setattr(copy, field.attname, ids[field.related_model._meta.label][value])
            if isinstance(copy, Notification):
                _notice_text(copy, ids)
            copies.append(copy)
        with _timestamps_kept(model):
            model._base_manager.bulk_create(copies, batch_size=1000)
        ids[model._meta.label] = {row.pk: copy.pk for row, copy in zip(rows, copies, strict=True)}
        if later:
            for copy, field, value in later:
                setattr(copy, field.attname, ids[model._meta.label][value])
            model._base_manager.bulk_update(
                [copy for copy, _, _ in later], {field.name for _, field, _ in later}
            )
        written += len(copies)
    return written
