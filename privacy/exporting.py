"""Building the ZIP of a person's own data: JSON for machines, HTML for people, their files.

The sections come from every app's provider (``supervision.privacy``), so the builder knows no
app. ``export_build`` runs in a background task; after each section it stores the progress
(a percentage) so the export page can show it.
"""

import io
import json
import zipfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import get_valid_filename

from privacy.models import DataExport
from privacy.retention import retention_periods
from supervision import privacy


def export_valid_for() -> timedelta:
    """How long a prepared export may be downloaded: ``PRIVACY_RETENTION["export_files_hours"]``."""
    return timedelta(hours=retention_periods()["export_files_hours"] or 0)


def _sections_of(person):
    for provider in privacy.providers():
        for export in provider.exports:
            yield provider.app, export


def _plain(rows: list[dict]) -> list[dict]:
    """The rows as JSON would give them back: dates as ISO strings, decimals as strings."""
    return json.loads(json.dumps(rows, cls=DjangoJSONEncoder))


def _readable(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, (dict, list)):
        return json.dumps(value, indent=2, ensure_ascii=False)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _readable_sections(sections: list[dict]) -> list[dict]:
    """The sections for the HTML copy: each row as (label, text) pairs."""
    return [
        {
            **section,
            "rows": [
                [
                    (key.replace("__", " ").replace("_", " "), _readable(value))
                    for key, value in row.items()
                ]
                for row in section["rows"]
            ],
        }
        for section in sections
    ]


def _progress(export: DataExport, done: int, total: int) -> None:
    export.progress = min(99, round(100 * done / total)) if total else 99
    DataExport.objects.filter(pk=export.pk).update(progress=export.progress)


def export_build(*, export_id: int) -> DataExport | None:
    """Write the ZIP of the export's person; None when the export is gone or no longer waiting.

    The ZIP holds ``data.json`` (``{"person", "made_at", "sections": [{"app", "title",
    "rows"}]}``), ``index.html`` with ``style.css`` (the same, readable), and ``files/``.
    A failure marks the export FAILED and is raised again for the task's own record.
    """
    with transaction.atomic():
        export = (
            DataExport.objects.select_for_update()
            .select_related("person")
            .filter(pk=export_id, status=DataExport.Status.QUEUED)
            .first()
        )
        if export is None:
            return None
        export.status = DataExport.Status.BUILDING
        export.save(update_fields=["status"])
    try:
        content = _zip(export)
    except Exception:
        DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.FAILED)
        raise
    now = timezone.now()
    name = get_valid_filename(f"export-{export.pk}-{now:%Y%m%d%H%M}.zip")
    export.file.save(name, ContentFile(content), save=False)
    export.size = len(content)
    export.status = DataExport.Status.READY
    export.progress = 100
    export.finished_at = now
    export.expires_at = now + export_valid_for()
    export.save(update_fields=["file", "size", "status", "progress", "finished_at", "expires_at"])
    return export


def _zip(export: DataExport) -> bytes:
    person = export.person
    sections = list(_sections_of(person))
    total = len(sections) + 1
    written = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, (app, section) in enumerate(sections, start=1):
            rows = _plain(list(section.rows(person)))
            files = []
            for name, stored in section.files(person) if section.files else ():
                path = f"files/{get_valid_filename(name)}"
                try:
                    with stored.open("rb") as handle:
                        archive.writestr(path, handle.read())
                except FileNotFoundError:
                    continue
                files.append(path)
            written.append({"app": app, "title": section.title, "rows": rows, "files": files})
            _progress(export, done, total)
        made_at = timezone.now()
        data = {"person": person.email, "made_at": made_at.isoformat(), "sections": written}
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False))
        context = {"person": person, "made_at": made_at, "sections": _readable_sections(written)}
        archive.writestr("index.html", render_to_string("privacy/export/index.html", context))
        archive.writestr("style.css", render_to_string("privacy/export/style.css"))
    return buffer.getvalue()
