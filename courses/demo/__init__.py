"""Loads the demo course and enrols the demo people; running it again changes nothing.

Pages are created and published through Wagtail's revisions (as the demo course lead), and
people are enrolled through courses.services, so the demo data has the same groups,
permissions and history as content made through the product.

Exercise blocks point to the bundled worksheet library by its library keys, so the library is
loaded first (`seed_demo` does it). A lesson whose worksheet is not there yet is published
without its exercise, and gets it on a later run once the library is loaded.
"""

import io
import json
import math

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.index import insert_or_update_object

from courses.demo.content import (
    CHECKLIST_TEXT,
    COURSE,
    DOCUMENT,
    IMAGE,
    MODULES,
    WORKSHEET_MARKER,
)
from courses.models import (
    CourseIndexPage,
    CourseLearningOutcome,
    CoursePage,
    Enrollment,
    LessonCompletion,
    LessonPage,
    ModulePage,
)
from courses.services.enrollment import enrollment_enrol
from courses.services.progress import lesson_complete
from courses.services.team import course_team_ensure
from supervision.demo import DEMO_PEOPLE
from supervision.models import User
from worksheets.models import WorksheetTemplate

DEMO_ROLES = {
    "editor": Enrollment.Role.LEAD,
    "supervisor": Enrollment.Role.SUPERVISOR,
    "supervisor_in_training": Enrollment.Role.SUPERVISOR,
    "trainee1": Enrollment.Role.TRAINEE,
    "trainee2": Enrollment.Role.TRAINEE,
}
# Lina has worked through the first module and started the second, so supervisors see progress.
DEMO_COMPLETED = {"trainee1": 4, "trainee2": 1}
CHECKLIST_TITLE = "Homework planning checklist"
VICIOUS_CIRCLE_TITLE = "The vicious circle (diagram)"


def _publish(parent: Page, page: Page, author: User | None) -> Page:
    parent.add_child(instance=page)
    # The loader acts for the demo course lead, who cannot hold permissions on a course that
    # does not exist yet, so Wagtail's check is skipped for this trusted, one-off setup.
    page.save_revision(user=author).publish(user=author, skip_permission_checks=True)
    page.refresh_from_db()
    # Wagtail updates the search index in a background task; `make run` starts no task
    # worker, so the demo course is indexed here and can be searched straight away.
    insert_or_update_object(page)
    return page


def _demo_people() -> dict[str, User]:
    emails = {person["email"]: person["key"] for person in DEMO_PEOPLE}
    return {emails[user.email]: user for user in User.objects.filter(email__in=emails)}


def _checklist(collection):
    Document = get_document_model()
    document = Document.objects.filter(title=CHECKLIST_TITLE).first()
    if document is None:
        document = Document(title=CHECKLIST_TITLE, collection=collection)
        document.file.save(
            "homework-planning-checklist.txt", ContentFile(CHECKLIST_TEXT.encode()), save=False
        )
        document.full_clean()
        document.save()
    return document


