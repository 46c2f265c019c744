"""The panel reminders adds to the preferences page: turn reminders off for one homework."""

from reminders.selectors import homework_with_reminders_for


def muted_homework(request) -> dict | None:
    homework = list(homework_with_reminders_for(request.user)[:100])
    if not homework:
        return None
    return {"homework": homework}
