"""Top-level URLs: our apps first, the Wagtail admin at /cms/, course pages under /learn/ last."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("", include("supervision.urls")),
    path("worksheets/", include("worksheets.urls")),
    path("questionnaires/", include("questionnaires.urls")),
    path("accounts/", include("allauth.urls")),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("django-admin/", admin.site.urls),
    path(
        "favicon.ico",
        RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg", permanent=True),
    ),
    # Wagtail serves every path it is given, so it comes last.
    path("learn/", include(wagtail_urls)),
]
