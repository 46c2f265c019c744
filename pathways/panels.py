"""What pathways show on homework's and supervision's pages; registered in ``PathwaysConfig.ready()``."""

from pathways.presenters import due_pathway_rows, step_line
from pathways.selectors import progress_for_assignment, progress_for_supervisee
from supervision.presenting import pk_url


def due_pathways(request) -> dict | None:
    """On "My homework": each pathway in progress, "3 of 7", the next step, the coming steps."""
    progress = progress_for_supervisee(request.user)
    return {"pathways": due_pathway_rows(progress)} if progress else None


def assignment_pathway(request, *, assignment) -> dict | None:
    """On a homework's page: the pathway's steps and when each opens (``steps``: each step's
    state with its ``step_line``)."""
    if assignment.schedule != assignment.Schedule.STEPS:
        return None
    progress = progress_for_assignment(assignment)
    if not progress:
        return None
    return {"progress": progress, "steps": [(state, step_line(state)) for state in progress.steps]}


def dashboard_actions(request, *, rows) -> dict:
    """ "Assign a pathway" beside "Set homework", for each running relationship."""
    url = pk_url("pathways:assign")  # one reverse() for the list, not one per row
    return {
        row.pk: {"url": url(row.pk), "person_name": row.supervisee.name}
        for row in rows
        if row.is_active
    }
