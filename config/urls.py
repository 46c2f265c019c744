"""Top-level URLs: our apps first (those with a prefix of their own, then supervision's at the
root), the Wagtail admin at /cms/, course pages under /learn/ last."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.views import health
from privacy import views as privacy_views
from supervision.views.account import admin_sign_in

urlpatterns = [
    path("health/", health, name="health"),
    path("worksheets/", include("worksheets.urls")),
    path("courses/", include("courses.urls")),
    path("homework/", include("homework.urls")),
    path("feedback/", include("feedback.urls")),
    path("notifications/", include("notifications.urls")),
    path("exports/", include("exports.urls")),
    path("portfolios/", include("portfolios.urls")),
    path("questionnaires/", include("questionnaires.urls")),
    path("recordings/", include("recordings.urls")),
    path("reminders/", include("reminders.urls")),
    path("pathways/", include("pathways.urls")),
    path("privacy/", include("privacy.urls")),
    # After the apps with a prefix of their own: a path is tried against every pattern of an
    # include that fails it, and this one has no prefix, so each hand-in, feedback or homework
    # page paid for trying the forty of supervision first (a tenth of a hand-in's Python; issue
    # 11). Its paths share no first segment with the apps above, so the order changes nothing.
    path("", include("supervision.urls")),
    path("accounts/", include("allauth.urls")),
    # Before the admin's own URLs: deleting a person in Wagtail goes through erasure (issue 13).
    path(
        "cms/users/delete/<str:pk>/",
        privacy_views.wagtail_user_delete,
        name="privacy_wagtail_user_delete",
    ),
    # Both admins sign people in through our sign-in, with its second step.
    path("cms/login/", admin_sign_in, {"admin": "cms"}, name="cms_sign_in"),
    path("django-admin/login/", admin_sign_in, {"admin": "django"}, name="django_admin_sign_in"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("django-admin/", admin.site.urls),
    path(
        "favicon.ico",
        RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg", permanent=True),
    ),
    # Wagtail serves every path it is given, so it comes last (its URLs, with our page view).
    path("learn/", include("courses.page_urls")),
]
# Image renditions for course pages during development (only when DEBUG is on). Only that folder:
# other media may be private and is served through views that check permissions.
urlpatterns += static(f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images")
