"""Hours sign-off pages: a relationship's periods, one period, the actions on it, and the public check.

Who may do what is decided by the services (supervisee submits and withdraws; supervisor signs,
returns, reopens); the views look the relationship up with ``object_for`` first, so a stranger
gets 404 before anything else. Signing asks the supervisor to re-authenticate (allauth's
``reauthentication_required``, after the permission check so strangers still get 404).
"""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from supervision.forms import apply_errors
from supervision.forms.signoffs import (
    LogBookVerifyForm,
    SignOffReopenForm,
    SignOffReturnForm,
    SignOffSubmitForm,
)
from supervision.idempotency import create_once
from supervision.models import HoursSignOff
from supervision.panels import panels_for
from supervision.selectors.relationships import supervisions_visible_to
from supervision.selectors.signoffs import (
    next_period_to_submit,
    signoff_contents,
    signoff_verify,
    signoffs_for,
    verification_code,
)
from supervision.services.signoffs import (
    signoff_reopen,
    signoff_return,
    signoff_sign,
    signoff_submit,
    signoff_withdraw,
)
from supervision.viewer import object_for


def _signoff(request, pk) -> HoursSignOff:
    return object_for(
        request,
        HoursSignOff.objects.select_related(
            "supervision__supervisor", "supervision__supervisee", "submitted_by", "decided_by"
        ),
        pk,
        view="view_supervision",
        of=lambda signoff: signoff.supervision,
    )


@login_required
@require_http_methods(["GET", "POST"])
def signoff_list(request, pk):
    """The relationship's periods; the supervisee submits a new one here."""
    supervision = object_for(
        request, supervisions_visible_to(request.user), pk, view="view_supervision"
    )
    is_supervisee = request.user.pk == supervision.supervisee_id
    next_period = next_period_to_submit(supervision) if is_supervisee else None
    form = SignOffSubmitForm(request.POST or None, period=next_period) if is_supervisee else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Only the supervisee submits their hours for sign-off.")
        if form.is_valid():
            try:
                signoff = create_once(
                    request,
                    lambda: signoff_submit(
                        supervision=supervision,
                        submitted_by=request.user,
                        starts_on=form.cleaned_data["starts_on"],
                        ends_on=form.cleaned_data["ends_on"],
                        note=form.cleaned_data["note"],
                    ),
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request, f"The hours of {signoff.label} were sent to your supervisor."
                )
                return redirect("supervision:signoff_detail", pk=signoff.pk)
    context = {
        "supervision": supervision,
        "signoffs": signoffs_for(supervision),
        "form": form,
        "next_period": next_period,
        "is_supervisee": is_supervisee,
    }
    return render(request, "supervision/signoffs/list.html", context)


def _detail(request, signoff, *, return_form=None, reopen_form=None):
    is_supervisor = request.user.pk == signoff.supervision.supervisor_id
    contents = signoff.contents or signoff_contents(
        supervision=signoff.supervision, starts_on=signoff.starts_on, ends_on=signoff.ends_on
    )
    context = {
        "signoff": signoff,
        "supervision": signoff.supervision,
        "contents": contents,
        "is_supervisor": is_supervisor,
        "is_supervisee": request.user.pk == signoff.supervision.supervisee_id,
        "code": verification_code(signoff) if signoff.is_signed else None,
        "return_form": return_form or SignOffReturnForm(),
        "reopen_form": reopen_form or SignOffReopenForm(),
        # Under the verification code: what other apps offer (exports: the log book PDF).
        "panels": panels_for("signoff.detail", request, signoff=signoff),
    }
    return render(request, "supervision/signoffs/detail.html", context)


@login_required
@require_GET
def signoff_detail(request, pk):
    return _detail(request, _signoff(request, pk))


def _refused(request, signoff, error: ValidationError):
    messages.error(request, " ".join(error.messages))
    return redirect("supervision:signoff_detail", pk=signoff.pk)


@login_required
@require_POST
def signoff_withdraw_view(request, pk):
    signoff = _signoff(request, pk)
    try:
        signoff_withdraw(signoff=signoff, actor=request.user)
    except ValidationError as error:
        return _refused(request, signoff, error)
    messages.success(request, "Your submission was withdrawn. You can submit the period again.")
    return redirect("supervision:signoff_list", pk=signoff.supervision_id)


@reauthentication_required
def _sign(request, *, signoff):
    if request.method == "POST":
        try:
            signoff_sign(signoff=signoff, actor=request.user)
        except ValidationError as error:
            return _refused(request, signoff, error)
        messages.success(request, f"You signed the hours of {signoff.label}.")
        return redirect("supervision:signoff_detail", pk=signoff.pk)
    return render(request, "supervision/signoffs/sign.html", {"signoff": signoff})


@login_required
@require_http_methods(["GET", "POST"])
def signoff_sign_view(request, pk):
    """A confirmation page, then the signature; both after re-authentication."""
    signoff = _signoff(request, pk)
    if request.user.pk != signoff.supervision.supervisor_id:
        raise PermissionDenied("Only the supervisor signs.")
    if not signoff.is_waiting:
        # Withdrawn (or decided) since the link was sent: say so, with no sign form and no
        # password asked for nothing (trial finding 3: the form was shown, then refused).
        if request.method == "POST":
            return redirect("supervision:signoff_sign", pk=signoff.pk)
        return render(request, "supervision/signoffs/sign.html", {"signoff": signoff})
    return _sign(request, signoff=signoff)


@login_required
@require_POST
def signoff_return_view(request, pk):
    signoff = _signoff(request, pk)
    form = SignOffReturnForm(request.POST)
    if form.is_valid():
        try:
            signoff_return(
                signoff=signoff, actor=request.user, comment=form.cleaned_data["return_comment"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "The period was returned with your comment.")
            return redirect("supervision:signoff_detail", pk=signoff.pk)
    return _detail(request, signoff, return_form=form)


@login_required
@require_POST
def signoff_reopen_view(request, pk):
    signoff = _signoff(request, pk)
    form = SignOffReopenForm(request.POST)
    if form.is_valid():
        try:
            signoff_reopen(
                signoff=signoff, actor=request.user, reason=form.cleaned_data["reopen_reason"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "The period is reopened; its meetings can be corrected.")
            return redirect("supervision:signoff_detail", pk=signoff.pk)
    return _detail(request, signoff, reopen_form=form)


@require_http_methods(["GET", "POST"])
def logbook_verify(request):
    """Public: whether a log book's code and trainee's name match a signed record, and nothing more."""
    form = LogBookVerifyForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = signoff_verify(**form.cleaned_data)
    return render(request, "supervision/signoffs/verify.html", {"form": form, "result": result})
