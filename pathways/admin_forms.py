"""The Wagtail admin form of a pathway, which checks its steps before anything is saved."""

from wagtail.admin.forms import WagtailAdminModelForm

from pathways.rules import step_rule, steps_problems


class PathwayAdminForm(WagtailAdminModelForm):
    """Refuses a pathway without steps, a delay out of 1..365 days or a circle of waiting steps.

    The messages stand beside the step concerned (``pathways.rules``); nothing is saved until
    every step is right.
    """

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("steps")
        if formset is None or not formset.is_valid():
            return cleaned
        kept = [
            form
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        kept.sort(key=lambda form: form.cleaned_data.get("ORDER") or 0)
        for problem in steps_problems([step_rule(form.cleaned_data) for form in kept]):
            if problem.step is None:
                self.add_error(None, problem.message)
            else:
                kept[problem.step].add_error(problem.field, problem.message)
        return cleaned
