"""The Wagtail edit form of worksheet templates: publishing refuses a questionnaire that cannot be scored."""

from wagtail.admin.forms import WagtailAdminModelForm

from worksheets.scoring import authoring


class WorksheetTemplateAdminForm(WagtailAdminModelForm):
    """Drafts may be unfinished; publishing checks the questionnaire and puts each problem beside
    the block it concerns (a scale without items, bands with gaps or overlaps, an unknown scale)."""

    def _post_clean(self):
        super()._post_clean()
        # Wagtail defers validation while saving a draft or previewing; only publishing gets here
        # with it switched off. Fields that already failed keep their own errors.
        if getattr(self, "is_deferred_validation", False) or {"body", "scoring"} & set(self.errors):
            return
        authored = self.instance.read_questionnaire()
        if authored is None or authored.publishable:
            return
        errors = authoring.block_errors(
            authored.problems, body=self.instance.body, scoring_stream=self.instance.scoring
        )
        for field, error in errors.items():
            self.add_error(field, error)
