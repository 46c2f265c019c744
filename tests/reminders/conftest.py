"""People in known time zones and homework set at a known moment, for the frozen-clock tests."""

import datetime

import pytest
import time_machine

from tests.factories import UserFactory, make_supervision
from tests.homework.factories import make_assignment

UTC = datetime.UTC
SET_AT = datetime.datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
DUE_ON = datetime.date(2026, 12, 2)
# 09:00 on 1 December in Auckland (NZDT, UTC+13) is 20:00 UTC on 30 November.
REMINDER_AT = datetime.datetime(2026, 11, 30, 20, 0, tzinfo=UTC)


@pytest.fixture
def auckland(db):
    supervisor = UserFactory(display_name="Sam Supervisor", timezone="Europe/London")
    supervisee = UserFactory(display_name="Tia Trainee", timezone="Pacific/Auckland")
    with time_machine.travel(SET_AT, tick=False):
        supervision = make_supervision(supervisor, supervisee)
        assignment = make_assignment(supervision, starts_on=DUE_ON, title="Thought record")
    return supervision, assignment
