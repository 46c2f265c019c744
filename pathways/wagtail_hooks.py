"""Pathways in the Wagtail admin: a snippet with ordered steps, guarded like worksheet templates.

Course staff edit library pathways; a supervisor's new pathway is their own and visible only to
them and the colleagues they share it with. Every admin URL naming a pathway answers 404 for one
the person may not see and 403 for an action they may not take on it.
"""

from functools import cached_property

from wagtail import hooks
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views

from pathways.models import Pathway
from pathways.permissions import pathway_policy
from pathways.services import pathway_owner_grant
from worksheets.admin_guard import copy_and_share_buttons, guarded_urlpatterns, visible_to

register_permission_policy(Pathway, pathway_policy)


def _visible(user):
    return visible_to(pathway_policy, user)


class PathwayCreateView(snippet_views.CreateView):
    """Course staff add to the library; a supervisor's new pathway is their own."""

    def save_instance(self):
        if not self.request.user.has_perm("pathways.add_pathway"):
            self.form.instance.owner = self.request.user
        instance = super().save_instance()
        pathway_owner_grant(pathway=instance)
        return instance


class PathwayViewSet(snippet_views.SnippetViewSet):
    model = Pathway
    icon = "list-ol"
    menu_label = "Pathways"
    menu_name = "pathways"
    menu_order = 260
    add_to_admin_menu = True
    add_view_class = PathwayCreateView
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["title", "introduction"]
    search_backend_name = None

    @cached_property
    def list_display(self):
        return [
            "title",
            Column("belongs_to", label="Belongs to", accessor=_belongs_to),
            UpdatedAtColumn(),
        ]

    def get_queryset(self, request):
        return _visible(request.user).select_related("owner")

    def get_urlpatterns(self):
        return guarded_urlpatterns(super().get_urlpatterns(), policy=pathway_policy)


def _belongs_to(pathway: Pathway) -> str:
    return "Library" if pathway.is_library else f"Own: {pathway.owner.name}"


register_snippet(PathwayViewSet)


@hooks.register("register_snippet_listing_buttons")
def pathway_site_buttons(snippet, user, next_url=None):
    """ "Copy to my pathways" for supervisors; "Share with colleagues" for the owner."""
    if not isinstance(snippet, Pathway):
        return []
    return copy_and_share_buttons(
        snippet,
        user,
        copy_url="pathways:copy",
        sharing_url="pathways:sharing",
        plural="pathways",
    )
