"""URLs of exports; tests/exports/test_authorization.py holds an expectation for each."""

from django.urls import path

from exports import views

app_name = "exports"

urlpatterns = [
    path("", views.export_list, name="export_list"),
    path("new/<slug:document>/", views.export_create, name="export_create"),
    path("<int:pk>/", views.export_detail, name="export_detail"),
    path("<int:pk>/download/", views.export_download, name="export_download"),
]
