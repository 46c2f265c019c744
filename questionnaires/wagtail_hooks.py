"""Questionnaires in the Wagtail admin: the CSV import view and its place in the editor's menu."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.snippets.action_menu import ActionMenuItem

from questionnaires import admin_views
from worksheets.models import WorksheetTemplate
from worksheets.permissions import worksheet_template_policy


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "questionnaires/<str:pk>/import-items/",
            admin_views.import_items,
            name="questionnaires_import_items",
        )
    ]


class ImportItemsMenuItem(ActionMenuItem):
    """A link from a questionnaire's edit page to the CSV import of licensed items."""

    label = "Import items from CSV"
    name = "import-items"
    icon_name = "doc-full"

    def is_shown(self, context):
        instance = context.get("instance")
        if instance is None or instance.pk is None or context.get("locked_for_user"):
            return False
        user = context["request"].user
        return (
            worksheet_template_policy.user_has_permission_for_instance(user, "change", instance)
            and instance.read_questionnaire() is not None
        )

    def get_url(self, parent_context):
        return reverse("questionnaires_import_items", args=[parent_context["instance"].pk])


@hooks.register("construct_snippet_action_menu")
def questionnaire_action_menu(menu_items, request, context):
    if context.get("model") is not WorksheetTemplate or context.get("view") != "edit":
        return
    item = ImportItemsMenuItem(order=90)
    if item.is_shown(context):
        menu_items.append(item)
        menu_items.sort(key=lambda entry: entry.order)