def _vicious_circle_png() -> bytes:
    """Draw the five-part vicious circle used in the countertransference lesson."""
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    width, height = 960, 720
    canvas = PILImage.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=30)
    labels = ["Situation", "Automatic thoughts", "Emotions", "Bodily reactions", "Behaviour"]
    centre_x, centre_y, radius = width / 2, height / 2 + 10, 250
    points = []
    for position in range(len(labels)):
        angle = -math.pi / 2 + position * 2 * math.pi / len(labels)
        points.append((centre_x + radius * math.cos(angle), centre_y + radius * math.sin(angle)))
    for position, (x, y) in enumerate(points):
        next_x, next_y = points[(position + 1) % len(points)]
        draw.line([(x, y), (next_x, next_y)], fill="#4a5866", width=4)
        # An arrowhead halfway along each side shows the direction of the circle.
        tip_x, tip_y = x + (next_x - x) * 0.55, y + (next_y - y) * 0.55
        direction = math.atan2(next_y - y, next_x - x)
        wing = 18
        draw.polygon(
            [
                (tip_x, tip_y),
                (
                    tip_x - wing * math.cos(direction - 0.5),
                    tip_y - wing * math.sin(direction - 0.5),
                ),
                (
                    tip_x - wing * math.cos(direction + 0.5),
                    tip_y - wing * math.sin(direction + 0.5),
                ),
            ],
            fill="#4a5866",
        )
    for label, (x, y) in zip(labels, points, strict=True):
        left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
        box_width, box_height = right - left + 36, bottom - top + 28
        draw.rounded_rectangle(
            [x - box_width / 2, y - box_height / 2, x + box_width / 2, y + box_height / 2],
            radius=12,
            fill="#e8f0f2",
            outline="#1d4e5f",
            width=3,
        )
        draw.text((x, y), label, font=font, fill="#1b2631", anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer.getvalue()


def _vicious_circle(collection):
    Image = get_image_model()
    image = Image.objects.filter(title=VICIOUS_CIRCLE_TITLE).first()
    if image is None:
        image = Image(title=VICIOUS_CIRCLE_TITLE, collection=collection)
        image.file.save(
            "vicious-circle.png",
            ImageFile(io.BytesIO(_vicious_circle_png()), name="vicious-circle.png"),
            save=False,
        )
        image.save()
    return image


def _library_worksheets() -> dict:
    """The bundled worksheets by their markers in the demo content."""
    templates = WorksheetTemplate.objects.filter(library_key__isnull=False)
    return {f"{WORKSHEET_MARKER}{template.library_key}": template for template in templates}


def _resolve(body, files: dict):
    """Put the seeded files and worksheets in place of their markers.

    An exercise whose worksheet is not loaded is left out rather than pointing nowhere.
    """
    resolved = []
    for block_type, value in body:
        if isinstance(value, dict):
            value = {
                key: files.get(item, item) if isinstance(item, str) else item
                for key, item in value.items()
            }
            if block_type == "exercise" and not isinstance(value["worksheet"], WorksheetTemplate):
                continue
        resolved.append((block_type, value))
    return resolved


def _has_ever_had_an_exercise(lesson: LessonPage) -> bool:
    for revision in lesson.revisions.all():
        body = (revision.content or {}).get("body") or "[]"
        # Revisions keep a StreamField as JSON text.
        blocks = json.loads(body) if isinstance(body, str) else body
        if any(block.get("type") == "exercise" for block in blocks):
            return True
    return False


def _add_missing_exercises(lesson: LessonPage, body, author: User | None) -> None:
    """Give a demo lesson loaded before its worksheets existed the exercise it was written with.

    A lesson that ever had an exercise (course staff may have removed it) or has unpublished
    changes is left as it is.
    """
    wanted = [(block_type, value) for block_type, value in body if block_type == "exercise"]
    if not wanted or lesson.has_unpublished_changes or _has_ever_had_an_exercise(lesson):
        return
    position = next(
        (i for i, child in enumerate(lesson.body) if child.block_type == "key_points"),
        len(lesson.body),
    )
    for offset, item in enumerate(wanted):
        lesson.body.insert(position + offset, item)
    lesson.save_revision(user=author).publish(user=author, skip_permission_checks=True)
    insert_or_update_object(lesson)


def _course(index: CourseIndexPage, author: User | None) -> CoursePage:
    course = CoursePage.objects.child_of(index).filter(slug=COURSE["slug"]).first()
    if course is not None:
        return course
    course = CoursePage(
        title=COURSE["title"],
        slug=COURSE["slug"],
        overview=COURSE["overview"],
        audience=COURSE["audience"],
        how_to_join=COURSE["how_to_join"],
    )
    course.learning_outcomes = [
        CourseLearningOutcome(text=text) for text in COURSE["learning_outcomes"]
    ]
    return _publish(index, course, author)


def _modules_and_lessons(course: CoursePage, files: dict, author: User | None) -> list[LessonPage]:
    lessons = []
    for module_data in MODULES:
        module = ModulePage.objects.child_of(course).filter(slug=module_data["slug"]).first()
        if module is None:
            module = _publish(
                course,
                ModulePage(
                    title=module_data["title"],
                    slug=module_data["slug"],
                    introduction=module_data["introduction"],
                ),
                author,
            )
        for lesson_data in module_data["lessons"]:
            lesson = LessonPage.objects.child_of(module).filter(slug=lesson_data["slug"]).first()
            body = _resolve(lesson_data["body"], files)
            if lesson is None:
                lesson = _publish(
                    module,
                    LessonPage(
                        title=lesson_data["title"],
                        slug=lesson_data["slug"],
                        estimated_minutes=lesson_data["minutes"],
                        summary=lesson_data["summary"],
                        body=body,
                    ),
                    author,
                )
            else:
                _add_missing_exercises(lesson, body, author)
            lessons.append(lesson)
    return lessons


@transaction.atomic
def seed_course() -> CoursePage | None:
    index = CourseIndexPage.objects.first()
    if index is None:
        return None
    people = _demo_people()
    lead = people.get("editor")
    course = _course(index, lead)

    for key, role in DEMO_ROLES.items():
        person = people.get(key)
        if (
            person is not None
            and not Enrollment.objects.filter(course=course, person=person).exists()
        ):
            enrollment_enrol(course=course, person=person, role=role, enrolled_by=None)

    collection = course_team_ensure(course=course).collection
    files = {
        DOCUMENT: _checklist(collection),
        IMAGE: _vicious_circle(collection),
        **_library_worksheets(),
    }
    lessons = _modules_and_lessons(course, files, lead)

    for key, count in DEMO_COMPLETED.items():
        person = people.get(key)
        if person is None:
            continue
        started = LessonCompletion.objects.filter(
            person=person, lesson__path__startswith=course.path
        ).exists()
        if not started:
            for lesson in lessons[:count]:
                lesson_complete(person=person, lesson=lesson)
    return course
