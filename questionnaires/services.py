"""Writes for questionnaires: starting a rating of someone, releasing it, importing licensed items.

Administrations themselves are worksheet entries: started, autosaved, submitted (and scored) and
shared through ``worksheets.services.entries``.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from wagtail.models import Revision

from notifications.models import Notification
from notifications.services import notification_send
from questionnaires.csv_import import ImportReport, LineProblem, parse_items_csv
from supervision.models import User
from worksheets import definitions as d
from worksheets.models import Entry, TemplateVersion, WorksheetTemplate
from worksheets.services.entries import entry_release, entry_start


@transaction.atomic
def rating_start(*, rater: User, template_version: TemplateVersion, subject: User) -> Entry:
    """A draft rating of ``subject`` (one of the rater's current supervisees) by ``rater``."""
    return entry_start(author=rater, template_version=template_version, subject=subject)


@transaction.atomic
def rating_release(*, entry: Entry) -> Entry:
    """The person rated may read the rating from now on, like released feedback, and is told once."""
    released = entry_release(entry=entry)
    notification_send(
        recipient=released.subject,
        actor=released.author,
        kind=Notification.Kind.RATING_RELEASED,
        title=f"{released.author.name} released a rating of your practice",
        url=reverse("worksheets:entry_detail", args=[released.pk]),
        event_key=f"rating:{released.pk}:released",
    )
    return released


@dataclass(frozen=True)
class ItemsImport:
    """What an import did: the report per line, and how many items were added to the draft."""

    report: ImportReport
    added: int = 0
    # The draft revision that holds the items (None when nothing was imported).
    revision: Revision | None = None

    @property
    def ok(self) -> bool:
        return self.added > 0


def _refused(message: str) -> ItemsImport:
    return ItemsImport(ImportReport(items=(), problems=(LineProblem(None, message),)))


@transaction.atomic
def questionnaire_items_import(
    *, template: WorksheetTemplate, data: bytes, user: User | None = None
) -> ItemsImport:
    """Append the items of a CSV file to the template's draft, only if every line is valid.

    The items are added to the latest draft as questionnaire item blocks and saved as a new
    revision; nothing is published, so the editor reviews them and publishes when ready.
    """
    locked = WorksheetTemplate.objects.select_for_update().get(pk=template.pk)
    draft = locked.get_latest_revision_as_object()
    authored = draft.read_questionnaire()
    if authored is None or not authored.questionnaire.scales:
        return _refused(
            "This template has no scales yet. Add the rating range and the scales under "
            "Scoring, save the draft, then import the items. Nothing was imported."
        )
    report = parse_items_csv(
        data, scales=authored.questionnaire.scales, existing_items=authored.questionnaire.items
    )
    if not report.ok:
        return ItemsImport(report)
    notes = list(report.notes)
    new_blocks = []
    shortened = False
    for item in report.items:
        name = item.machine_name
        if len(name) > d.MACHINE_NAME_MAX_LENGTH:
            # A name the worksheet cannot hold is made again from the scale when saving.
            name, shortened = "", True
        new_blocks.append(
            {
                "type": d.QUESTIONNAIRE_ITEM,
                "value": {
                    "label": item.text,
                    "help_text": "",
                    "scale": item.scale,
                    "reverse_keyed": item.reverse_keyed,
                    "name": name,
                },
            }
        )
    if shortened:
        notes.append(
            f"Machine names longer than {d.MACHINE_NAME_MAX_LENGTH} characters were replaced "
            "by names made from the scale."
        )
    draft.body = [*draft.body.raw_data, *new_blocks]
    try:
        revision = draft.save_revision(user=user, log_action=True)
    except ValidationError as error:
        # Cleaning comes before any write, so nothing of the draft has changed.
        return _refused(
            "The items could not be added to the draft ("
            + "; ".join(error.messages)
            + "). Nothing was imported."
        )
    report = ImportReport(
        items=report.items, problems=(), notes=tuple(notes), lines_read=report.lines_read
    )
    return ItemsImport(report, added=len(new_blocks), revision=revision)
