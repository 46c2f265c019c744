"""The worksheet exercise block: what each reader sees, starting and continuing, and completion on submit."""

import re
import uuid

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import Enrollment, ExerciseEntry, LessonCompletion, LessonPage
from supervision.permissions import ClinicalPermissionChecker
from tests.courses.factories import enrol, make_course, make_lesson, make_module
from tests.factories import UserFactory
from worksheets.library import blocks as b
from worksheets.models import Entry, WorksheetTemplate
from worksheets.services.entries import entry_start
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db

BODY = [
    b.short("What did I try?", max_length=100),
    b.rating10("How confident was I?", low="not at all", high="completely"),
]
ANSWERS = {"q-what_did_i_try": "A smaller task", "q-how_confident_was_i": "7"}


def library_worksheet(title="Trying a smaller task", **kwargs):
    return worksheet_template_create(title=title, body=BODY, publish=True, **kwargs)


def exercise(worksheet, prompt="Try it on yourself first."):
    return ("exercise", {"worksheet": worksheet, "prompt": prompt})


@pytest.fixture
def worksheet():
    return library_worksheet()


@pytest.fixture
def lesson(lessons, worksheet):
    return make_lesson(
        lessons[0].get_parent(),
        "Trying it yourself",
        body=[
            ("heading", {"text": "Practise first", "level": "h2"}),
            ("text", "<p>Do the task before you set it.</p>"),
            exercise(worksheet),
        ],
    )


def start_url(lesson, worksheet):
    return reverse("courses:exercise_start", args=[lesson.pk, worksheet.pk])


def page(client, lesson) -> str:
    response = client.get(lesson.url)
    assert response.status_code == 200
    return response.content.decode()


def start(client, lesson, worksheet, token=None):
    return client.post(start_url(lesson, worksheet), {"submission_key": str(token or uuid.uuid4())})


def submit(client, entry):
    edit = reverse("worksheets:entry_edit", args=[entry.pk])
    content = client.get(edit).content.decode()
    controls = {
        "version": re.search(r'name="version" value="(\d+)"', content)[1],
        "session": re.search(r'name="session" value="([0-9a-f]{32})"', content)[1],
    }
    return client.post(edit, {**ANSWERS, **controls, "reflection": "", "action": "submit"})


# --- What each reader sees ------------------------------------------------------------------


def test_an_enrolled_trainee_may_start_the_exercise_here(client, trainee, lesson, worksheet):
    client.force_login(trainee)
    html = page(client, lesson)
    assert "Trying a smaller task" in html and "Try it on yourself first." in html
    assert f'action="{start_url(lesson, worksheet)}"' in html
    assert "Start this exercise" in html
    assert "Submitting the worksheet marks this lesson complete." in html
    assert reverse("worksheets:template_detail", args=[worksheet.pk]) in html
    assert "Assign as homework" not in html


def test_a_supervisor_assigns_the_exercise_as_homework(
    client, course_supervisor, trainee, lesson, worksheet
):
    client.force_login(course_supervisor)
    html = page(client, lesson)
    assert "Start this exercise" in html
    # Supervisors enrolled in a course learn in it too, so the exercise completes the lesson.
    assert "Submitting the worksheet marks this lesson complete." in html
    link = f"/homework/from-lesson/?worksheet={worksheet.pk}&amp;lesson={lesson.pk}"
    assert f'href="{link}">Assign as homework</a>' in html
    chooser = client.get(link.replace("&amp;", "&"))
    assert chooser.status_code == 200
    assert trainee.name in chooser.content.decode()

    # Only people with supervisees of their own assign homework.
    client.force_login(trainee)
    assert "Assign as homework" not in page(client, lesson)


def test_a_person_who_is_not_enrolled_sees_neither_the_lesson_nor_its_exercise(
    client, outsider, lesson, worksheet
):
    client.force_login(outsider)
    response = client.get(lesson.url)
    assert response.status_code == 403
    assert "Start this exercise" not in response.content.decode()
    assert start(client, lesson, worksheet).status_code == 404
    assert not Entry.objects.filter(author=outsider).exists()


def test_starting_needs_a_signed_in_person(client, lesson, worksheet):
    response = start(client, lesson, worksheet)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Entry.objects.exists()


def test_a_deleted_worksheet_shows_a_note_instead_of_an_error(client, trainee, lesson, worksheet):
    client.force_login(trainee)
    start(client, lesson, worksheet)
    WorksheetTemplate.objects.filter(pk=worksheet.pk).delete()
    html = page(client, lesson)
    assert "The worksheet for this exercise is no longer available" in html
    assert "Start this exercise" not in html
    # What the trainee wrote survives the worksheet and the note says where to find it.
    assert f'href="{reverse("worksheets:entry_list")}">your entries</a>' in html
    response = start(client, lesson, worksheet)
    assert response.status_code == 302 and response["Location"] == lesson.url
    assert Entry.objects.count() == 1

    # Someone who never did the exercise is not sent looking for entries.
    newcomer = UserFactory()
    enrol(lesson.get_course(), newcomer)
    client.force_login(newcomer)
    html = page(client, lesson)
    assert "no longer available" in html and "your entries" not in html


