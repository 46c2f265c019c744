"""URLs of the worksheets app; worksheets/README.md lists the permission each needs."""

from django.urls import path

from worksheets.views import entries, shared, templates

app_name = "worksheets"

urlpatterns = [
    path("", templates.library, name="library"),
    path("templates/<int:pk>/", templates.template_detail, name="template_detail"),
    path("templates/<int:pk>/start/", templates.template_start, name="template_start"),
    path("templates/<int:pk>/copy/", templates.template_copy, name="template_copy"),
    path("templates/<int:pk>/sharing/", templates.template_sharing, name="template_sharing"),
    path("entries/", entries.entry_list, name="entry_list"),
    path("entries/<int:pk>/", entries.entry_detail, name="entry_detail"),
    path("entries/<int:pk>/edit/", entries.entry_edit, name="entry_edit"),
    path("entries/<int:pk>/autosave/", entries.entry_autosave, name="entry_autosave"),
    path("entries/<int:pk>/print/", entries.entry_print, name="entry_print"),
    path("entries/<int:pk>/sharing/", entries.entry_sharing, name="entry_sharing"),
    path("entries/<int:pk>/discard/", entries.entry_discard, name="entry_discard"),
    path("shared/", shared.shared_with_me, name="shared_with_me"),
]
