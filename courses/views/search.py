"""Search across the lessons of the courses a person may read."""

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from courses.selectors.lessons import lessons_matching

RESULTS_PER_PAGE = 20


@login_required
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results, describe = lessons_matching(request.user, query, request=request)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    hits = [describe(lesson) for lesson in page.object_list] if describe else []
    context = {
        "query": query,
        # What the result pages keep: the trimmed query alone, quoted as the urlencode filter
        # quotes it (%20, not +), so the pager's links stay the ones this page always had.
        "query_string": f"q={quote(query)}",
        "page_obj": page,
        "hits": hits,
    }
    return render(request, "courses/search.html", context)
