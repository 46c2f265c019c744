"""Replace Wagtail's "Welcome" page with the course index as the root of the site served at /learn/."""

import uuid

from django.db import migrations
from django.utils import timezone

INDEX_TITLE = "Courses"
INDEX_INTRO = (
    "<p>The training courses you are enrolled in. Each course is a set of modules; "
    "work through the lessons in order and mark each one complete when you have finished it.</p>"
)
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, "0")


def _number(step: str) -> int:
    return int(step, len(ALPHABET))


def create_course_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")

    if CourseIndexPage.objects.exists():
        return
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    index_type, _ = ContentType.objects.get_or_create(app_label="courses", model="courseindexpage")
    children = Page.objects.filter(depth=2, path__startswith=root.path)
    last = children.order_by("-path").values_list("path", flat=True).first()
    next_step = _number(last[-STEPLEN:]) + 1 if last else 1
    locale = Locale.objects.order_by("pk").first()
    now = timezone.now()
    index = CourseIndexPage.objects.create(
        title=INDEX_TITLE,
        draft_title=INDEX_TITLE,
        slug="courses",
        intro=INDEX_INTRO,
        content_type=index_type,
        path=root.path + _step(next_step),
        depth=2,
        numchild=0,
        url_path="/courses/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        locale=locale,
        translation_key=uuid.uuid4(),
    )

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page_id=index.pk, is_default_site=True
        )
    else:
        site.root_page_id = index.pk
        site.save(update_fields=["root_page"])

    # Wagtail's untouched placeholder goes; a welcome page someone built on is left alone.
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(
        depth=2, slug="home", content_type=page_type, numchild=0, path__startswith=root.path
    ).delete()
    root.numchild = Page.objects.filter(depth=2, path__startswith=root.path).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_course_index, migrations.RunPython.noop)]
