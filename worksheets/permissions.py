"""Who may do what with worksheet templates and entries, and the Wagtail policy that enforces it.

Library templates (no owner) are curated by people holding the model permissions on
WorksheetTemplate (the Course staff group); every signed-in person may read and use them. A
supervisor's own templates are private: the owner and the colleagues they share with hold object
permissions, granted and revoked only in ``worksheets.services``. Nobody else sees them, not even an
administrator. Entries are clinical material and are checked with ``supervision.permissions``.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from supervision.permissions import objects_for_user
from supervision.viewer import viewer_for

TEMPLATE_ACTIONS = ("view", "change", "delete", "publish", "lock", "unlock")
TEMPLATE_OWNER_PERMS = tuple(f"{action}_worksheettemplate" for action in TEMPLATE_ACTIONS)
TEMPLATE_COLLEAGUE_PERMS = tuple(
    f"{action}_worksheettemplate" for action in ("view", "change", "publish", "lock", "unlock")
)
# What a supervisor may do in the admin with templates of their own (never with library ones).
AUTHOR_ACTIONS = frozenset({"add", *TEMPLATE_ACTIONS})

ENTRY_DRAFT_AUTHOR_PERMS = ("view_entry", "change_entry", "delete_entry")
ENTRY_EDIT_PERMS = ("change_entry", "delete_entry")
ENTRY_READER_PERMS = ("view_entry",)


def may_author_templates(user) -> bool:
    """Active supervisors write worksheet templates of their own (the roles of the request)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return viewer_for(user).roles.supervisor


def may_curate_library(user, action: str = "change") -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.has_perm(f"worksheets.{action}_worksheettemplate")


def owner_for_new_template(user):
    """Library curators add to the library; anyone else allowed to add a template owns it."""
    return None if may_curate_library(user, "add") else user


class OwnedSnippetPermissionPolicy(ModelPermissionPolicy):
    """Model permissions for a library (no owner), object permissions for people's own copies.

    Used for worksheet templates and, the same way, for pathways: subclasses name the model's
    ``owner``-holding model (``model`` from the policy's label), its guardian user-permission
    model (``user_permission_model``) and who may author their own (``may_author``).
    """

    user_permission_model_label = ""

    def may_author(self, user) -> bool:
        return may_author_templates(user)

    def codename(self, action: str) -> str:
        return f"{action}_{self.model._meta.model_name}"

    def _user_permission_model(self):
        from django.apps import apps

        return apps.get_model(self.user_permission_model_label)

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if super().user_has_permission(user, action):
            return True
        return action in AUTHOR_ACTIONS and self.may_author(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not (user.is_authenticated and user.is_active):
            return False
        if instance.is_library:
            if action == "view":
                return True
            return super().user_has_permission(user, action)
        if action not in TEMPLATE_ACTIONS:
            return False
        # Wagtail hands over the request's user; its viewer caches the lookups for the request.
        return viewer_for(user).has_perm(self.codename(action), instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = self.model.objects.all()
        if not (user.is_authenticated and user.is_active):
            return instances.none()
        condition = Q(pk__in=[])
        if "view" in actions or any(super().user_has_permission(user, a) for a in actions):
            condition |= Q(owner__isnull=True)
        codenames = [self.codename(action) for action in actions if action in TEMPLATE_ACTIONS]
        if codenames:
            private = objects_for_user(
                user, codenames, self.model.objects.filter(owner__isnull=False), any_perm=True
            )
            condition |= Q(pk__in=private.values("pk"))
        return instances.filter(condition)

    def users_with_any_permission(self, actions):
        codenames = [self.codename(action) for action in actions if action in TEMPLATE_ACTIONS]
        holders = (
            self._user_permission_model()
            .objects.filter(permission__codename__in=codenames)
            .values("user_id")
        )
        by_model = self._get_users_with_any_permission_codenames_filter(
            self._get_permission_codenames(actions)
        )
        return (
            get_user_model().objects.filter(by_model | Q(pk__in=holders, is_active=True)).distinct()
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        if instance.is_library:
            return (
                get_user_model()
                .objects.filter(
                    self._get_users_with_any_permission_codenames_filter(
                        self._get_permission_codenames(actions)
                    )
                )
                .distinct()
            )
        codenames = [self.codename(action) for action in actions if action in TEMPLATE_ACTIONS]
        holders = (
            self._user_permission_model()
            .objects.filter(content_object=instance, permission__codename__in=codenames)
            .values("user_id")
        )
        return get_user_model().objects.filter(pk__in=holders, is_active=True)


class WorksheetTemplatePermissionPolicy(OwnedSnippetPermissionPolicy):
    """Model permissions for the library, object permissions for a supervisor's own templates."""

    user_permission_model_label = "worksheets.WorksheetTemplateUserObjectPermission"


worksheet_template_policy = WorksheetTemplatePermissionPolicy("worksheets.WorksheetTemplate")
