"""Recording the homework review, which the pair does together at the next meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from homework.forms import ReviewForm
from homework.services.reviews import review_record
from homework.views.access import assignment_for, meeting_of
from supervision.forms import apply_errors
from supervision.idempotency import create_once


@login_required
def review_create(request, pk: int):
    assignment = assignment_for(request, pk, "review_assignment")
    meeting = meeting_of(request, assignment.supervision)
    step = _step_of(request, assignment)
    reviews = assignment.reviews.filter(occurrence=step)
    latest = reviews.first()
    # The review being edited: the one of this meeting, or without a meeting the latest one.
    if meeting is not None:
        existing = reviews.filter(reviewed_on=meeting.date).first()
    else:
        existing = latest
        meeting = latest.meeting if latest and latest.meeting_id else None
    not_yet = meeting is not None and meeting.date > timezone.localdate()
    form = ReviewForm(request.POST or None, instance=None, initial=_initial(existing or latest))
    if request.method == "POST" and not not_yet and form.is_valid():
        try:
            create_once(
                request,
                lambda: review_record(
                    assignment=assignment,
                    recorder=request.user,
                    data=form.cleaned_data,
                    meeting=meeting,
                    reviewed_on=meeting.date if meeting else (existing and existing.reviewed_on),
                    occurrence=step,
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Review saved." if existing else "Review recorded.")
            if meeting is not None:
                return redirect("supervision:meeting_detail", meeting.pk)
            return redirect("homework:assignment_detail", assignment.pk)
    context = {
        "form": form,
        "assignment": assignment,
        "meeting": meeting,
        "existing": existing,
        "not_yet": not_yet,
        "step": step,
    }
    return render(request, "homework/review_form.html", context)


def _step_of(request, assignment):
    """The released step named in ?step= (a homework in steps), or None for the whole homework."""
    step_id = request.GET.get("step") or request.POST.get("step")
    if not step_id:
        return None
    if not str(step_id).isdigit():
        raise Http404
    return get_object_or_404(assignment.expected.filter(held=False), pk=step_id)


def _initial(review) -> dict:
    if review is None:
        return {}
    return {name: getattr(review, name) for name in ReviewForm.Meta.fields}
