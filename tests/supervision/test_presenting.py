"""Links and dates for list pages (supervision.presenting): what {% url %} and the date filter give."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse, set_script_prefix

from supervision.presenting import (
    day_month_year,
    hours_text,
    long_date,
    pk_url,
    short_date,
    short_date_year,
)


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


def test_a_datetime_reads_in_the_current_time_zone_as_the_date_filter():
    from django.template import Context, Template
    from django.utils import timezone

    def in_template(moment, format_):
        # Through a template: the engine converts an aware datetime before the filter sees it.
        return Template("{{ moment|date:format_ }}").render(
            Context({"moment": moment, "format_": format_})
        )

    # 23:30 UTC on 30 November is already 1 December in Auckland.
    moment = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)
    with timezone.override("Pacific/Auckland"):
        assert day_month_year(moment) == in_template(moment, "j F Y") == "1 December 2026"
        assert long_date(moment) == in_template(moment, "l j F") == "Tuesday 1 December"
        assert short_date(moment) == in_template(moment, "j M") == "1 Dec"
        assert short_date_year(moment) == in_template(moment, "j M Y") == "1 Dec 2026"
    with timezone.override("UTC"):
        assert day_month_year(moment) == in_template(moment, "j F Y") == "30 November 2026"


@pytest.mark.parametrize("hours", ["0", "0.00", "0.05", "0.33", "1.50", "2.00", "12.3", "1234.25"])
def test_hours_read_as_the_templates_floatformat(hours):
    from django.template.defaultfilters import floatformat

    assert hours_text(Decimal(hours)) == floatformat(Decimal(hours), "-2")
