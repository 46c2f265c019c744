"""The course outline, built in Python by ``outline_items``, reads as the template loop did."""

import re

import pytest
from django.template import Context, Template

from courses.outline import CourseOutline, OutlineLesson, OutlineModule, progress_from
from courses.services.progress import lesson_complete

# The loop that ``outline_items`` replaced in courses/includes/_outline.html, kept to compare.
TEMPLATE_LOOP = """{% load courses_tags %}
{% for module in outline.modules %}
    {% with module_done=progress|module_progress:module.id %}
        <li class="course-outline__module">
            <a href="{{ module.url }}" {% if module.id == page.pk %}aria-current="page"{% endif %}>{{ module.title }}</a>
            {% if module_done %}
                <span class="muted">({{ module_done.done }} of {{ module_done.total }} done)</span>
            {% endif %}
            <ol class="course-outline__lessons">
                {% for lesson in module.lessons %}
                    <li>
                        <a href="{{ lesson.url }}" {% if lesson.id == page.pk %}aria-current="page"{% endif %}>{{ lesson.title }}</a>
                        {% if lesson.id in progress.completed_ids %}<span class="status status--done">Completed</span>{% endif %}
                    </li>
                {% endfor %}
            </ol>
        </li>
    {% endwith %}
{% endfor %}"""


def _normalised(html: str) -> str:
    html = re.sub(r"\s+", " ", html)
    return re.sub(r'" >', '">', re.sub(r">\s+<", "><", html)).strip()


def _outline() -> CourseOutline:
    first = OutlineModule(id=10, title="Why <homework> & why now", url="/learn/c/why/", path="")
    first.lessons = [
        OutlineLesson(
            id=11,
            title='The "first" one',
            url="/learn/c/why/one/",
            estimated_minutes=5,
            module_id=10,
        ),
        OutlineLesson(
            id=12,
            title="Second",
            url="/learn/c/why/two/?a=1&b=2",
            estimated_minutes=5,
            module_id=10,
        ),
    ]
    second = OutlineModule(id=20, title="Agreeing", url="/learn/c/agree/", path="")
    second.lessons = [
        OutlineLesson(
            id=21, title="Third", url="/learn/c/agree/three/", estimated_minutes=5, module_id=20
        )
    ]
    return CourseOutline(course=None, modules=[first, second])


@pytest.mark.parametrize("current", [10, 12, 21, 99])
@pytest.mark.parametrize("completed", [None, set(), {11}, {11, 12, 21}])
def test_the_outline_items_are_the_markup_of_the_template_loop(current, completed):
    outline = _outline()
    progress = None if completed is None else progress_from(outline, completed)
    context = {"outline": outline, "progress": progress, "page": {"pk": current}}
    built = Template("{% load courses_tags %}{% outline_items outline progress page.pk %}")
    expected = _normalised(Template(TEMPLATE_LOOP).render(Context(context)))
    assert _normalised(built.render(Context(context))) == expected
    assert "&lt;homework&gt; &amp; why now" in expected and "&quot;first&quot;" in expected


@pytest.mark.django_db
def test_the_lesson_page_marks_completed_lessons_and_counts_them(client, lessons, trainee):
    lesson_complete(person=trainee, lesson=lessons[1])
    client.force_login(trainee)
    html = client.get(lessons[0].url).content.decode()
    outline = html[html.index('class="course-outline__modules"') :]
    assert (
        f'href="{lessons[1].url}">{lessons[1].title}</a><span class="status status--done">'
        in outline
    )
    assert f'href="{lessons[0].url}" aria-current="page">{lessons[0].title}</a></li>' in outline
    assert "(1 of " in outline
