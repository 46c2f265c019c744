"""Top-level URLs: our apps first, the Wagtail admin at /cms/, course pages under /learn/ last."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("", include("supervision.urls")),
    path("worksheets/", include("worksheets.urls")),
    path("courses/", include("courses.urls")),
    path("homework/", include("homework.urls")),
    path("feedback/", include("feedback.urls")),
    path("notifications/", include("notifications.urls")),
    path("exports/", include("exports.urls")),
    path("portfolios/", include("portfolios.urls")),
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
# Image renditions for course pages during development (only when DEBUG is on). Only that folder:
# other media may be private and is served through views that check permissions.
urlpatterns += static(f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images")
