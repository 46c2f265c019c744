"""Homework URLs; homework/README.md lists the permission each needs."""

from django.urls import path

from homework.views import assignments, entries, inbox, reviews

app_name = "homework"

urlpatterns = [
    path("", entries.due_list, name="due"),
    path("set-by-me/", inbox.set_by_me, name="set_by_me"),
    path(
        "supervisions/<int:supervision_id>/new/",
        assignments.assignment_create_view,
        name="assignment_create",
    ),
    path(
        "supervisions/<int:supervision_id>/proposals/",
        assignments.proposals_setting,
        name="proposals_setting",
    ),
    path("from-lesson/", assignments.assign_from_lesson, name="assign_from_lesson"),
    path("<int:pk>/", assignments.assignment_detail, name="assignment_detail"),
    path("<int:pk>/edit/", assignments.assignment_edit, name="assignment_edit"),
    path("<int:pk>/accept/", assignments.assignment_accept_view, name="assignment_accept"),
    path("<int:pk>/drop/", assignments.assignment_drop_view, name="assignment_drop"),
    path("<int:pk>/review/", reviews.review_create, name="review_create"),
    path("occurrences/<int:pk>/start/", entries.occurrence_start, name="occurrence_start"),
    path("entries/<int:pk>/reopen/", entries.entry_reopen_view, name="entry_reopen"),
    path(
        "entries/<int:pk>/attachments/", entries.entry_attachment_add, name="entry_attachment_add"
    ),
    path(
        "attachments/<int:pk>/",
        entries.entry_attachment_download,
        name="entry_attachment_download",
    ),
    path(
        "attachments/<int:pk>/remove/",
        entries.entry_attachment_remove,
        name="entry_attachment_remove",
    ),
]
