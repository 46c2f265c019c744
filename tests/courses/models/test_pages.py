"""The course page tree and the Wagtail editor forms for its pages."""

from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from tests.courses.factories import course_index, make_course, make_lesson, make_module


class PageTreeTests(WagtailPageTestCase):
    def test_each_page_type_has_exactly_its_allowed_children(self):
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_each_page_type_has_exactly_its_allowed_parents(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})

    def test_a_lesson_outside_a_module_is_refused(self):
        self.assertCanNotCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
        self.assertCanNotCreateAt(Page, LessonPage)
        self.assertCanNotCreateAt(LessonPage, LessonPage)

    def test_the_admin_refuses_to_add_a_lesson_directly_to_a_course(self):
        course = make_course()
        self.client.force_login(self.create_superuser("cleo"))
        url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", course.pk])
        response = self.client.get(url, follow=True)
        self.assertNotContains(response, 'id="page-edit-form"')
        self.assertContains(response, "permission")
        self.assertFalse(LessonPage.objects.exists())

    def test_there_is_one_course_index_and_it_is_the_site_root(self):
        site = Site.objects.get(is_default_site=True)
        self.assertIsInstance(site.root_page.specific, CourseIndexPage)
        self.assertEqual(site.root_page.specific.url, "/learn/")
        self.assertFalse(CourseIndexPage.can_create_at(Page.get_first_root_node()))
        self.assertFalse(Page.objects.filter(title="Welcome to your new Wagtail site!").exists())

    def test_pages_render_for_an_enrolled_person(self):
        # assertPageIsRoutable assumes Wagtail is mounted at "/", and ours is at /learn/, so the
        # client-based assertPageIsRenderable is what shows the tree routes and renders.
        from tests.courses.factories import enrol
        from tests.factories import UserFactory

        course = make_course()
        module = make_module(course)
        lesson = make_lesson(module)
        trainee = UserFactory()
        enrol(course, trainee)
        for page in (course_index(), course, module, lesson):
            self.assertPageIsRenderable(page, user=trainee)


