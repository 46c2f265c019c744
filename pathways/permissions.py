"""Who may do what with pathways: the worksheet templates' rules, applied to pathways.

Library pathways (no owner) are curated by holders of the model permissions on Pathway (the
Course staff group, ``library.pathway_curators_ensure``); every signed-in person may read and
assign them. A supervisor's own pathways are private to them and the colleagues they share with
(object permissions granted only in ``pathways.services``). Nobody else sees them.
"""

from worksheets.permissions import OwnedSnippetPermissionPolicy

# Pathways have no drafts or locks: only the model's own view, change and delete.
PATHWAY_OWNER_PERMS = ("view_pathway", "change_pathway", "delete_pathway")
PATHWAY_COLLEAGUE_PERMS = ("view_pathway", "change_pathway")


class PathwayPermissionPolicy(OwnedSnippetPermissionPolicy):
    user_permission_model_label = "pathways.PathwayUserObjectPermission"


pathway_policy = PathwayPermissionPolicy("pathways.Pathway")
