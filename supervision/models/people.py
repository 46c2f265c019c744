"""People: a custom user who signs in with an e-mail address and has a display name and time zone."""

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from supervision.text import refuse_direction_controls

AVAILABLE_ZONES = frozenset(zoneinfo.available_timezones()) - {"localtime", "Factory"}
TIMEZONE_CHOICES = sorted((name, name.replace("_", " ")) for name in AVAILABLE_ZONES)


def zone_or_default(name: str) -> zoneinfo.ZoneInfo:
    """The zone called ``name``, or settings.TIME_ZONE for a blank or vanished name (never raises)."""
    if name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def validate_time_zone(name: str) -> None:
    if name and name not in AVAILABLE_ZONES:
        raise ValidationError("Choose a time zone from the list.")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email: str):
        return self.get(email__iexact=email)


class User(AbstractUser):
    username = None
    email = models.EmailField("e-mail address", unique=True)
    display_name = models.CharField(
        max_length=150,
        blank=True,
        help_text="How your name is shown to others.",
        validators=[refuse_direction_controls],
    )
    # Blank until the person's browser reports it or they choose one; until then the site's
    # zone (settings.TIME_ZONE) is used (supervision.middleware.PersonTimeZoneMiddleware).
    # No choices on the field: the tz database changes with the machine, the migrations must not.
    timezone = models.CharField(
        "time zone", max_length=64, blank=True, default="", validators=[validate_time_zone]
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["display_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_case_insensitive_unique")
        ]

    def __str__(self) -> str:
        return self.name

    def get_full_name(self) -> str:
        # Wagtail's admin and Django's name a person by this: the name they chose to go by.
        return self.display_name or super().get_full_name()

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The person's time zone; the site's when unknown or no longer in the tz database."""
        return zone_or_default(self.timezone)

    # What ``name`` reads: a list that names people loads these columns of them and no others.
    NAME_FIELDS = ("display_name", "first_name", "last_name", "email")

    @classmethod
    def name_columns(cls, *relations: str) -> tuple[str, ...]:
        """``.only()`` arguments for the name of each related person:
        ``User.name_columns("owner")`` is ``("owner__display_name", …, "owner__email")``."""
        return tuple(f"{relation}__{field}" for relation in relations for field in cls.NAME_FIELDS)

    @property
    def name(self) -> str:
        return self.get_full_name() or self.email.split("@")[0]

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        super().save(*args, **kwargs)
