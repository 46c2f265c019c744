"""Training content written by course staff in Wagtail: courses, modules, lessons."""

from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from courses import receivers
        from courses.models import CourseTeam
        from worksheets.signals import entry_submitted

        post_delete.connect(
            receivers.course_team_deleted, sender=CourseTeam, dispatch_uid="courses.team_deleted"
        )
        entry_submitted.connect(receivers.entry_submitted, dispatch_uid="courses.entry_submitted")

        from courses.privacy_provider import PROVIDER as privacy_provider
        from supervision import privacy

        privacy.register(privacy_provider)

        from courses.context_processors import ENROLLED_FACT
        from courses.selectors.access import enrolled_person
        from supervision.roles import person_fact

        person_fact(ENROLLED_FACT, enrolled_person)

        # The cached live tree starts a new generation whenever a page changes, and whenever
        # what the cached parts also hold changes: the view restrictions the route checked and
        # the sites the outline's addresses are relative to.
        from django.db.models.signals import post_save
        from wagtail.models import Page, PageViewRestriction, Site, get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from courses.published_tree import tree_changed

        tree_signals = {
            "published": page_published,
            "unpublished": page_unpublished,
            "moved": post_page_move,
        }
        for name, signal in tree_signals.items():
            signal.connect(tree_changed, dispatch_uid=f"courses.tree_changed.{name}")
        for model in {Page, *get_page_models(), PageViewRestriction, Site}:
            for name, signal in {"saved": post_save, "deleted": post_delete}.items():
                signal.connect(
                    tree_changed,
                    sender=model,
                    dispatch_uid=f"courses.tree_changed.{model._meta.label}.{name}",
                )