class EditorFormTests(WagtailPageTestCase):
    def setUp(self):
        self.editor = self.create_superuser("editor")
        self.client.force_login(self.editor)

    def test_a_course_can_be_created_and_published_in_the_editor(self):
        data = nested_form_data(
            {
                "title": "Cognitive therapy basics",
                "slug": "cognitive-therapy-basics",
                "overview": rich_text("<p>The cognitive model.</p>"),
                "audience": rich_text("<p>New trainees.</p>"),
                "how_to_join": "Ask the course lead.",
                "learning_outcomes": inline_formset([{"text": "Draw a vicious circle."}], min=1),
            }
        )
        self.assertCanCreate(course_index(), CoursePage, data)
        course = CoursePage.objects.get(slug="cognitive-therapy-basics")
        self.assertTrue(course.live)
        self.assertEqual(
            [o.text for o in course.learning_outcomes.all()], ["Draw a vicious circle."]
        )

    def test_a_course_needs_a_learning_outcome(self):
        data = nested_form_data(
            {
                "title": "No outcomes",
                "slug": "no-outcomes",
                "overview": rich_text("<p>Overview.</p>"),
                "audience": rich_text("<p>Everyone.</p>"),
                "learning_outcomes": inline_formset([], min=1),
            }
        )
        with self.assertRaises(AssertionError):
            self.assertCanCreate(course_index(), CoursePage, data)
        self.assertFalse(CoursePage.objects.filter(slug="no-outcomes").exists())

    def test_a_module_can_be_created_in_the_editor(self):
        course = make_course()
        data = nested_form_data(
            {
                "title": "Reviewing homework",
                "slug": "reviewing-homework",
                "introduction": rich_text("<p>How to review.</p>"),
            }
        )
        self.assertCanCreate(course, ModulePage, data)

    def test_a_lesson_with_every_kind_of_block_can_be_created_in_the_editor(self):
        module = make_module(make_course())
        body = streamfield(
            [
                ("heading", {"text": "Why review first", "level": "h2"}),
                ("text", rich_text("<p>Review homework at the start.</p>")),
                ("quote", {"quote": "It showed me it mattered.", "attribution": "A trainee"}),
                (
                    "key_points",
                    {"title": "Key points", "points": streamfield([("item", "Review first.")])},
                ),
                (
                    "reading",
                    {
                        "citation": "Tompkins, M. A. (2002). Guidelines for enhancing homework "
                        "compliance. Journal of Clinical Psychology, 58(5), 565–576.",
                        "doi": "https://doi.org/10.1002/jclp.10033",
                        "link": "",
                        "why_read": "Practical guidelines.",
                    },
                ),
                (
                    "video",
                    {
                        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                        "title": "A role-play",
                        "transcript": rich_text(""),
                    },
                ),
                (
                    "case_vignette",
                    {
                        "title": "The missing diary",
                        "people": "Mr Okafor (invented)",
                        "vignette": rich_text("<p>He forgot the diary.</p>"),
                        "questions": streamfield([("item", "What would you ask?")]),
                    },
                ),
                (
                    "callout",
                    {"kind": "caution", "title": "", "text": rich_text("<p>Go gently.</p>")},
                ),
            ]
        )
        data = nested_form_data(
            {
                "title": "Reviewing homework first",
                "slug": "reviewing-homework-first",
                "estimated_minutes": "15",
                "summary": "Why and how to review homework first.",
                "body": body,
            }
        )
        self.assertCanCreate(module, LessonPage, data)
        lesson = LessonPage.objects.get(slug="reviewing-homework-first")
        self.assertEqual(
            [block.block_type for block in lesson.body],
            [
                "heading",
                "text",
                "quote",
                "key_points",
                "reading",
                "video",
                "case_vignette",
                "callout",
            ],
        )
        # The DOI is stored in its bare form whatever the editor pasted.
        self.assertEqual(lesson.body[4].value["doi"], "10.1002/jclp.10033")

    def _lesson_errors(self, module, blocks):
        data = nested_form_data(
            {
                "title": "Refused lesson",
                "slug": "refused-lesson",
                "estimated_minutes": "10",
                "body": streamfield(blocks),
                "action-publish": "action-publish",
            }
        )
        url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(LessonPage.objects.filter(slug="refused-lesson").exists())
        return response.content.decode()

    def test_a_video_from_an_unsupported_provider_is_refused_in_the_editor(self):
        module = make_module(make_course())
        page = self._lesson_errors(
            module,
            [
                (
                    "video",
                    {
                        "url": "https://www.dailymotion.com/video/x8abcd1",
                        "title": "Elsewhere",
                        "transcript": rich_text(""),
                    },
                )
            ],
        )
        self.assertIn("Other video sites cannot be shown on lesson pages", page)

    def test_a_malformed_doi_is_refused_in_the_editor(self):
        module = make_module(make_course())
        page = self._lesson_errors(
            module,
            [
                (
                    "reading",
                    {
                        "citation": "Someone (2020). A paper.",
                        "doi": "not-a-doi",
                        "link": "",
                        "why_read": "Because.",
                    },
                )
            ],
        )
        self.assertIn("This does not look like a DOI", page)

    def test_a_lesson_needs_an_estimated_time_within_reason(self):
        module = make_module(make_course())
        data = nested_form_data(
            {
                "title": "Endless lesson",
                "slug": "endless-lesson",
                "estimated_minutes": "6000",
                "body": streamfield([("text", rich_text("<p>Text.</p>"))]),
            }
        )
        with self.assertRaises(AssertionError):
            self.assertCanCreate(module, LessonPage, data)
        self.assertFalse(LessonPage.objects.filter(slug="endless-lesson").exists())

    def test_existing_pages_open_and_save_in_the_editor(self):
        course = make_course()
        module = make_module(course)
        lesson = make_lesson(module)
        self.assertPageIsEditable(course)
        self.assertPageIsEditable(module)
        # StreamField data is built by the editor's JavaScript, so the lesson's is given here.
        self.assertPageIsEditable(lesson, post_data=_lesson_data(lesson))
        # The assertion puts the page row back afterwards; the saved draft is the newest revision.
        draft = lesson.revisions.order_by("-created_at", "-pk").first().as_object()
        self.assertEqual(draft.body[0].value["text"], "Edited heading")

    def test_a_new_and_an_existing_lesson_can_be_previewed(self):
        lesson = make_lesson(make_module(make_course()))
        self.assertPageIsPreviewable(lesson, post_data=_lesson_data(lesson))

        self.client.force_login(self.editor)
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
        self.client.post(preview_url, _lesson_data(lesson))
        preview = self.client.get(preview_url, {"mode": ""})
        self.assertContains(preview, "Edited heading")
        self.assertContains(preview, 'id="section-edited-heading"')
        # A preview is never cached as the published lesson.
        live = self.client.get(lesson.url)
        self.assertNotContains(live, "Edited heading")

        module = lesson.get_parent()
        create_url = reverse(
            "wagtailadmin_pages:preview_on_add", args=["courses", "lessonpage", module.pk]
        )
        self.client.post(create_url, _lesson_data(lesson) | {"slug": "a-new-lesson"})
        preview = self.client.get(create_url, {"mode": ""})
        self.assertContains(preview, "Edited heading")


def _lesson_data(lesson):
    return nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "estimated_minutes": "20",
            "summary": lesson.summary,
            "body": streamfield(
                [
                    ("heading", {"text": "Edited heading", "level": "h2"}),
                    ("text", rich_text("<p>Edited text.</p>")),
                ]
            ),
        }
    )
