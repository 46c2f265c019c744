"""Loads the demo course "Homework in CBT supervision" and enrols the demo people (idempotent)."""

from django.core.management.base import BaseCommand

from courses.demo import seed_course
from courses.presenters import course_outline


class Command(BaseCommand):
    help = "Create the demo course and enrol the demo people; a second run changes nothing."

    def handle(self, *args, **options):
        course = seed_course()
        if course is None:
            self.stdout.write(self.style.WARNING("No course index page; run migrate first."))
            return
        outline = course_outline(course)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo course ready: “{course.title}” with {len(outline.modules)} modules "
                f"and {len(outline.lessons)} lessons at {course.url}."
            )
        )
