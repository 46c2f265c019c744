"""The landing page after sign-in: what each of the person's roles lets them do next."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from supervision.selectors.relationships import (
    supervisions_as_supervisee,
    supervisions_as_supervisor,
)


@login_required
def dashboard(request):
    context = {
        "as_supervisor": supervisions_as_supervisor(request.user),
        "as_supervisee": supervisions_as_supervisee(request.user),
    }
    return render(request, "supervision/dashboard.html", context)
