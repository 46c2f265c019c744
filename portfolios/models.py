"""A trainee's portfolio: chosen items of their own training, in order, with their commentary.

An item points at the trainee's own material and is read from it when shown, so the portfolio
never holds a copy that could drift from what was recorded. Who may read a portfolio is decided
by guardian permissions granted in ``portfolios.services``: the owner, and the supervisor of the
relationship the owner shared it with (who may also write a statement).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

SUMMARY_MAX_LENGTH = 10_000
COMMENTARY_MAX_LENGTH = 4_000
STATEMENT_MAX_LENGTH = 6_000


class Portfolio(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portfolios"
    )
    title = models.CharField(max_length=200)
    summary = models.TextField("reflective summary", blank=True, max_length=SUMMARY_MAX_LENGTH)
    # The relationship whose supervisor may read the portfolio and add a statement.
    shared_with = models.ForeignKey(
        "supervision.Supervision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    statement = models.TextField(
        "supervisor's statement", blank=True, max_length=STATEMENT_MAX_LENGTH
    )
    statement_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    statement_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        permissions = [("write_statement", "Write the supervisor's statement")]

    def __str__(self) -> str:
        return self.title


class PortfolioItem(models.Model):
    class Kind(models.TextChoices):
        ENTRY = "entry", "Worksheet entry with its feedback"
        QUESTIONNAIRE = "questionnaire", "Questionnaire results over time"
        RATING = "rating", "Rating received"
        LESSON = "lesson", "Lesson completed"

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    position = models.PositiveIntegerField()
    # Entry and rating items: the entry; questionnaire items: the questionnaire's key;
    # lesson items: the lesson.
    entry = models.ForeignKey(
        "worksheets.Entry", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    questionnaire_key = models.CharField(max_length=100, blank=True)
    lesson = models.ForeignKey(
        "courses.LessonPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    commentary = models.TextField(blank=True, max_length=COMMENTARY_MAX_LENGTH)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["portfolio", "entry"],
                condition=Q(entry__isnull=False),
                name="portfolio_item_entry_once",
            ),
            models.UniqueConstraint(
                fields=["portfolio", "lesson"],
                condition=Q(lesson__isnull=False),
                name="portfolio_item_lesson_once",
            ),
            models.UniqueConstraint(
                fields=["portfolio", "questionnaire_key"],
                condition=Q(kind="questionnaire"),
                name="portfolio_item_questionnaire_once",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind__in=["entry", "rating"], entry__isnull=False, lesson__isnull=True)
                    | Q(kind="lesson", lesson__isnull=False, entry__isnull=True)
                    | (
                        Q(kind="questionnaire", entry__isnull=True, lesson__isnull=True)
                        & ~Q(questionnaire_key="")
                    )
                ),
                name="portfolio_item_points_at_one_thing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} in {self.portfolio}"


class PortfolioUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Portfolio, on_delete=models.CASCADE)


class PortfolioGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Portfolio, on_delete=models.CASCADE)
