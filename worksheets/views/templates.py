"""The worksheet library: browse, look inside, start as self-practice, copy and share templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from supervision.forms import apply_errors
from supervision.idempotency import create_once
from worksheets.forms.templates import TemplateSharingForm
from worksheets.models import TemplateVersion, WorksheetTemplate
from worksheets.permissions import may_author_templates, worksheet_template_policy
from worksheets.presenters import question_overview
from worksheets.selectors.templates import (
    sharing_candidates,
    templates_startable_by,
    templates_visible_to,
)
from worksheets.services.entries import entry_start
from worksheets.services.templates import (
    template_colleagues,
    worksheet_template_copy,
    worksheet_template_sharing_set,
)


def _admin_edit_url(template: WorksheetTemplate) -> str:
    return reverse(WorksheetTemplate.snippet_viewset.get_url_name("edit"), args=[template.pk])


@login_required
@require_GET
def library(request):
    search = request.GET.get("q", "").strip()[:100]
    topic = request.GET.get("topic", "")
    templates = templates_startable_by(request.user).filter(owner__isnull=True)
    if search:
        templates = templates.filter(Q(title__icontains=search) | Q(introduction__icontains=search))
    if topic in WorksheetTemplate.Topic.values:
        templates = templates.filter(topic=topic)
    topics = []
    by_topic: dict[str, list] = {}
    for template in templates.order_by("topic", "title"):
        by_topic.setdefault(template.topic, []).append(template)
    for value, label in WorksheetTemplate.Topic.choices:
        if value in by_topic:
            topics.append({"value": value, "label": label, "templates": by_topic[value]})
    context = {
        "topics": topics,
        "search": search,
        "topic": topic,
        "topic_choices": WorksheetTemplate.Topic.choices,
        "may_author": may_author_templates(request.user),
    }
    if context["may_author"]:
        context["own_templates"] = (
            templates_visible_to(request.user)
            .filter(owner__isnull=False)
            .with_current_version()
            .select_related("owner")
            .order_by("title")
        )
    return render(request, "worksheets/library.html", context)


def _visible_template(request, pk) -> WorksheetTemplate:
    queryset = templates_visible_to(request.user).with_current_version().select_related("owner")
    return get_object_or_404(queryset, pk=pk)


@login_required
@require_GET
def template_detail(request, pk):
    template = _visible_template(request, pk)
    version = None
    if template.live and template.current_version_id:
        version = TemplateVersion.objects.get(pk=template.current_version_id)
    user = request.user
    context = {
        "template": template,
        "version": version,
        "questions": question_overview(version.definition) if version else [],
        "may_copy": may_author_templates(user),
        "may_edit": worksheet_template_policy.user_has_permission_for_instance(
            user, "change", template
        ),
        "is_owner": template.owner_id == user.pk,
        "admin_edit_url": _admin_edit_url(template),
    }
    return render(request, "worksheets/template_detail.html", context)


@login_required
@require_POST
def template_start(request, pk):
    template = _visible_template(request, pk)
    if not (template.live and template.current_version_id):
        raise Http404
    version = TemplateVersion.objects.get(pk=template.current_version_id)
    if version.is_rating:
        # A rating is about someone: it starts where the rater chooses whom they rate.
        return redirect("questionnaires:rating_start", pk=template.pk)
    entry = create_once(request, lambda: entry_start(author=request.user, template_version=version))
    return redirect("worksheets:entry_edit", pk=entry.pk)


@login_required
@require_http_methods(["GET", "POST"])
def template_copy(request, pk):
    template = _visible_template(request, pk)
    if not may_author_templates(request.user):
        raise Http404
    if request.method == "POST":
        duplicate = create_once(
            request, lambda: worksheet_template_copy(template=template, owner=request.user)
        )
        messages.success(
            request,
            f"“{duplicate.title}” is now one of your own templates, as a draft. "
            "Change it as you like, then publish it.",
        )
        return redirect(_admin_edit_url(duplicate))
    return render(request, "worksheets/template_copy.html", {"template": template})


@login_required
@require_http_methods(["GET", "POST"])
def template_sharing(request, pk):
    template = _visible_template(request, pk)
    if template.owner_id != request.user.pk:
        raise Http404
    current = template_colleagues(template)
    candidates = sharing_candidates(template)
    if request.method == "POST":
        form = TemplateSharingForm(request.POST, colleagues=candidates)
        if form.is_valid():
            try:
                worksheet_template_sharing_set(
                    template=template, colleagues=form.cleaned_data["colleagues"]
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, form.saved_message(template.title))
                return redirect("worksheets:template_detail", pk=template.pk)
    else:
        form = TemplateSharingForm(colleagues=candidates, initial={"colleagues": current})
    return render(request, "worksheets/template_sharing.html", {"template": template, "form": form})
