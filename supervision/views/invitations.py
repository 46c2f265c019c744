"""Inviting a supervisee by e-mail, cancelling an invitation, and accepting one through its link."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from supervision.forms import apply_errors
from supervision.forms.relationships import AcceptInvitationForm, InvitationForm
from supervision.idempotency import create_once
from supervision.models import SupervisionGroup, User
from supervision.selectors.invitations import (
    invitation_from_link,
    invitations_of,
    supervision_accepted_through,
)
from supervision.selectors.relationships import groups_led_by, people_for_administration
from supervision.services.invitations import (
    invitation_accept,
    invitation_cancel,
    invitation_create,
)
from supervision.viewer import viewer_for

SIGN_IN_BACKEND = "supervision.backends.PersonBackend"


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create_view(request):
    person = viewer_for(request).roles
    if not (person.supervisor or person.administrator):
        raise PermissionDenied
    if person.administrator:
        options = {
            "groups": SupervisionGroup.objects.current().select_related("supervisor"),
            "supervisors": people_for_administration(),
        }
    else:
        options = {"groups": groups_led_by(request.user)}
    form = InvitationForm(request.POST or None, **options)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = create_once(
                request,
                lambda: invitation_create(
                    invited_by=request.user,
                    supervisor=data.get("supervisor") or request.user,
                    email=data["email"],
                    display_name=data.get("display_name", ""),
                    kind=data["kind"],
                    group=data.get("group"),
                    site_url=request.build_absolute_uri("/"),
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect(
                "supervision:manage" if person.administrator else "supervision:dashboard"
            )
    return render(request, "supervision/invitations/create.html", {"form": form})


@login_required
@require_POST
def invitation_cancel_view(request, pk):
    administrator = viewer_for(request).roles.administrator
    # Any state, not only waiting: cancelled in another tab is said so, not a 404.
    invitations = invitations_of() if administrator else invitations_of(request.user)
    invitation = get_object_or_404(invitations, pk=pk)
    was_cancelled = invitation.cancelled_at is not None
    try:
        invitation_cancel(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if was_cancelled:
            messages.info(request, f"The invitation to {invitation.email} was already cancelled.")
        else:
            messages.success(request, f"Invitation to {invitation.email} cancelled.")
    return redirect("supervision:manage" if administrator else "supervision:dashboard")


@require_http_methods(["GET", "POST"])
def invitation_accept_view(request, uidb64, token):
    invitation = invitation_from_link(uidb64, token)
    if invitation is None:
        accepted = supervision_accepted_through(uidb64, request.user)
        if accepted is not None:
            # The same link sent twice (a double click): the first request already accepted it.
            return redirect("supervision:supervision_detail", pk=accepted.pk)
        return render(request, "supervision/invitations/invalid.html", status=404)
    account = User.objects.filter(email__iexact=invitation.email).first()
    signed_in = request.user.is_authenticated
    context = {"invitation": invitation}

    if signed_in and (account is None or account.pk != request.user.pk):
        if request.method == "POST":
            raise PermissionDenied
        return render(request, "supervision/invitations/other_account.html", context)

    if account is not None and not signed_in:
        if request.method == "POST":
            return redirect(f"{_login_url()}?next={request.path}")
        context["login_url"] = f"{_login_url()}?next={request.path}"
        return render(request, "supervision/invitations/sign_in_first.html", context)

    if account is not None:
        if request.method == "POST":
            return _accept(request, invitation, user=request.user)
        return render(request, "supervision/invitations/accept_existing.html", context)

    form = AcceptInvitationForm(
        request.POST or None,
        email=invitation.email,
        initial={"display_name": invitation.display_name},
    )
    if request.method == "POST" and form.is_valid():
        return _accept(
            request,
            invitation,
            password=form.cleaned_data["password1"],
            display_name=form.cleaned_data["display_name"],
            form=form,
        )
    context["form"] = form
    return render(request, "supervision/invitations/accept_new.html", context)


def _accept(request, invitation, *, user=None, password=None, display_name="", form=None):
    try:
        supervision = invitation_accept(
            invitation=invitation, user=user, password=password, display_name=display_name
        )
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect("supervision:dashboard")
        apply_errors(form, error)
        context = {"invitation": invitation, "form": form}
        return render(request, "supervision/invitations/accept_new.html", context)
    if user is None:
        login(request, supervision.supervisee, backend=SIGN_IN_BACKEND)
    messages.success(
        request, f"Welcome. Your supervision with {supervision.supervisor.name} has started."
    )
    return redirect("supervision:supervision_detail", pk=supervision.pk)


def _login_url() -> str:
    from django.urls import reverse

    return reverse("account_login")
