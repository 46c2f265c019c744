"""Thin views for course pages outside Wagtail's page tree: enrolment, progress and search."""
