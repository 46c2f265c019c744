"""Worksheet templates in the Wagtail admin: a snippet with drafts, revisions, locking and preview.

Every admin URL that names a template answers 404 for a template the person may not see and 403
for an action they may not take on it, so a supervisor never reaches another's private template.
"""

from functools import cached_property

from django.http import Http404
from wagtail import hooks
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import PublishMenuItem, UnpublishMenuItem
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from worksheets.admin_guard import copy_and_share_buttons, guarded_urlpatterns, visible_to
from worksheets.models import WorksheetTemplate
from worksheets.permissions import (
    owner_for_new_template,
    worksheet_template_policy,
)
from worksheets.services.templates import worksheet_template_owner_grant

# Registered before the viewset, so Wagtail never falls back to plain model permissions.
register_permission_policy(WorksheetTemplate, worksheet_template_policy)


def _visible(user):
    return visible_to(worksheet_template_policy, user)


class WorksheetTemplateCreateView(snippet_views.CreateView):
    """Course staff add to the library; a supervisor's new template is their own."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Wagtail's autosave creates the template on the add page and only then moves the editor
        # to the edit page; a Publish pressed in between posts to the add page again and makes a
        # second template of the same title (seen under load). The edit page keeps autosave.
        self.autosave_enabled = False

    def save_instance(self):
        # The owner is set before the first save, so that every revision records it.
        self.form.instance.owner = owner_for_new_template(self.request.user)
        instance = super().save_instance()
        worksheet_template_owner_grant(template=instance)
        return instance


class VisibleTemplatesChooseMixin:
    def get_object_list(self):
        return _visible(self.request.user)


class WorksheetTemplateChooseView(VisibleTemplatesChooseMixin, snippet_chooser.ChooseView):
    pass


class WorksheetTemplateChooseResultsView(
    VisibleTemplatesChooseMixin, snippet_chooser.ChooseResultsView
):
    pass


class WorksheetTemplateChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return _visible(self.request.user).get(pk=pk)


class WorksheetTemplateChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return _visible(self.request.user).filter(pk__in=pks)


class WorksheetTemplateChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = WorksheetTemplateChooseView
    choose_results_view_class = WorksheetTemplateChooseResultsView
    chosen_view_class = WorksheetTemplateChosenView
    chosen_multiple_view_class = WorksheetTemplateChosenMultipleView


class WorksheetTemplateViewSet(snippet_views.SnippetViewSet):
    model = WorksheetTemplate
    icon = "form"
    menu_label = "Worksheet templates"
    menu_name = "worksheet-templates"
    menu_order = 250
    add_to_admin_menu = True
    add_view_class = WorksheetTemplateCreateView
    chooser_viewset_class = WorksheetTemplateChooserViewSet
    # Copying goes through the site's "copy to my templates", which records where a copy came from.
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["title", "introduction"]
    search_backend_name = None
    list_filter = ["topic"]

    @cached_property
    def list_display(self):
        return [
            "title",
            Column("belongs_to", label="Belongs to", accessor=_belongs_to),
            Column("topic", label="Topic", accessor="get_topic_display"),
            UpdatedAtColumn(),
            LiveStatusTagColumn(),
        ]

    def get_queryset(self, request):
        return _visible(request.user).select_related("owner")

    def get_urlpatterns(self):
        return guarded_urlpatterns(super().get_urlpatterns(), policy=worksheet_template_policy)


def _belongs_to(template: WorksheetTemplate) -> str:
    return "Library" if template.is_library else f"Own: {template.owner.name}"


register_snippet(WorksheetTemplateViewSet)


class WorksheetTemplateDeleteBulkAction(DeleteBulkAction):
    """Bulk delete that never lists, let alone deletes, templates the person cannot see."""

    models = [WorksheetTemplate]

    @cached_property
    def _actionable_objects(self):
        ids = self.request.GET.getlist("id")
        visible = _visible(self.request.user)
        if "all" not in ids:
            visible = visible.filter(pk__in=[pk for pk in ids if pk.isdigit()])
        objects, no_access = [], []
        for template in visible:
            (objects if self.check_perm(template) else no_access).append(template)
        if not objects and not no_access:
            raise Http404
        return objects, {"items_with_no_access": no_access}


# Registered late so it replaces Wagtail's own delete action for this model.
hooks.register("register_bulk_action", WorksheetTemplateDeleteBulkAction, order=100)


@hooks.register("register_snippet_listing_buttons")
def worksheet_template_site_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, WorksheetTemplate):
        return []
    return copy_and_share_buttons(
        snippet,
        user,
        copy_url="worksheets:template_copy",
        sharing_url="worksheets:template_sharing",
        plural="templates",
    )


def _may_publish(context) -> bool:
    user, instance = context["request"].user, context.get("instance")
    if instance is None or instance.pk is None:
        return worksheet_template_policy.user_has_permission(user, "publish")
    return worksheet_template_policy.user_has_permission_for_instance(user, "publish", instance)


class WorksheetTemplatePublishMenuItem(PublishMenuItem):
    def is_shown(self, context):
        return not context.get("locked_for_user") and _may_publish(context)


class WorksheetTemplateUnpublishMenuItem(UnpublishMenuItem):
    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context["view"] == "edit"
            and instance is not None
            and instance.live
            and not context.get("locked_for_user")
            and _may_publish(context)
        )


@hooks.register("construct_snippet_action_menu")
def worksheet_template_action_menu(menu_items, request, context):
    """Wagtail shows Publish only to holders of the model permission; owners publish their own."""
    if context.get("model") is not WorksheetTemplate:
        return
    replaced = {PublishMenuItem.name, UnpublishMenuItem.name}
    menu_items[:] = [item for item in menu_items if item.name not in replaced]
    for item in (
        WorksheetTemplateUnpublishMenuItem(order=20),
        WorksheetTemplatePublishMenuItem(order=30),
    ):
        if item.is_shown(context):
            menu_items.append(item)
    menu_items.sort(key=lambda item: item.order)
