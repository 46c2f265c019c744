"""Entries that supervisees chose to share with the person signed in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from worksheets.selectors.entries import entries_shared_with


@login_required
@require_GET
def shared_with_me(request):
    entries = entries_shared_with(request.user)
    return render(request, "worksheets/shared_with_me.html", {"entries": entries})
