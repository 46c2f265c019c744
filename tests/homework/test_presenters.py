"""What "My homework" shows of each row, built from one reverse() per kind of link."""

import datetime

import pytest
from django.urls import reverse, set_script_prefix

from homework.presenters import long_date, pk_url


@pytest.mark.parametrize("name", ["homework:assignment_detail", "worksheets:entry_detail"])
@pytest.mark.parametrize("pk", [1, 7, 918273645, 2**40])
def test_a_url_built_from_one_reverse_is_the_reversed_one(name, pk):
    assert pk_url(name)(pk) == reverse(name, args=[pk])


def test_a_url_built_from_one_reverse_keeps_the_script_prefix():
    set_script_prefix("/cbt/")
    try:
        assert pk_url("homework:assignment_detail")(12) == "/cbt/homework/12/"
    finally:
        set_script_prefix("/")


def test_the_long_date_reads_as_the_templates_date_filter():
    from django.template.defaultfilters import date

    day = datetime.date(2026, 12, 1)
    assert long_date(day) == date(day, "l j F") == "Tuesday 1 December"
