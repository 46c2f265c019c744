"""What pathways hold about a person, for export and erasure (``supervision.privacy``).

A supervisor's own pathways stay (colleagues they shared them with may use them; assigned ones
keep their steps in each run anyway). Assigned pathways are homework: their record is homework's.
"""

from pathways.models import Pathway
from supervision import privacy

KEPT = "Pathways they wrote may be in use by colleagues; kept, naming the tombstone."


def pathways_written(person) -> list[dict]:
    return list(
        Pathway.objects.filter(owner=person).values("id", "title", "introduction", "created_at")
    )


PROVIDER = privacy.Provider(
    app="pathways",
    holdings=(
        privacy.Holding("pathways.Pathway.owner", privacy.KEEP, KEPT),
        *privacy.object_permissions("pathways.PathwayUserObjectPermission"),
    ),
    exports=(privacy.Export("Pathways written", pathways_written),),
)
