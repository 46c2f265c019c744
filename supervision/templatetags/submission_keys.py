"""`{% submission_key %}`: the hidden one-time key of a create form that has no Django form class."""

import uuid

from django import template
from django.utils.html import format_html

from supervision.idempotency import FIELD

register = template.Library()


@register.simple_tag
def submission_key() -> str:
    """A hidden input with a fresh key; see `supervision.idempotency.create_once`."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, uuid.uuid4())
