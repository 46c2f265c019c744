"""URLs of the supervision app; supervision/README.md lists the permission each needs."""

from django.urls import path

from supervision.views import dashboard

app_name = "supervision"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
]
