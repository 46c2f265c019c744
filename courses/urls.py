"""URLs of the course app outside the page tree; courses/README.md lists the permission each needs."""

from django.urls import path

from courses.views import learning, people, search

app_name = "courses"

urlpatterns = [
    path("search/", search.search, name="search"),
    path("lessons/<int:lesson_id>/progress/", learning.lesson_progress, name="lesson_progress"),
    path(
        "lessons/<int:lesson_id>/exercises/<int:worksheet_id>/start/",
        learning.exercise_start,
        name="exercise_start",
    ),
    path("<int:course_id>/supervisees/", learning.supervisees, name="supervisees"),
    path("<int:course_id>/people/", people.people, name="people"),
    path("<int:course_id>/people/list/", people.people_list, name="people_list"),
    path(
        "<int:course_id>/people/list/confirm/",
        people.people_list_confirm,
        name="people_list_confirm",
    ),
    path(
        "<int:course_id>/people/<int:enrollment_id>/remove/",
        people.enrollment_remove_view,
        name="enrollment_remove",
    ),
]
