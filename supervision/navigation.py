"""The site's main navigation: the links a person's roles give them, and which is the current page.

Worked out here rather than in ``includes/_navigation.html``: seventeen ``{% url %}`` tags and as
many tests of the resolver match were a third of what every signed-in page cost before its own
content (issue 11). The URLs never change while a process runs, so each is reversed once per
script prefix. Supervision is the ground floor: it names the other apps' pages by URL name only.
The "Courses" link sits between the two lists (``courses.context_processors``).
"""

from dataclasses import dataclass

from django.urls import get_script_prefix, reverse

from supervision.roles import Roles


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    current: bool
    bell: bool = False  # the notifications link: an icon and the unread count


@dataclass(frozen=True)
class Navigation:
    head: list[NavLink]  # before "Courses"
    tail: list[NavLink]  # after it, "Account" last; the sign-out button follows


# (label, URL name, who sees it, the view names or the app name that make it the current page)
_Shown = str | None  # a Roles attribute, "staff" (course staff or administrator), None: everyone
_HEAD: tuple[tuple[str, str, _Shown, tuple[str, ...] | str | None], ...] = (
    ("Dashboard", "supervision:dashboard", None, ("supervision:dashboard",)),
    ("My homework", "homework:due", "supervisee", ("homework:due",)),
    ("Homework I set", "homework:set_by_me", "supervisor", ("homework:set_by_me",)),
    ("Worksheets", "worksheets:library", None, "worksheets"),
)
_TAIL: tuple[tuple[str, str, _Shown, tuple[str, ...] | str | None], ...] = (
    ("Questionnaires", "questionnaires:index", None, "questionnaires"),
    ("Meetings", "supervision:meeting_list", "in_supervision", ("supervision:meeting_list",)),
    ("Cases", "supervision:case_list", "in_supervision", ("supervision:case_list",)),
    ("Recordings", "recordings:list", "in_supervision", "recordings"),
    ("Hours log", "supervision:hours", "supervisee", ("supervision:hours",)),
    ("Portfolio", "portfolios:portfolio_list", "in_supervision", "portfolios"),
    ("Course editing", "wagtailadmin_home", "staff", None),
    ("Relationships", "supervision:manage", "administrator", ("supervision:manage",)),
    ("People", "wagtailusers_users:index", "administrator", None),
    ("Read audit", "privacy:audit", "administrator", ("privacy:audit",)),
    ("Notifications", "notifications:list", None, "notifications"),
    ("Your data", "privacy:export", None, ("privacy:export", "privacy:reads")),
    ("Account", "supervision:account", None, ("supervision:account",)),
)
_urls: dict[tuple[str, str], str] = {}  # (script prefix, URL name): URL


def _url(name: str) -> str:
    key = (get_script_prefix(), name)
    url = _urls.get(key)
    if url is None:
        url = _urls[key] = reverse(name)
    return url


def _shown(roles: Roles, who: _Shown) -> bool:
    if who is None:
        return True
    if who == "staff":
        return bool(roles.course_staff or roles.administrator)
    return bool(getattr(roles, who))


def _links(links, roles: Roles, view_name: str | None, app_name: str | None) -> list[NavLink]:
    return [
        NavLink(
            label=label,
            url=_url(name),
            current=(
                app_name == current_when
                if isinstance(current_when, str)
                else current_when is not None and view_name in current_when
            ),
            bell=name == "notifications:list",
        )
        for label, name, who, current_when in links
        if _shown(roles, who)
    ]


def navigation_for(request, roles: Roles) -> Navigation:
    """The links of the main navigation for this person on this page (``request.resolver_match``
    says which page; none on an error page)."""
    match = request.resolver_match
    view_name = match.view_name if match else None
    app_name = match.app_name if match else None
    return Navigation(
        head=_links(_HEAD, roles, view_name, app_name),
        tail=_links(_TAIL, roles, view_name, app_name),
    )
