"""Each app's part of the demo (demo/parts.py) as ``seed_demo`` loads it, once however often run.

The tests here were their apps' own (tests/<app>/test_demo.py, tests/worksheets/test_library.py),
and each file loaded the whole demo itself: four to six seconds of CPU a load, in both CI
stages. Here the demo is loaded twice for the module (``seeded_twice``), with each app's snapshot
taken between the two loads, and every test keeps its claim: what the first load made (the
snapshot), that the second changed nothing (the snapshot again, now), and what the pages then
show. Each test runs in a savepoint rolled back before the next, so what one test changes (a
third load, a lesson edited) is gone before the next; the load itself is rolled back after the
module's last test.
"""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from guardian.models import UserObjectPermission

from courses.blocks import validate_doi
from courses.models import CoursePage, Enrollment, LessonPage, ModulePage
from courses.presenters import course_outline
from feedback.models import Feedback, FeedbackReply, FeedbackRevision
from notifications.models import Notification
from portfolios.models import Portfolio, PortfolioItem
from recordings.models import Recording, RecordingComment, RecordingCommentReply, RecordingRating
from supervision.demo import DEMO_PASSWORD, DEMO_PEOPLE
from supervision.models import (
    Case,
    CaseComment,
    HoursSignOff,
    Meeting,
    MeetingReflection,
    MeetingUserObjectPermission,
    ReadRecord,
    Supervision,
    SupervisionGroup,
    User,
)
from supervision.permissions import ClinicalPermissionChecker
from supervision.selectors.hours import hours_log
from tests.courses.test_demo import _exercises, _snapshot
from worksheets.library import LIBRARY
from worksheets.models import Entry, TemplateVersion, WorksheetTemplate
from worksheets.presenters import shown_elements

pytestmark = pytest.mark.django_db


def feedback_snapshot():
    return (
        list(Feedback.objects.values_list("pk", "status", "version", "body")),
        FeedbackReply.objects.count(),
        FeedbackRevision.objects.count(),
        Notification.objects.count(),
    )


def portfolio_snapshot():
    return list(PortfolioItem.objects.values_list("pk", "kind", "position", "commentary"))


def recording_snapshot():
    return (
        list(Recording.objects.values_list("pk", "handed_in_at")),
        list(RecordingComment.objects.values_list("pk", "status")),
        RecordingCommentReply.objects.count(),
        RecordingRating.objects.count(),
    )


def reads_snapshot():
    return ReadRecord.objects.count()


def worksheets_snapshot():
    return (
        WorksheetTemplate.objects.count(),
        TemplateVersion.objects.count(),
        Entry.objects.count(),
        list(Entry.objects.values_list("pk", "version", "status")),
    )


