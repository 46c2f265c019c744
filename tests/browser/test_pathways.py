"""A pathway in a browser: the supervisor assigns a library pathway; the trainee hands in step 1
and, once the clock has moved past its delay and the worker has run, step 2 opens."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from homework.models import Assignment
from pathways import tasks
from pathways.library import library_load as pathways_load
from tests.browser.helpers import assert_accessible, sign_in
from tests.factories import make_supervision
from worksheets.services.library import library_load as worksheets_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PATHWAY = "A first month of self-practice"
STEP_1 = "What I hope to learn by practising on myself"
STEP_2 = "Thought records, week one"


def test_a_library_pathway_opens_step_by_step(page, phone_page, supervisor, supervisee):
    make_supervision(supervisor, supervisee)
    worksheets_load()
    pathways_load()

    # The supervisor assigns a library pathway from the dashboard, as one homework.
    sign_in(page, supervisor.email)
    page.get_by_role("link", name=f"Assign a pathway to {supervisee.name}").click()
    page.get_by_label("Pathway").select_option(label=f"{PATHWAY} (5 steps, library)")
    page.get_by_label("Rationale").fill(
        "You ask patients for thought records; try a month of them."
    )
    page.get_by_label("Anticipated obstacle").first.fill("Late clinic days")
    page.get_by_label("Plan to get past it").first.fill("Write it on the bus home")
    page.get_by_label("Supervisee's confidence").fill("8")
    assert_accessible(page)
    page.get_by_role("button", name="Assign pathway").click()
    page.get_by_role("heading", name=PATHWAY, level=1).wait_for()
    page.get_by_text("Steps (0 of 5 handed in)").wait_for()
    assert_accessible(page)
    assert Assignment.objects.get().schedule == Assignment.Schedule.STEPS

    # The trainee sees step 1 due and the rest coming, and hands step 1 in.
    trainee_page = phone_page
    sign_in(trainee_page, supervisee.email)
    trainee_page.goto("/homework/")
    trainee_page.get_by_text("0 of 5 steps handed in").wait_for()
    trainee_page.get_by_text(f"Next: step 1, {STEP_1}").wait_for()
    assert_accessible(trainee_page)
    # The narrowest phone: the progress and the steps fit without sideways scrolling.
    trainee_page.set_viewport_size({"width": 320, "height": 700})
    trainee_page.get_by_text("All steps").click()
    trainee_page.get_by_text("opens 1 day after step 1 is handed in").wait_for()
    assert trainee_page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(trainee_page)
    trainee_page.get_by_role("button", name=f"Start {STEP_1}").click()
    trainee_page.get_by_label("Free reflection").fill(
        "To feel what a daily record asks of a patient."
    )
    trainee_page.get_by_role("button", name="Submit").click()
    trainee_page.get_by_text("Handed in. Your supervisor can now read it.").wait_for()
    trainee_page.goto("/homework/")
    trainee_page.get_by_text("1 of 5 steps handed in").wait_for()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    trainee_page.get_by_text(f"opens {tomorrow:%A} {tomorrow.day} {tomorrow:%B}").first.wait_for()
    expect(trainee_page.get_by_role("button", name=f"Start {STEP_2}")).to_have_count(0)

    # The next day the worker's daily run opens step 2, with its own due date.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, hours=1)):
        assert tasks.pathway_releases_daily.enqueue().return_value == 1
        # A day on, the session has timed out: the trainee signs in again.
        sign_in(trainee_page, supervisee.email)
        trainee_page.goto("/homework/")
        trainee_page.get_by_text(f"Next: step 2, {STEP_2}").wait_for()
        due = timezone.localdate() + datetime.timedelta(days=7)
        start = trainee_page.get_by_role("button", name=f"Start {STEP_2}, due {due.day} {due:%B}")
        start.wait_for()
        assert_accessible(trainee_page)
        start.click()
        trainee_page.get_by_role(
            "heading", name="Thought record for self-practice"
        ).first.wait_for()
