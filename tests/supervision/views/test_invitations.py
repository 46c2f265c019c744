"""Inviting a supervisee by e-mail: a one-time link, a password, and the relationship starts."""

import datetime
import re
import uuid

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from supervision.models import Invitation, Supervision, User
from supervision.permissions import ClinicalPermissionChecker
from tests.factories import PASSWORD, UserFactory, make_group, make_supervision

pytestmark = pytest.mark.django_db

INVITE = reverse("supervision:invitation_create")


def invite(client, **data):
    payload = {"email": "new.trainee@example.org", "kind": "clinical", "display_name": "Nia New"}
    payload.update(data)
    return client.post(INVITE, payload)


def link_in(message) -> str:
    return re.search(r"https?://\S+/invitations/\S+/", message.body).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_supervisor_invites_and_the_new_person_sets_a_password(client, supervisor, supervision):
    client.force_login(supervisor)
    response = invite(client)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.trainee@example.org"]
    assert supervisor.name in message.subject
    link = path_of(link_in(message))

    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert "Choose a password" in page.content.decode()
    # Bad input keeps the name and explains the password problem.
    response = client.post(
        link, {"display_name": "Nia New", "password1": "short", "password2": "short"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert not User.objects.filter(email="new.trainee@example.org").exists()
    response = client.post(
        link,
        {
            "display_name": "Nia New",
            "password1": "a-long-secret-pass-9",
            "password2": "a-long-secret-pass-9x",
        },
    )
    assert "not the same" in str(response.context["form"].errors["password2"])

    response = client.post(
        link,
        {
            "display_name": "Nia New",
            "password1": "a-long-secret-pass-9",
            "password2": "a-long-secret-pass-9",
        },
    )
    newcomer = User.objects.get(email="new.trainee@example.org")
    supervision = Supervision.objects.get(supervisor=supervisor, supervisee=newcomer)
    assert response.status_code == 302
    assert response.url == reverse("supervision:supervision_detail", args=[supervision.pk])
    assert newcomer.check_password("a-long-secret-pass-9")
    assert newcomer.display_name == "Nia New"
    assert supervision.started_on == timezone.localdate()
    assert ClinicalPermissionChecker(newcomer).has_perm("bring_case", supervision)
    invitation.refresh_from_db()
    assert invitation.accepted_at and invitation.supervision == supervision
    # They are signed in; the same form sent again (a double click) just leads them on.
    assert client.get(reverse("supervision:dashboard")).context["user"] == newcomer
    again = client.post(link, {"display_name": "Nia New"})
    assert again.url == reverse("supervision:supervision_detail", args=[supervision.pk])
    assert User.objects.filter(email="new.trainee@example.org").count() == 1
    # For anyone else the used link does not work.
    client.logout()
    assert client.get(link).status_code == 404


def test_an_invitation_into_a_group(client, supervisor):
    group = make_group(supervisor, [UserFactory()])
    client.force_login(supervisor)
    invite(client, group=group.pk)
    link = path_of(link_in(mail.outbox[0]))
    client.logout()
    client.post(
        link,
        {
            "display_name": "G",
            "password1": "a-long-secret-pass-9",
            "password2": "a-long-secret-pass-9",
        },
    )
    newcomer = User.objects.get(email="new.trainee@example.org")
    assert group.memberships.filter(supervisee=newcomer).exists()


def test_someone_with_an_account_signs_in_to_accept(client, supervisor, supervision):
    existing = UserFactory(email="known@example.org")
    client.force_login(supervisor)
    invite(client, email="Known@Example.org")
    link = path_of(link_in(mail.outbox[0]))
    client.logout()
    page = client.get(link)
    assert "Sign in to accept" in page.content.decode()
    assert client.post(link).url.startswith(reverse("account_login"))

    client.post(reverse("account_login"), {"login": "known@example.org", "password": PASSWORD})
    assert "Accept and start" in client.get(link).content.decode()
    assert client.post(link).status_code == 302
    assert Supervision.objects.filter(supervisor=supervisor, supervisee=existing).exists()


def test_a_link_opened_in_someone_elses_session_does_nothing(client, supervisor, supervision):
    client.force_login(supervisor)
    invite(client)
    link = path_of(link_in(mail.outbox[0]))
    client.force_login(UserFactory())
    assert "for someone else" in client.get(link).content.decode()
    response = client.post(
        link,
        {
            "display_name": "X",
            "password1": "a-long-secret-pass-9",
            "password2": "a-long-secret-pass-9",
        },
    )
    assert response.status_code == 403
    assert not User.objects.filter(email="new.trainee@example.org").exists()


def test_cancelled_expired_and_tampered_links_do_not_work(client, supervisor, supervision):
    client.force_login(supervisor)
    invite(client)
    invite(client, email="second@example.org")
    first_link = path_of(link_in(mail.outbox[0]))
    second_link = path_of(link_in(mail.outbox[1]))
    first = Invitation.objects.get(email="new.trainee@example.org")
    assert client.post(reverse("supervision:invitation_cancel", args=[first.pk])).status_code == 302
    first.refresh_from_db()
    assert first.cancelled_at is not None
    client.logout()
    assert client.get(first_link).status_code == 404
    assert client.get(second_link[:-3] + "00/").status_code == 404
    Invitation.objects.filter(email="second@example.org").update(
        created_at=timezone.now() - datetime.timedelta(days=15)
    )
    assert client.get(second_link).status_code == 404
    assert "does not work" in client.get(second_link).content.decode()


@pytest.mark.parametrize("who", ["supervisor", "administrator"])
def test_cancelling_an_invitation_a_second_time_says_it_is_already_cancelled(
    client, supervisor, supervision, administrator, who
):
    """Two tabs: the second cancel found no waiting invitation and answered 404."""
    client.force_login(supervisor)
    invite(client)
    invitation = Invitation.objects.get()
    client.force_login(supervisor if who == "supervisor" else administrator)
    url = reverse("supervision:invitation_cancel", args=[invitation.pk])
    assert client.post(url).status_code == 302
    cancelled_at = Invitation.objects.get().cancelled_at
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(
        "supervision:dashboard" if who == "supervisor" else "supervision:manage"
    )
    assert "The invitation to new.trainee@example.org was already cancelled." in (
        response.content.decode()
    )
    assert Invitation.objects.get().cancelled_at == cancelled_at


def test_cancelling_an_accepted_or_expired_invitation_says_why_it_cannot_be(
    client, supervisor, supervision
):
    client.force_login(supervisor)
    invite(client)
    invite(client, email="second@example.org")
    accepted = Invitation.objects.get(email="new.trainee@example.org")
    accepted.accepted_at = timezone.now()
    accepted.save(update_fields=["accepted_at"])
    Invitation.objects.filter(email="second@example.org").update(
        created_at=timezone.now() - datetime.timedelta(days=15)
    )
    expired = Invitation.objects.get(email="second@example.org")
    for invitation, message in ((accepted, "already been accepted"), (expired, "has expired")):
        url = reverse("supervision:invitation_cancel", args=[invitation.pk])
        response = client.post(url, follow=True)
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not Invitation.objects.filter(cancelled_at__isnull=False).exists()


def test_someone_elses_invitation_stays_unknown_whatever_its_state(client, supervisor, supervision):
    client.force_login(supervisor)
    invite(client)
    invitation = Invitation.objects.get()
    url = reverse("supervision:invitation_cancel", args=[invitation.pk])
    client.post(url)
    client.force_login(UserFactory())
    assert client.post(url).status_code == 404


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("self", "cannot supervise themselves"),
        ("already", "already in individual supervision"),
        ("waiting", "already waiting"),
        ("bad_email", "Enter a valid email address."),
    ],
)
def test_bad_invitations_are_refused_next_to_the_field(
    client, supervisor, supervision, case, message
):
    client.force_login(supervisor)
    email = {
        "self": supervisor.email,
        "already": supervision.supervisee.email,
        "waiting": "twice@example.org",
        "bad_email": "not-an-address",
    }[case]
    if case == "waiting":
        invite(client, email=email)
    before = Invitation.objects.count()
    response = invite(client, email=email)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["email"])
    assert response.context["form"]["display_name"].value() == "Nia New"
    assert Invitation.objects.count() == before