SNAPSHOTS = {
    "feedback": feedback_snapshot,
    "portfolios": portfolio_snapshot,
    "recordings": recording_snapshot,
    "reads": reads_snapshot,
    "worksheets": worksheets_snapshot,
}


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture
def _media_in_tmp(settings, demo_media):
    """The module's media folder for each test (not a fresh one, as elsewhere): the demo's files,
    the recording's audio among them, are written there when the module loads the demo."""
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module")
def seeded_twice(django_db_setup, django_db_blocker, demo_media):
    """seed_demo, each app's snapshot, then seed_demo again, in a transaction rolled back after
    the module's last test. Returns the snapshots of the first load, by app."""
    from tests.courses.factories import ensure_course_site

    with (
        override_settings(MEDIA_ROOT=demo_media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        ensure_course_site()  # as for every test (tests/conftest.py, _wagtail_tree)
        call_command("seed_demo", stdout=io.StringIO())
        first = {app: snapshot() for app, snapshot in SNAPSHOTS.items()}
        call_command("seed_demo", stdout=io.StringIO())
        yield first
        transaction.set_rollback(True)


@pytest.fixture
def first(seeded_twice, db):
    return seeded_twice


class TestTheDemoLoadedTwice:
    def test_seed_demo_gives_feedback_in_each_state_idempotently(self, client, first):
        statuses = {status for _pk, status, _v, _b in first["feedback"][0]}
        assert statuses == {"draft", "released"}
        assert first["feedback"][1] == 2 and first["feedback"][2] == 1
        assert feedback_snapshot() == first["feedback"]

        entry = Feedback.objects.first().entry
        client.force_login(User.objects.get(email="trainee1@example.org"))
        html = client.get(reverse("feedback:entry_feedback", args=[entry.pk])).content.decode()
        assert "Notice the word" in html and "Twice in a month" in html
        assert "65% belief" not in html  # the draft stays with the supervisor

    def test_seed_demo_gives_lina_one_portfolio_idempotently(self, client, first):
        assert [kind for _pk, kind, _pos, _c in first["portfolios"]] == [
            "entry",
            "questionnaire",
            "rating",
        ]
        assert portfolio_snapshot() == first["portfolios"]

        portfolio = Portfolio.objects.get()
        assert portfolio.statement and portfolio.statement_by.email == "supervisor@example.org"
        client.force_login(User.objects.get(email="trainee1@example.org"))
        html = client.get(reverse("portfolios:portfolio_detail", args=[portfolio.pk])).text
        assert "Notice the word" in html  # Dr Holt's released feedback on the thought record
        assert "Make the PDF" in html

    def test_seed_demo_makes_one_reviewed_recording_idempotently(self, client, first):
        recordings, comments, replies, ratings = first["recordings"]
        assert len(recordings) == 1
        assert {status for _pk, status in comments} == {"released"} and len(comments) == 3
        assert replies == 1 and ratings == 1
        assert recording_snapshot() == first["recordings"]
        recording = Recording.objects.get()
        assert recording.is_handed_in and recording.content_type == "audio/wav"
        assert RecordingRating.objects.get().entry.is_released

        client.force_login(User.objects.get(email="trainee1@example.org"))
        html = client.get(reverse("recordings:detail", args=[recording.pk])).content.decode()
        assert "Ask for her summary" not in html  # the demo's words are its own
        assert "Good bridge from last session" in html and "Play from" in html
        media = client.get(
            reverse("recordings:media", args=[recording.pk]), HTTP_RANGE="bytes=0-43"
        )
        assert media.status_code == 206 and b"".join(media.streaming_content).startswith(b"RIFF")

    def test_seed_demo_records_the_supervisors_reads_idempotently(self, client, first):
        assert first["reads"] > 0
        assert reads_snapshot() == first["reads"]

        trainee = User.objects.get(email="trainee1@example.org")
        client.force_login(trainee)
        page = client.get(reverse("privacy:reads")).content.decode()
        assert "Dr Maren Holt" in page

    def test_seed_demo_loads_the_library_and_demo_entries_idempotently(self, client, first):
        counts = first["worksheets"]
        assert worksheets_snapshot() == counts
        # Three worksheet entries, six schema self-checks, one rating (tests/questionnaires/
        # test_demo.py) and the homework entries of homework/demo.py.
        homework_entries = Entry.objects.filter(occurrence__isnull=False).count()
        assert homework_entries > 0
        assert counts[0] == len(LIBRARY) and counts[2] == 10 + homework_entries
        # Lina shared her thought record with Dr Holt, who can read it; Omar's entry stays private.
        holt = next(p for p in DEMO_PEOPLE if p["key"] == "supervisor")
        client.force_login(User.objects.get(email=holt["email"]))
        shared = client.get(reverse("worksheets:shared_with_me")).content.decode()
        assert "Thought record for self-practice" in shared
        assert "My reactions to a patient" not in shared
        # Homework entries in the demo are free reflections, with no worksheet answers to show.
        for entry in Entry.objects.filter(status=Entry.Status.SUBMITTED, occurrence__isnull=True):
            elements = shown_elements(entry.definition, entry.get_data())
            answered = [e for e in elements if e.kind == "answer" and e.answered]
            assert len(answered) >= 4
        assert Entry.objects.values("author").annotate(n=Count("pk")).count() == 3

    def test_notify_sweep_on_the_demo_sends_its_emails_the_first_time_and_nothing_the_second(
        self, first, django_capture_on_commit_callbacks
    ):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("notify_sweep")
        sent = [(message.to[0], message.subject) for message in mail.outbox]
        assert ("trainee1@example.org", "Homework due soon – CBT Supervision") in sent
        reminder = Notification.objects.get(
            recipient__email="trainee1@example.org", kind=Notification.Kind.HOMEWORK_DUE
        )
        assert reminder.email_status == Notification.Email.SENT
        with django_capture_on_commit_callbacks(execute=True):
            call_command("notify_sweep")
        assert len(mail.outbox) == len(sent)


def counts():
    return tuple(
        model.objects.count()
        for model in (
            User,
            Supervision,
            SupervisionGroup,
            Case,
            CaseComment,
            Meeting,
            MeetingReflection,
            MeetingUserObjectPermission,
            HoursSignOff,
        )
    )


@pytest.fixture
def demo(seeded_twice, db):
    return {person["key"]: User.objects.get(email=person["email"]) for person in DEMO_PEOPLE}


class TestTheSupervisionPart:
    """Moved from tests/supervision/test_demo.py."""

    def test_seed_demo_twice_changes_nothing(self, demo):
        first = counts()
        call_command("seed_demo", verbosity=0)
        assert counts() == first

    def test_one_month_signed_and_one_awaiting_signature(self, demo):
        signoffs = HoursSignOff.objects.filter(supervision__supervisee=demo["trainee1"])
        assert sorted(signoffs.values_list("status", flat=True)) == ["signed", "submitted"]
        signed = signoffs.get(status="signed")
        assert signed.contents["meetings"] and signed.signed_by_name == demo["supervisor"].name

    def test_six_months_of_meetings_with_the_next_one_planned(self, demo):
        today = timezone.localdate()
        for key in ("trainee1", "trainee2", "supervisor_in_training"):
            meetings = Meeting.objects.filter(attendances__supervision__supervisee=demo[key])
            first = meetings.order_by("date").first().date
            assert today - first >= datetime.timedelta(days=150)
            assert meetings.filter(date__gte=today).exists()
        assert Meeting.objects.filter(date__lt=today).count() >= 40

    def test_the_demo_people_stand_where_the_readme_says(self, demo):
        supervisor, jonas = demo["supervisor"], demo["supervisor_in_training"]
        assert Supervision.objects.filter(
            supervisor=supervisor,
            supervisee=jonas,
            kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION,
        ).exists()
        assert Supervision.objects.filter(supervisor=jonas, supervisee=demo["trainee2"]).exists()
        group = SupervisionGroup.objects.get(supervisor=supervisor)
        assert {m.supervisee for m in group.memberships.all()} == {
            demo["trainee1"],
            demo["trainee2"],
        }

    def test_demo_records_follow_the_permission_rules(self, demo):
        jonas_case = Case.objects.get(supervision__supervisor=demo["supervisor_in_training"])
        # Dr Holt supervises Jonas and Omar, yet never reads what Omar brings to Jonas.
        assert not ClinicalPermissionChecker(demo["supervisor"]).has_perm("view_case", jonas_case)
        assert ClinicalPermissionChecker(demo["supervisor_in_training"]).has_perm(
            "view_case", jonas_case
        )
        for key in ("editor", "admin"):
            assert not ClinicalPermissionChecker(demo[key]).has_perm("view_case", jonas_case)
        assert UserObjectPermission.objects.count() == 0

    def test_the_hours_chart_is_full_on_first_start(self, demo):
        log = hours_log(supervisee=demo["trainee1"], viewer=demo["trainee1"])
        assert len(log.by_period) >= 6
        assert all(row.meetings for row in log.by_period[1:])
        assert log.total.group_attended_minutes > log.total.group_credited_minutes > 0
        assert log.by_case

    def test_demo_cases_use_pseudonyms_only(self, demo):
        pseudonyms = set(Case.objects.values_list("pseudonym", flat=True))
        assert pseudonyms == {"Willow", "Kestrel", "Juniper", "Harbour", "Orchid", "Linden"}
        assert Case.objects.filter(status=Case.Status.CLOSED).exists()


@pytest.fixture
def seeded(seeded_twice, db):
    return CoursePage.objects.get(slug="homework-in-cbt-supervision")


class TestTheCoursePart:
    """Moved from tests/courses/test_demo.py."""

    def test_the_demo_course_has_the_modules_lessons_and_readings_asked_for(self, seeded):
        outline = course_outline(seeded)
        assert seeded.title == "Homework in CBT supervision"
        assert len(outline.modules) >= 4
        assert len(outline.lessons) >= 12
        lessons = LessonPage.objects.live().descendant_of(seeded)
        for lesson in lessons:
            readings = [block.value for block in lesson.body if block.block_type == "reading"]
            assert readings, lesson.title
            for reading in readings:
                assert reading["citation"] and reading["why_read"]
                if reading["doi"]:
                    validate_doi(reading["doi"])
        all_citations = " ".join(
            block.value["citation"]
            for lesson in lessons
            for block in lesson.body
            if block.block_type == "reading"
        )
        assert "Kazantzis, N., Whittington, C., & Dattilio, F. (2010)" in all_citations
        assert ModulePage.objects.child_of(seeded).count() == len(outline.modules)

    def test_the_demo_people_are_enrolled_in_their_roles(self, seeded):
        roles = dict(Enrollment.objects.filter(course=seeded).values_list("person__email", "role"))
        assert roles == {
            "editor@example.org": "lead",
            "supervisor@example.org": "supervisor",
            "supervisor.in.training@example.org": "supervisor",
            "trainee1@example.org": "trainee",
            "trainee2@example.org": "trainee",
        }

    def test_loading_the_demo_again_changes_nothing(self, seeded):
        before = _snapshot()
        call_command("seed_demo", stdout=io.StringIO())
        assert _snapshot() == before

    def test_demo_people_can_read_the_course_and_the_supervisor_sees_progress(self, client, seeded):
        client.login(email="supervisor@example.org", password=DEMO_PASSWORD)
        html = client.get(reverse("courses:supervisees", args=[seeded.pk])).content.decode()
        assert "Lina Farrow" in html and "4 of 14 lessons complete" in html
        client.login(email="admin@example.org", password=DEMO_PASSWORD)
        assert client.get(seeded.url).status_code == 200

    def test_at_least_six_demo_lessons_have_an_exercise_with_a_bundled_worksheet(self, seeded):
        exercises = {slug: found for slug, found in _exercises(seeded).items() if found}
        assert len(exercises) >= 6
        for found in exercises.values():
            for exercise in found:
                assert exercise["worksheet"].is_library and exercise["worksheet"].library_key
                assert exercise["worksheet"].live and exercise["prompt"]
        assert exercises["vicious-circle-of-countertransference"][0]["worksheet"].library_key == (
            "countertransference-vicious-circle"
        )

    def test_an_exercise_that_course_staff_removed_is_not_put_back(self, seeded):
        lesson = LessonPage.objects.get(slug="reviewing-homework")
        lesson.body = [(b.block_type, b.value) for b in lesson.body if b.block_type != "exercise"]
        lesson.save_revision().publish()
        call_command("seed_demo", stdout=io.StringIO())
        assert _exercises(seeded)["reviewing-homework"] == []
