"""The log book: one supervisee's signed hours of one period, as a PDF with a verification code.

Made from what was signed (``HoursSignOff.contents``), never from the meetings as they are now,
so the PDF shows exactly what the supervisor signed and its code verifies
(``supervision.selectors.signoffs.signoff_verify``) until the period is reopened.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from supervision.models import HoursSignOff
from supervision.selectors.signoffs import verification_code
from supervision.viewer import object_for


class LogBook:
    key = "logbook"
    verbose_name = "Supervision log book"

    def params_from(self, data) -> dict:
        try:
            return {"signoff": int(data.get("signoff", ""))}
        except ValueError:
            raise Http404("No such sign-off.") from None

    def _signoff(self, request, params) -> HoursSignOff:
        return object_for(
            request,
            HoursSignOff.objects.select_related("supervision__supervisee"),
            params["signoff"],
            view="view_supervision",
            of=lambda signoff: signoff.supervision,
        )

    def authorize(self, request, params: dict) -> str:
        signoff = self._signoff(request, params)
        if not signoff.is_signed:
            raise PermissionDenied("Only a signed period has a log book.")
        return f"Log book: {signoff.supervision.supervisee.name}, {signoff.label}"

    def build(self, export, progress) -> tuple[str, dict, str]:
        signoff = HoursSignOff.objects.select_related("supervision").get(
            pk=export.params["signoff"]
        )
        if not signoff.is_signed:
            raise ValueError("The period was reopened before its log book was built.")
        contents = signoff.contents
        progress(20, f"{len(contents['meetings'])} meetings")
        context = {
            "signoff": signoff,
            "contents": contents,
            "code": verification_code(signoff),
            # The site's configured address (also Wagtail's), so the printed link works anywhere.
            "verify_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("supervision:logbook_verify"),
            "made_at": timezone.localtime(),
            "title": f"Supervision log book: {contents['supervisee']}",
        }
        slug = "".join(c if c.isalnum() else "-" for c in contents["supervisee"].lower())
        filename = f"log-book-{slug}-{signoff.starts_on:%Y-%m-%d}-{signoff.ends_on:%Y-%m-%d}.pdf"
        return "exports/logbook.html", context, filename
