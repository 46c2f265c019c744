"""What the privacy app holds about a person, and what the packages we use hold (``supervision.privacy``).

The packages (allauth, guardian, Wagtail, Django's admin) cannot register providers of their
own, so they are declared here, in the app that knows erasure. Course pages, their revisions and
history, images and documents belong to the course: kept, naming the tombstone. A person's
account records (e-mail addresses, admin profile, subscriptions, sessions of editing) go.
"""

from privacy.models import DataExport
from supervision import privacy

PACKAGE_KEPT = "Course content and its history belong to the course; kept, naming the tombstone."
ACCOUNT_GONE = "Part of their account."
ADMIN_HISTORY_KEPT = "The administrators' history of changes; kept, naming the tombstone."


def exports_made(person) -> list[dict]:
    return list(
        DataExport.objects.filter(person=person).values("created_at", "status", "downloaded_at")
    )


def _kept(*fields: str) -> tuple[privacy.Holding, ...]:
    return tuple(privacy.Holding(field, privacy.KEEP, PACKAGE_KEPT) for field in fields)


def _gone(*fields: str) -> tuple[privacy.Holding, ...]:
    return tuple(privacy.Holding(field, privacy.DELETE, ACCOUNT_GONE) for field in fields)


PROVIDER = privacy.Provider(
    app="privacy",
    holdings=(
        privacy.Holding(
            "privacy.DataExport.person",
            privacy.DELETE,
            "Their exports, with the files, which only they could download.",
        ),
        privacy.Holding(
            "privacy.Erasure.person", privacy.KEEP, "The report of this erasure, with counts only."
        ),
        privacy.Holding(
            "privacy.Erasure.erased_by", privacy.KEEP, "Who erased someone stays on the report."
        ),
    ),
    exports=(privacy.Export("Exports of your data", exports_made),),
)

PACKAGES = privacy.Provider(
    app="packages",
    holdings=(
        *_gone(
            "account.EmailAddress.user",
            "mfa.Authenticator.user",
            "guardian.UserObjectPermission.user",
            "wagtailusers.UserProfile.user",
            "wagtailadmin.EditingSession.user",
            "wagtailadmin.FormState.user",
            "wagtailcore.APIToken.user",
            "wagtailcore.PageSubscription.user",
            "wagtailcore.UploadedFile.uploaded_by_user",
        ),
        *_kept(
            "wagtailcore.Page.owner",
            "wagtailcore.Page.locked_by",
            "wagtailcore.Revision.user",
            "wagtailcore.WorkflowState.requested_by",
            "wagtailcore.TaskState.finished_by",
            "wagtailcore.Comment.user",
            "wagtailcore.Comment.resolved_by",
            "wagtailcore.CommentReply.user",
            "wagtaildocs.Document.uploaded_by_user",
            "wagtailimages.Image.uploaded_by_user",
        ),
        privacy.Holding("wagtailcore.PageLogEntry.user", privacy.KEEP, ADMIN_HISTORY_KEPT),
        privacy.Holding("wagtailcore.ModelLogEntry.user", privacy.KEEP, ADMIN_HISTORY_KEPT),
        privacy.Holding("admin.LogEntry.user", privacy.KEEP, ADMIN_HISTORY_KEPT),
    ),
)
