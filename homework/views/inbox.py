"""The supervisor's inbox: "Homework I set" across supervisees, what awaits them first."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from homework.forms import SetByMeFilterForm
from homework.selectors import homework_set_by

PER_PAGE = 50


@login_required
@require_GET
def set_by_me(request):
    """Anyone may open it; it lists only homework of relationships the person supervises."""
    today = timezone.localdate()
    form = SetByMeFilterForm(request.GET or None, supervisor=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    supervisee = filters.get("supervisee")
    rows = homework_set_by(
        request.user,
        supervisee_id=supervisee.pk if supervisee else None,
        status=filters.get("status", ""),
        due=filters.get("due", ""),
        today=today,
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "today": today,
        "filtered": any(filters.values()),
        "query": query.urlencode(),
    }
    return render(request, "homework/set_by_me.html", context)
