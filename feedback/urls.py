"""Feedback URLs; feedback/README.md lists the permission each needs."""

from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("awaiting/", views.awaiting_feedback, name="awaiting"),
    path("entries/<int:entry_pk>/", views.entry_feedback, name="entry_feedback"),
    path("entries/<int:entry_pk>/add/", views.feedback_add, name="feedback_add"),
    path(
        "entries/<int:entry_pk>/release-all/",
        views.feedback_release_all,
        name="feedback_release_all",
    ),
    path("<int:pk>/edit/", views.feedback_edit, name="feedback_edit"),
    path("<int:pk>/release/", views.feedback_release, name="feedback_release"),
    path("<int:pk>/discard/", views.feedback_discard, name="feedback_discard"),
    path("<int:pk>/reply/", views.feedback_reply, name="feedback_reply"),
    path("<int:pk>/attachment/", views.feedback_attachment, name="feedback_attachment"),
    path(
        "revisions/<int:pk>/attachment/",
        views.revision_attachment,
        name="revision_attachment",
    ),
]
