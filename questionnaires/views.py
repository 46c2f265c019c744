"""Thin views: questionnaire results, each scale over time, two results side by side, ratings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from questionnaires import presenters
from questionnaires.forms import CompareForm, RatingStartForm
from questionnaires.selectors import (
    administrations_about,
    administrations_shared_with,
    current_supervisees,
    own_administrations,
    questionnaires_startable_by,
    ratings_given,
    ratings_received,
)
from questionnaires.services import rating_release, rating_start
from supervision.forms import apply_errors
from supervision.idempotency import create_once
from supervision.models import User
from supervision.page_parts import kept
from supervision.viewer import object_for
from worksheets.models import Entry, TemplateVersion
from worksheets.selectors.templates import templates_visible_to


def _history_url(person_pk: int, key: str) -> str:
    return reverse("questionnaires:history", args=[person_pk, key])


def _latest_per_questionnaire(entries, person_of) -> list[dict]:
    """One row per (person, questionnaire): the latest administration and how many there are."""
    rows: dict[tuple[int, str], dict] = {}
    for entry in entries:  # newest first
        person = person_of(entry)
        key = (person.pk, entry.template_version.questionnaire_key)
        if key not in rows:
            rows[key] = {
                "person": person,
                "title": entry.template_version.title,
                "latest": entry,
                "count": 0,
                "shared": False,
                "history_url": _history_url(*key),
            }
        rows[key]["count"] += 1
        rows[key]["shared"] = rows[key]["shared"] or getattr(entry, "is_shared", False)
    return list(rows.values())


@login_required
@require_GET
def index(request):
    user = request.user
    context = {
        "own": _latest_per_questionnaire(own_administrations(user), lambda _entry: user),
        "shared": _latest_per_questionnaire(administrations_shared_with(user), lambda e: e.author),
        "received": list(ratings_received(user)),
        "given": list(ratings_given(user)),
        "available": list(questionnaires_startable_by(user)),
    }
    return render(request, "questionnaires/index.html", context)


def _history_entries(request, person_pk: int, key: str):
    if person_pk == request.user.pk:
        person = request.user  # one's own history: the person is already loaded
    else:
        # Their name is all the pages show of them.
        people = User.objects.only("display_name", "first_name", "last_name", "email")
        person = get_object_or_404(people, pk=person_pk)
    runs = presenters.administrations(administrations_about(person, key, viewer=request.user))
    if not runs:
        # Nothing here the person may read: the same answer as for someone else's entry.
        raise Http404
    return person, [run.entry for run in runs], runs


HISTORY_CONTENT = "questionnaires/includes/_history_content.html"


@login_required
@require_GET
def history(request, person_pk: int, key: str):
    # Kept as a page part with its title (supervision.page_parts); a 404 is raised from inside.
    title, content = kept(request, HISTORY_CONTENT, lambda: _history(request, person_pk, key))
    context = {"title": title, "content": mark_safe(content)}
    return render(request, "questionnaires/history.html", context)


def _history(request, person_pk: int, key: str) -> tuple[str, str]:
    """The history's title and its content's HTML."""
    person, entries, runs = _history_entries(request, person_pk, key)
    initial = {"second": runs[-1].entry.pk}
    if len(runs) > 1:
        initial["first"] = runs[-2].entry.pk
    context = {
        "person": person,
        "is_self": person.pk == request.user.pk,
        "is_rating": runs[-1].entry.is_rating,
        "title": runs[-1].entry.template_version.title,
        "key": key,
        "runs": runs,
        "scales": presenters.history(runs),
        "compare_form": CompareForm(administrations=entries, initial=initial)
        if len(runs) > 1
        else None,
    }
    return context["title"], render_to_string(HISTORY_CONTENT, context, request)


@login_required
@require_GET
def compare(request, person_pk: int, key: str):
    person, entries, runs = _history_entries(request, person_pk, key)
    form = CompareForm(request.GET, administrations=entries)
    context = {
        "person": person,
        "is_self": person.pk == request.user.pk,
        "title": runs[-1].entry.template_version.title,
        "key": key,
        "form": form,
        "history_url": _history_url(person.pk, key),
    }
    if not form.is_valid():
        return render(request, "questionnaires/compare.html", context, status=400)
    by_pk = {run.entry.pk: run for run in runs}
    first, second = by_pk[form.cleaned_data["first"].pk], by_pk[form.cleaned_data["second"].pk]
    # (The form only offers administrations this person may read.)
    context.update(first=first, second=second, **presenters.comparison(first, second))
    return render(request, "questionnaires/compare.html", context)


def _rating_version(request, pk) -> tuple:
    template = get_object_or_404(
        templates_visible_to(request.user).filter(live=True).with_current_version(), pk=pk
    )
    version = None
    if template.current_version_id:
        version = TemplateVersion.objects.get(pk=template.current_version_id)
    if version is None or not version.is_rating:
        raise Http404
    return template, version


@login_required
@require_http_methods(["GET", "POST"])
def rating_start_view(request, pk):
    template, version = _rating_version(request, pk)
    supervisees = current_supervisees(request.user)
    if not supervisees.exists():
        # Only a supervisor rates, and only people they supervise now.
        raise Http404
    if request.method == "POST":
        form = RatingStartForm(request.POST, supervisees=supervisees)
        if form.is_valid():
            try:
                entry = create_once(
                    request,
                    lambda: rating_start(
                        rater=request.user,
                        template_version=version,
                        subject=form.cleaned_data["subject"],
                    ),
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return redirect("worksheets:entry_edit", pk=entry.pk)
        status = 400
    else:
        form = RatingStartForm(supervisees=supervisees)
        status = 200
    context = {"template": template, "version": version, "form": form}
    return render(request, "questionnaires/rating_start.html", context, status=status)


@login_required
@require_POST
def rating_release_view(request, pk):
    # Only the rater releases, and only a rating they have submitted.
    ratings = Entry.objects.filter(
        author=request.user, subject__isnull=False, status=Entry.Status.SUBMITTED
    )
    entry = object_for(request, ratings.select_related("subject"), pk, view="view_entry")
    if entry.is_released:
        messages.info(request, f"{entry.subject.name} can already read this rating.")
    else:
        rating_release(entry=entry)
        messages.success(request, f"Released: {entry.subject.name} can now read this rating.")
    return redirect("worksheets:entry_detail", pk=entry.pk)
