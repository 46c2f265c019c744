"""Re-authentication before sensitive actions: ending a relationship or a group."""

import time

import pytest
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.core.exceptions import ReauthenticationRequired
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View

from supervision.models import SupervisionGroup
from supervision.reauthentication import ReauthenticationRequiredMixin
from tests.factories import PASSWORD, make_group

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _required(settings):
    settings.SENSITIVE_ACTIONS_NEED_REAUTHENTICATION = True
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 300


def end(client, supervision):
    url = reverse("supervision:relationship_end", args=[supervision.pk])
    return url, client.post(url, {"ended_on": timezone.localdate().isoformat()})


def test_ending_a_relationship_asks_for_the_password_then_carries_the_request_out(
    client, administrator, supervision
):
    client.force_login(administrator)
    url = reverse("supervision:relationship_end", args=[supervision.pk])
    assert client.get(url).status_code == 200  # the form is shown; submitting it asks
    url, response = end(client, supervision)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    supervision.refresh_from_db()
    assert supervision.ended_on is None

    page = client.get(response.url)
    assert "Confirm it is you" in page.content.decode()
    wrong = client.post(response.url, {"password": "not-my-password"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["password"]

    done = client.post(response.url, {"password": PASSWORD})
    assert done.status_code == 302
    supervision.refresh_from_db()
    assert supervision.ended_on == timezone.localdate()


def test_a_recent_sign_in_counts_and_expires(client, administrator, supervision):
    response = client.post(
        reverse("account_login"), {"login": administrator.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    _, response = end(client, supervision)
    assert response.url == reverse("supervision:manage")  # no second prompt right after sign-in
    supervision.refresh_from_db()
    assert supervision.ended_on is not None


def test_an_old_sign_in_does_not_count(client, administrator, supervision):
    client.post(reverse("account_login"), {"login": administrator.email, "password": PASSWORD})
    session = client.session
    records = session[AUTHENTICATION_METHODS_SESSION_KEY]
    records[-1]["at"] = time.time() - 301
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()
    _, response = end(client, supervision)
    assert response.url.startswith(reverse("account_reauthenticate"))


def test_ending_a_group_asks_too(client, administrator, supervisor, supervisee):
    group = make_group(supervisor, [supervisee])
    client.force_login(administrator)
    response = client.post(
        reverse("supervision:group_end", args=[group.pk]),
        {"end-ended_on": timezone.localdate().isoformat()},
    )
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert SupervisionGroup.objects.get(pk=group.pk).ended_on is None


def test_the_mixin_asks_the_same_of_a_class_based_view(rf, administrator):
    class SensitiveView(ReauthenticationRequiredMixin, View):
        def get(self, request):
            return HttpResponse("form")

        def post(self, request):
            return HttpResponse("done")

    def request(method):
        made = getattr(rf, method)("/sensitive/")
        made.user, made.session = administrator, SessionStore()
        return made

    assert SensitiveView.as_view()(request("get")).content == b"form"
    with pytest.raises(ReauthenticationRequired):
        SensitiveView.as_view()(request("post"))
