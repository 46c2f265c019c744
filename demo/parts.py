"""Every app's part of the demo data, in the order ``seed_demo`` loads them.

The demo is the top floor: it may import every app, and no app imports it. Each app keeps its
own demo data beside its code (``<app>/demo.py``) and writes it through its own services, so
permissions and notices come with it. A new app adds its part here with one line: a label and
a function that takes the demo people (a dict of users by key, ``supervision.demo.DEMO_PEOPLE``)
and is safe to run again.
"""

from collections.abc import Callable

from feedback.demo import seed_feedback
from homework.demo import seed_homework
from pathways.demo import seed_pathways
from portfolios.demo import seed_portfolios
from privacy.demo import seed_privacy
from questionnaires.demo import seed_questionnaires
from recordings.demo import seed_recordings
from reminders.demo import seed_reminders
from supervision.demo.records import seed_records
from supervision.demo.signoffs import seed_signoffs
from worksheets.demo import seed_worksheets

DemoPart = tuple[str, Callable[[dict], object]]

PARTS: tuple[DemoPart, ...] = (
    ("supervision records", seed_records),
    ("hours sign-off", seed_signoffs),
    ("worksheets", seed_worksheets),
    ("homework", seed_homework),
    ("pathways", seed_pathways),
    ("feedback", seed_feedback),
    ("questionnaires", seed_questionnaires),
    ("recordings", seed_recordings),
    ("reminders", seed_reminders),
    ("privacy", seed_privacy),
    ("portfolios", seed_portfolios),
)
