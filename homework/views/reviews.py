"""Recording the homework review, which the pair does together at the next meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from homework.forms import ReviewForm
from homework.services.reviews import review_record
from homework.views.access import assignment_for


@login_required
def review_create(request, pk: int):
    assignment = assignment_for(request, pk)
    latest = assignment.reviews.first()
    form = ReviewForm(request.POST or None, instance=None, initial=_initial(latest))
    if request.method == "POST" and form.is_valid():
        try:
            review_record(assignment=assignment, recorder=request.user, data=form.cleaned_data)
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            messages.success(request, "Review recorded.")
            return redirect("homework:assignment_detail", assignment.pk)
    return render(request, "homework/review_form.html", {"form": form, "assignment": assignment})


def _initial(review) -> dict:
    if review is None:
        return {}
    return {name: getattr(review, name) for name in ReviewForm.Meta.fields}