def test_an_unpublished_worksheet_shows_a_note_and_cannot_be_started(
    client, trainee, lesson, worksheet
):
    worksheet.unpublish()
    client.force_login(trainee)
    html = page(client, lesson)
    assert "This worksheet is not published at the moment" in html
    assert "Start this exercise" not in html
    response = start(client, lesson, worksheet)
    assert response.status_code == 302 and response["Location"] == lesson.url
    assert not Entry.objects.exists()


# --- Starting, continuing and submitting ------------------------------------------------------


def test_starting_makes_a_private_draft_linked_to_the_lesson_once_however_often_pressed(
    client, trainee, course_supervisor, lesson, worksheet
):
    client.force_login(trainee)
    token = uuid.uuid4()
    first = start(client, lesson, worksheet, token)
    second = start(client, lesson, worksheet, token)
    entry = Entry.objects.get(author=trainee)
    assert first["Location"] == second["Location"] == f"/worksheets/entries/{entry.pk}/edit/"
    assert entry.template_version == worksheet.versions.get()
    assert ExerciseEntry.objects.get().entry == entry
    assert ExerciseEntry.objects.get().lesson.pk == lesson.pk
    assert ClinicalPermissionChecker(trainee).has_perm("change_entry", entry)
    assert not ClinicalPermissionChecker(course_supervisor).has_perm("view_entry", entry)
    assert not LessonCompletion.objects.exists()


def test_a_started_exercise_is_continued_then_submitting_it_completes_the_lesson(
    client, trainee, lesson, worksheet
):
    client.force_login(trainee)
    start(client, lesson, worksheet)
    draft = Entry.objects.get(author=trainee)
    html = page(client, lesson)
    assert f'href="/worksheets/entries/{draft.pk}/edit/">Continue the exercise</a>' in html
    assert "Start this exercise" not in html

    response = submit(client, draft)
    assert response.status_code == 302
    assert LessonCompletion.objects.filter(person=trainee, lesson=lesson).exists()

    html = page(client, lesson)
    assert "You submitted this exercise on" in html
    assert f'href="/worksheets/entries/{draft.pk}/">Read your entry</a>' in html
    assert "You have completed this lesson." in html
    assert "Do this exercise again" in html


def test_an_entry_started_from_the_library_completes_no_lesson(client, trainee, lesson, worksheet):
    client.force_login(trainee)
    client.post(
        reverse("worksheets:template_start", args=[worksheet.pk]),
        {"submission_key": str(uuid.uuid4())},
    )
    entry = Entry.objects.get(author=trainee)
    assert submit(client, entry).status_code == 302
    assert Entry.objects.get(pk=entry.pk).status == Entry.Status.SUBMITTED
    assert not LessonCompletion.objects.exists()
    # Nor does it show in the lesson: it was not started there.
    assert "Start this exercise" in page(client, lesson)


def test_course_staff_may_try_the_exercise_but_record_no_progress(client, staff, lesson, worksheet):
    client.force_login(staff)
    html = page(client, lesson)
    assert "Start this exercise" in html
    assert "marks this lesson complete" not in html
    start(client, lesson, worksheet)
    submit(client, Entry.objects.get(author=staff))
    assert not LessonCompletion.objects.exists()


def test_an_administrator_may_try_the_exercise_and_starting_needs_a_post(
    client, administrator, lesson, worksheet
):
    client.force_login(administrator)
    assert client.get(start_url(lesson, worksheet)).status_code == 405
    assert start(client, lesson, worksheet).status_code == 302
    submit(client, Entry.objects.get(author=administrator))
    assert not LessonCompletion.objects.exists()


def test_a_worksheet_that_is_not_in_the_lesson_cannot_be_started_from_it(client, trainee, lesson):
    other = library_worksheet("Something else")
    client.force_login(trainee)
    assert start(client, lesson, other).status_code == 404
    assert not Entry.objects.exists()


def test_an_unpublished_lesson_starts_nothing(client, trainee, lesson, worksheet):
    lesson.unpublish()
    client.force_login(trainee)
    assert start(client, lesson, worksheet).status_code == 404


