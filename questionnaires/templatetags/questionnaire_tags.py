"""What a scored questionnaire adds to the worksheet engine's pages, as inclusion tags.

The engine's templates load these (as they load feedback's ``feedback_link``), so the worksheet
views never import this app: an entry's result with its chart and history link, its score table
for printing, and on a template's page what the questionnaire looks at and who may rate with it.
"""

from django import template

from questionnaires import presenters

register = template.Library()


@register.inclusion_tag("questionnaires/includes/_profile.html")
def questionnaire_result(entry):
    """The profile of a submitted questionnaire entry (nothing for an entry without a result)."""
    return presenters.results_context(entry)


@register.inclusion_tag("questionnaires/includes/_score_table.html")
def questionnaire_score_table(entry, caption):
    """The scores of a submitted questionnaire entry as a table, e.g. on the printable page."""
    return {**presenters.results_context(entry), "caption": caption}


@register.inclusion_tag("questionnaires/includes/_about.html", takes_context=True)
def questionnaire_about(context, worksheet_template, version):
    """What the questionnaire looks at and, for a rating, whether the viewer may start one."""
    return {
        **presenters.template_context(version, user=context["request"].user),
        "template": worksheet_template,
        "version": version,
    }
