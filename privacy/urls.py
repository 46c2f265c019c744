"""URLs of the privacy app; privacy/README.md lists the permission each needs."""

from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("export/", views.export, name="export"),
    path("export/<int:pk>/status/", views.export_status, name="export_status"),
    path("export/<int:pk>/download/", views.export_download, name="export_download"),
    path("reads/", views.reads, name="reads"),
    path("audit/", views.audit, name="audit"),
    path("people/<int:pk>/erase/", views.erase, name="erase"),
    path("erasures/<int:pk>/", views.erasure, name="erasure"),
]
