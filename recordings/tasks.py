"""Background work (django.tasks): the daily retention run."""

from django.tasks import task

from recordings.services import recordings_retention


@task
def recordings_retention_daily() -> dict:
    """Deletes expired recordings, warns a week ahead; run once a day (cron or a timer runs
    ``manage.py recordings_retention --enqueue`` or ``recordings_retention`` itself)."""
    return recordings_retention()
