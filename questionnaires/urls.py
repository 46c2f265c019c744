"""URLs of the questionnaires app; questionnaires/README.md lists the permission each needs."""

from django.urls import path

from questionnaires import views

app_name = "questionnaires"

urlpatterns = [
    path("", views.index, name="index"),
    path("history/<int:person_pk>/<slug:key>/", views.history, name="history"),
    path("history/<int:person_pk>/<slug:key>/compare/", views.compare, name="compare"),
    path("ratings/start/<int:pk>/", views.rating_start_view, name="rating_start"),
    path("ratings/<int:pk>/release/", views.rating_release_view, name="rating_release"),
]
