"""Lets active supervisors into the Wagtail admin, where they write worksheet templates of their own."""

from django.contrib.auth.backends import BaseBackend

from worksheets.permissions import may_author_templates

ADMIN_ACCESS = "wagtailadmin.access_admin"


class SupervisorAdminAccessBackend(BaseBackend):
    """Grants only admin access; what a supervisor may do there is the worksheet policy's business."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        return obj is None and perm == ADMIN_ACCESS and may_author_templates(user_obj)