def test_double_submit_sends_one_invitation(client, supervisor, supervision):
    client.force_login(supervisor)
    key = str(uuid.uuid4())
    invite(client, submission_key=key)
    invite(client, submission_key=key)
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_administrator_invites_on_behalf_of_a_supervisor(client, administrator, supervisor):
    client.force_login(administrator)
    response = client.post(
        INVITE,
        {"supervisor": supervisor.pk, "email": "via.admin@example.org", "kind": "meta"},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.supervisor == supervisor
    assert invitation.invited_by == administrator
    assert invitation.kind == "meta"


def test_a_supervisor_cannot_invite_into_someone_elses_group(client, supervisor, supervision):
    make_group(supervisor, [UserFactory()])
    foreign = make_group(UserFactory(), [UserFactory()])
    client.force_login(supervisor)
    response = invite(client, group=foreign.pk)
    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["form"].errors["group"])
    assert not Invitation.objects.exists()


def test_a_supervisee_cannot_invite(client, supervisee, supervision):
    client.force_login(supervisee)
    assert client.get(INVITE).status_code == 403


def test_waiting_invitations_show_on_the_supervisors_dashboard(client, supervisor):
    make_supervision(supervisor)
    client.force_login(supervisor)
    invite(client)
    content = client.get(reverse("supervision:dashboard")).content.decode()
    assert "new.trainee@example.org" in content
    assert "Cancel invitation" in content