def test_a_discarded_draft_lets_the_reader_start_afresh(client, trainee, lesson, worksheet):
    client.force_login(trainee)
    start(client, lesson, worksheet)
    draft = Entry.objects.get(author=trainee)
    client.post(reverse("worksheets:entry_discard", args=[draft.pk]))
    assert not ExerciseEntry.objects.exists()
    assert "Start this exercise" in page(client, lesson)


def test_two_exercises_in_one_lesson_each_show_their_own_state(client, trainee, lessons):
    first, second = library_worksheet("First sheet"), library_worksheet("Second sheet")
    lesson = make_lesson(lessons[0].get_parent(), body=[exercise(first), exercise(second)])
    client.force_login(trainee)
    start(client, lesson, first)
    html = page(client, lesson)
    assert html.count("Continue the exercise") == 1
    assert html.count("Start this exercise") == 1
    assert html.index("First sheet") < html.index("Continue") < html.index("Second sheet")


def test_an_entry_by_another_person_is_never_shown(client, trainee, lesson, worksheet):
    other = UserFactory()
    enrol(lesson.get_course(), other)
    client.force_login(other)
    start(client, lesson, worksheet)
    client.force_login(trainee)
    html = page(client, lesson)
    assert "Continue the exercise" not in html and "Start this exercise" in html


def test_a_supervisor_enrolled_as_learner_completes_the_lesson_too(
    client, course_supervisor, lesson, worksheet
):
    client.force_login(course_supervisor)
    start(client, lesson, worksheet)
    submit(client, Entry.objects.get(author=course_supervisor))
    assert LessonCompletion.objects.filter(person=course_supervisor).exists()


def test_an_entry_started_in_a_course_one_has_left_completes_nothing(trainee, lesson, worksheet):
    from courses.services.exercises import exercise_entry_submitted, exercise_start

    entry = exercise_start(person=trainee, lesson=lesson, template_version=worksheet.versions.get())
    Enrollment.objects.filter(person=trainee).delete()
    entry.status = Entry.Status.SUBMITTED
    assert exercise_entry_submitted(entry=entry) is None
    assert not LessonCompletion.objects.exists()
    assert (
        exercise_entry_submitted(
            entry=entry_start(author=trainee, template_version=worksheet.versions.get())
        )
        is None
    )


def test_the_editor_preview_shows_the_exercise_without_starting_anything(
    client, lead, lesson, worksheet
):
    lead.is_superuser = True
    lead.save()
    client.force_login(lead)
    data = {
        "title": lesson.title,
        "slug": lesson.slug,
        "estimated_minutes": "10",
        "summary": "",
        "body-count": "1",
        "body-0-type": "exercise",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": str(uuid.uuid4()),
        "body-0-value-worksheet": str(worksheet.pk),
        "body-0-value-prompt": "Previewed prompt",
    }
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    client.post(preview_url, data)
    html = client.get(preview_url, {"mode": ""}).content.decode()
    assert "Previewed prompt" in html
    assert "Readers start this worksheet here once the lesson is published." in html
    assert '<form method="post" action="/courses/lessons/' not in html


# --- The editor -------------------------------------------------------------------------------


class ExerciseEditorTests(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(self.create_superuser("editor"))
        self.module = make_module(make_course())

    def _data(self, worksheet_id, slug="practise-first"):
        return nested_form_data(
            {
                "title": "Practise first",
                "slug": slug,
                "estimated_minutes": "15",
                "summary": "Doing the task yourself before you set it.",
                "body": streamfield(
                    [
                        ("text", rich_text("<p>Try it on yourself.</p>")),
                        ("exercise", {"worksheet": str(worksheet_id), "prompt": "Plan one."}),
                    ]
                ),
            }
        )

    def test_a_lesson_with_an_exercise_is_created_and_published_in_the_editor(self):
        worksheet = library_worksheet()
        self.assertCanCreate(self.module, LessonPage, self._data(worksheet.pk))
        lesson = LessonPage.objects.get(slug="practise-first")
        self.assertTrue(lesson.live)
        block = lesson.body[1]
        self.assertEqual(block.block_type, "exercise")
        self.assertEqual(block.value["worksheet"], worksheet)
        self.assertEqual(block.value["prompt"], "Plan one.")

    def test_a_supervisors_own_template_is_refused_because_readers_cannot_open_it(self):
        owner = UserFactory()
        private = library_worksheet("My own sheet", owner=owner)
        url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", self.module.pk])
        data = self._data(private.pk) | {"action-publish": "action-publish"}
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "someone&#x27;s own template")
        self.assertFalse(LessonPage.objects.filter(slug="practise-first").exists())

    def test_a_worksheet_that_does_not_exist_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", self.module.pk])
        data = self._data(999999) | {"action-publish": "action-publish"}
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(LessonPage.objects.filter(slug="practise-first").exists())
