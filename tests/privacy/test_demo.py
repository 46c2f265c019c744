"""Demo reads: a trainee sees which supervisor read their shared entries, loaded once however often run."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from supervision.models import ReadRecord, User

pytestmark = pytest.mark.django_db


def test_seed_demo_records_the_supervisors_reads_idempotently(client):
    call_command("seed_demo")
    first = ReadRecord.objects.count()
    assert first > 0
    call_command("seed_demo")
    assert ReadRecord.objects.count() == first

    trainee = User.objects.get(email="trainee1@example.org")
    client.force_login(trainee)
    page = client.get(reverse("privacy:reads")).content.decode()
    assert "Dr Maren Holt" in page
