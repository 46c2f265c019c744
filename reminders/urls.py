"""URLs of reminders; reminders/README.md lists the permission each needs."""

from django.urls import path

from reminders import views

app_name = "reminders"

urlpatterns = [
    path(
        "homework/<int:pk>/",
        views.assignment_reminders,
        name="assignment_reminders",
    ),
    path("tasks/", views.task_overview, name="task_overview"),
    path("tasks/<uuid:task_id>/retry/", views.task_retry_view, name="task_retry"),
]
