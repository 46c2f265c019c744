"""The rules of a pathway's steps (issue 17, bad input): each refusal says what is wrong and where."""

import datetime

from pathways.rules import Release, StepRule, release_order, steps_problems

NOW = StepRule(Release.IMMEDIATELY)
AFTER = StepRule(Release.AFTER_PREVIOUS)


def messages(rules):
    return [(problem.step, problem.field, problem.message) for problem in steps_problems(rules)]


def test_a_pathway_without_steps_is_refused():
    assert messages([]) == [(None, None, "A pathway needs at least one step.")]


def test_a_sound_pathway_has_no_problems():
    rules = [
        NOW,
        AFTER,
        StepRule(Release.AFTER_DELAY, delay_days=365),
        StepRule(Release.ON_DAY, release_on=datetime.date(2027, 1, 4)),
    ]
    assert messages(rules) == []


def test_a_delay_of_zero_days_is_refused_beside_its_field():
    [(step, field, message)] = messages([NOW, StepRule(Release.AFTER_DELAY, delay_days=0)])
    assert (step, field) == (1, "delay_days")
    assert "0 days is no delay" in message


def test_a_delay_of_more_than_a_year_is_refused():
    [(step, field, message)] = messages([NOW, StepRule(Release.AFTER_DELAY, delay_days=366)])
    assert (step, field) == (1, "delay_days")
    assert "at most 365 days" in message


def test_a_delay_step_without_a_delay_is_refused():
    [(step, field, _message)] = messages([NOW, StepRule(Release.AFTER_DELAY)])
    assert (step, field) == (1, "delay_days")


def test_steps_waiting_for_each_other_in_a_circle_are_refused_each_beside_its_field():
    rules = [NOW, StepRule(Release.AFTER_PREVIOUS, waits_for=3), StepRule(Release.AFTER_PREVIOUS)]
    found = messages(rules)
    assert [(step, field) for step, field, _message in found] == [
        (1, "waits_for"),
        (2, "waits_for"),
    ]
    assert "Steps 2 → 3 → 2 wait for each other in a circle" in found[0][2]


def test_a_longer_circle_is_named_once_per_step():
    rules = [
        StepRule(Release.AFTER_PREVIOUS, waits_for=3),
        StepRule(Release.AFTER_PREVIOUS),
        StepRule(Release.AFTER_DELAY, delay_days=2),
    ]
    assert sorted(step for step, _field, _message in messages(rules)) == [0, 1, 2]


def test_a_step_cannot_wait_for_itself_or_a_step_that_does_not_exist():
    assert messages([NOW, StepRule(Release.AFTER_PREVIOUS, waits_for=2)])[0][2] == (
        "A step cannot wait for itself."
    )
    assert (
        "There is no step 5" in messages([NOW, StepRule(Release.AFTER_PREVIOUS, waits_for=5)])[0][2]
    )


def test_the_first_step_has_nothing_to_wait_for():
    [(step, field, message)] = messages([AFTER])
    assert (step, field) == (0, "release")
    assert "no step before it" in message


def test_a_fixed_day_needs_its_day_and_a_worksheet_step_its_worksheet():
    found = messages([StepRule(Release.ON_DAY, kind="worksheet")])
    assert {(field) for _step, field, _message in found} == {"release_on", "worksheet"}


def test_the_release_order_puts_each_step_after_the_one_it_waits_for():
    rules = [
        NOW,
        StepRule(Release.AFTER_PREVIOUS, waits_for=3),
        StepRule(Release.AFTER_PREVIOUS, waits_for=1),
    ]
    assert release_order(rules) == [0, 2, 1]
