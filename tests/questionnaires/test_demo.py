"""Demo questionnaires: three schema self-checks per trainee over six months, one shared, and a rating."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from questionnaires.demo import seed_questionnaires
from questionnaires.selectors import administrations_about
from supervision.demo.people import seed_people
from worksheets.library.questionnaires import SCHEMA_SELF_CHECK, library_templates
from worksheets.models import Entry
from worksheets.services.library import library_load

pytestmark = pytest.mark.django_db


def test_each_trainee_has_three_self_checks_over_six_months_one_shared(client):
    people = seed_people()
    library_load(templates=library_templates())
    seed_questionnaires(people)
    snapshot = list(Entry.objects.values_list("pk", "version", "status", "released_at"))
    seed_questionnaires(people)
    assert list(Entry.objects.values_list("pk", "version", "status", "released_at")) == snapshot

    key = SCHEMA_SELF_CHECK
    for trainee, supervisor in (("trainee1", "supervisor"), ("trainee2", "supervisor_in_training")):
        person = people[trainee]
        runs = list(administrations_about(person, key, viewer=person))
        assert len(runs) == 3
        span = runs[-1].submitted_at - runs[0].submitted_at
        assert datetime.timedelta(days=150) < span <= datetime.timedelta(days=183)
        assert runs[-1].submitted_at < timezone.now()
        scores = [[scale["score"] for scale in run.result["scales"]] for run in runs]
        assert scores[0] != scores[1] != scores[2]
        shared = list(administrations_about(person, key, viewer=people[supervisor]))
        assert len(shared) == 1
        # Dr Holt supervises Omar's supervisor but never sees what Omar shared with him.
        if trainee == "trainee2":
            assert not administrations_about(person, key, viewer=people["supervisor"]).exists()

    client.force_login(people["supervisor"])
    page = client.get(reverse("questionnaires:index")).content.decode()
    assert "Results shared with you" in page and people["trainee1"].name in page
    assert "Ratings you gave" in page and "Released" in page
    client.force_login(people["trainee1"])
    history = reverse("questionnaires:history", args=[people["trainee1"].pk, key])
    assert "3 administrations" in client.get(history).content.decode()
