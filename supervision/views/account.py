"""A person's own account page, and the admin sign-in pages sent to ours (so nobody skips the second step)."""

from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from supervision.second_factor import second_factor_required_for
from supervision.selectors.people import authenticators_of


@login_required
@require_GET
def account(request):
    """E-mail, password, two-step sign-in, name and time zone: what there is and where to change it."""
    authenticators = authenticators_of(request.user)
    context = {
        "has_totp": Authenticator.Type.TOTP in authenticators,
        "key_count": authenticators.get(Authenticator.Type.WEBAUTHN, 0),
        "has_recovery_codes": Authenticator.Type.RECOVERY_CODES in authenticators,
        "second_factor_required": second_factor_required_for(request.user),
    }
    return render(request, "supervision/account.html", context)


@require_GET
def admin_sign_in(request, admin: str):
    """The Wagtail and Django admin sign-in pages: our sign-in (password, then second step) instead.

    ``admin`` names which admin's home page to come back to when no ``next`` is given.
    """
    home = reverse("wagtailadmin_home" if admin == "cms" else "admin:index")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = home
    return redirect_to_login(next_url)
