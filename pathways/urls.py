"""Pathway URLs; pathways/README.md lists the permission each needs."""

from django.urls import path

from pathways import views

app_name = "pathways"

urlpatterns = [
    path(
        "supervisions/<int:supervision_id>/assign/",
        views.pathway_assign_view,
        name="assign",
    ),
    path("<int:pk>/copy/", views.pathway_copy_view, name="copy"),
    path("<int:pk>/sharing/", views.pathway_sharing_view, name="sharing"),
]
