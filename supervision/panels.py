"""Panels that the apps above add to supervision's pages, the way Wagtail's hooks work.

Supervision is the ground floor: its dashboard, meeting record and relationship page show what
the features have to say (homework, feedback; later recordings, pathways, reminders) without
importing them. A feature registers a panel in its ``AppConfig.ready()``::

    from supervision import panels

    panels.register(
        "dashboard.supervisor",
        template="feedback/includes/_dashboard_awaiting.html",
        context=dashboard_awaiting,  # (request, **objects) -> dict, or None to show nothing
        order=10,
    )

The page renders a slot's panels, lowest ``order`` first, each with its template, the page's
context and what the context function returned (``{% render_panel panel %}`` from the
``panels`` template library). The slots, with the objects their functions receive:

``dashboard.supervisor``: nothing more; at the top of the supervisor's part of the dashboard.

``dashboard.supervisee.actions`` and ``dashboard.supervisee``: ``rows`` (the supervisor's
    current relationships), so a panel loads what it shows for every row at once; the function
    returns ``{supervision.pk: context}``. Actions sit beside "Record a meeting"; the others
    under each supervisee's facts.

``meeting.section.<name>``: ``meeting`` and ``text`` (the notes of that section of the record,
    e.g. ``homework_review``); the panel is shown instead of the plain notes. ``first=True``
    moves its section to the top of the record.

``supervision.detail``: ``supervision``; on the relationship's page, between meetings and cases.

``meeting.detail``: ``meeting``; on the meeting record, after its sections (recordings: the
    recordings reviewed at this meeting).

``entry.context``: ``entry`` (a worksheet entry its author is filling in); above the worksheet,
    what the entry is for (homework: what, why, when, obstacles, "Back to this homework").
    A panel's context may set ``back_url`` and ``back_label``; the page's back link uses the
    first one given instead of "Back to my entries".
``signoff.detail``: ``signoff``; on a period's sign-off page, under the verification code
    (exports: make the log book PDF).
``homework.due``: nothing more; on "My homework", above the due lists (pathways: progress).
``homework.assignment``: ``assignment``; on a homework's page, under what to do (pathways).
``notifications.preferences``: nothing more; under the person's notification preferences
    (reminders: turning reminders off for one homework).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    slot: str
    template: str
    context: Callable[..., dict | None]
    order: int = 100
    first: bool = False


@dataclass(frozen=True)
class ShownPanel:
    """A panel ready to render: its template and the context its app worked out."""

    template: str
    context: dict
    first: bool = False


_registry: dict[str, list[Panel]] = defaultdict(list)


def register(
    slot: str,
    *,
    template: str,
    context: Callable[..., dict | None],
    order: int = 100,
    first: bool = False,
) -> Panel:
    """Add a panel to a slot (see the module docstring); registering it twice adds it once."""
    panel = Panel(slot=slot, template=template, context=context, order=order, first=first)
    if panel not in _registry[slot]:
        _registry[slot].append(panel)
        _registry[slot].sort(key=lambda registered: registered.order)
    return panel


def unregister(panel: Panel) -> None:
    if panel in _registry[panel.slot]:
        _registry[panel.slot].remove(panel)


def registered(slot: str) -> list[Panel]:
    return list(_registry[slot])


def panels_for(slot: str, request, **objects) -> list[ShownPanel]:
    """The slot's panels that have something to show on this page."""
    shown = []
    for panel in _registry[slot]:
        context = panel.context(request, **objects)
        if context is not None:
            shown.append(ShownPanel(template=panel.template, context=context, first=panel.first))
    return shown


def panels_by_row(slot: str, request, rows: list) -> dict[int, list[ShownPanel]]:
    """For a list page: each row's panels, from one call of each panel's function for all rows."""
    shown: dict[int, list[ShownPanel]] = {row.pk: [] for row in rows}
    for panel in _registry[slot]:
        for pk, context in (panel.context(request, rows=rows) or {}).items():
            if context is not None and pk in shown:
                shown[pk].append(ShownPanel(template=panel.template, context=context))
    return shown
