"""The log book PDF: built by the worker from what was signed, read back with pypdf."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from exports.models import Export
from supervision.selectors.signoffs import signoff_verify, verification_code
from supervision.services.signoffs import signoff_reopen, signoff_sign, signoff_submit
from tests.factories import make_case, make_meeting, make_supervision

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def signed():
    supervision = make_supervision(started_on=days_ago(90))
    case = make_case(supervision, "Mr Alder")
    make_meeting(supervision, date=days_ago(40), duration_minutes=60, cases=[case], mode="video")
    make_meeting(supervision, date=days_ago(35), duration_minutes=50, observation="recorded")
    signoff = signoff_submit(
        supervision=supervision,
        submitted_by=supervision.supervisee,
        starts_on=days_ago(45),
        ends_on=days_ago(30),
    )
    return signoff_sign(signoff=signoff, actor=supervision.supervisor)


def pdf_text(export: Export) -> str:
    with export.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    # Table cells wrap: compare words, not line breaks.
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return text, len(reader.pages)


def test_the_log_book_shows_what_was_signed_with_a_code_that_verifies(
    client, signed, django_capture_on_commit_callbacks
):
    supervisee = signed.supervision.supervisee
    client.force_login(supervisee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("exports:export_create", args=["logbook"]), {"signoff": signed.pk}
        )
    export = Export.objects.get()
    assert response.url == reverse("exports:export_detail", args=[export.pk])
    assert export.status == Export.Status.DONE, export.error
    text, pages = pdf_text(export)
    code = verification_code(signed)
    assert supervisee.name in text
    assert signed.signed_by_name in text
    assert "Mr Alder" in text
    assert code in text
    assert "Totals by kind" in text and "Contents" in text
    assert f"Page 1 of {pages}" in text
    # Two meetings of 60 and 50 minutes: 1.83 hours; the observed one says how.
    assert "1.83" in text
    assert "A recording of practice was reviewed" in text
    assert "Individual" in text and "Video call" in text

    assert signoff_verify(code=code, supervisee_name=supervisee.name).valid
    assert not signoff_verify(code=code, supervisee_name="Someone Else").valid
    # One character changed (never to itself: a code may well end in X already).
    wrong = code[:-1] + ("Y" if code.endswith("X") else "X")
    assert not signoff_verify(code=wrong, supervisee_name=supervisee.name).valid

    download = client.get(reverse("exports:export_download", args=[export.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("inline")

    signoff_reopen(signoff=signed, actor=signed.supervision.supervisor, reason="A wrong date")
    result = signoff_verify(code=code, supervisee_name=supervisee.name)
    assert not result.valid and "reopened" in result.message


def test_a_double_click_makes_one_export(client, signed):
    client.force_login(signed.supervision.supervisee)
    url = reverse("exports:export_create", args=["logbook"])
    client.post(url, {"signoff": signed.pk})
    client.post(url, {"signoff": signed.pk})
    assert Export.objects.count() == 1


def test_an_unsigned_period_has_no_log_book(client, signed):
    signoff_reopen(signoff=signed, actor=signed.supervision.supervisor, reason="Wrong")
    client.force_login(signed.supervision.supervisee)
    response = client.post(
        reverse("exports:export_create", args=["logbook"]), {"signoff": signed.pk}
    )
    assert response.status_code == 403
    assert not Export.objects.exists()
