"""The main navigation (supervision.navigation): the links each role gives, and the current page."""

import re

import pytest
from django.urls import reverse, set_script_prefix

from supervision.navigation import _urls

pytestmark = pytest.mark.django_db


def _links(client, user, path="/"):
    client.force_login(user)
    response = client.get(path)
    nav = re.search(r'<nav class="site-nav".*?</nav>', response.content.decode(), re.S).group(0)
    links = re.findall(
        r'<a href="([^"]+)"[^>]*?(aria-current="page")?\s*>\s*(?:<svg.*?</svg>)?\s*([^<]+?)\s*<',
        nav,
        re.S,
    )
    return [(label, url, bool(current)) for url, current, label in links]


def test_each_role_sees_its_links_in_order(client, supervision, course_editor, administrator):
    common_head = [("Dashboard", "/"), ("Worksheets", reverse("worksheets:library"))]
    tail = [
        ("Notifications", reverse("notifications:list")),
        ("Your data", reverse("privacy:export")),
        ("Account", reverse("supervision:account")),
    ]
    in_supervision = [
        ("Questionnaires", reverse("questionnaires:index")),
        ("Meetings", reverse("supervision:meeting_list")),
        ("Cases", reverse("supervision:case_list")),
        ("Recordings", reverse("recordings:list")),
    ]
    shown = {
        supervision.supervisor: [
            common_head[0],
            ("Homework I set", reverse("homework:set_by_me")),
            common_head[1],
            *in_supervision,
            ("Portfolio", reverse("portfolios:portfolio_list")),
            *tail,
        ],
        supervision.supervisee: [
            common_head[0],
            ("My homework", reverse("homework:due")),
            common_head[1],
            *in_supervision,
            ("Hours log", reverse("supervision:hours")),
            ("Portfolio", reverse("portfolios:portfolio_list")),
            *tail,
        ],
        administrator: [
            *common_head,
            ("Questionnaires", reverse("questionnaires:index")),
            ("Course editing", reverse("wagtailadmin_home")),
            ("Relationships", reverse("supervision:manage")),
            ("People", reverse("wagtailusers_users:index")),
            ("Read audit", reverse("privacy:audit")),
            *tail,
        ],
    }
    for user, expected in shown.items():
        assert [(label, url) for label, url, _ in _links(client, user)] == expected, user
    editor = [(label, url) for label, url, _ in _links(client, course_editor)]
    assert ("Course editing", reverse("wagtailadmin_home")) in editor
    assert ("Relationships", reverse("supervision:manage")) not in editor


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("supervision:dashboard", "Dashboard"),
        ("homework:due", "My homework"),
        ("worksheets:library", "Worksheets"),  # any page of the app
        ("supervision:hours", "Hours log"),
        ("notifications:list", "Notifications"),
        ("privacy:reads", "Your data"),  # either of its two pages
        ("supervision:account", "Account"),
    ],
)
def test_the_current_page_is_marked_once(client, supervision, path, current):
    links = _links(client, supervision.supervisee, reverse(path))
    assert [label for label, _, is_current in links if is_current] == [current]


def test_a_page_outside_the_navigation_marks_none(client, supervision):
    assert not any(
        is_current for *_, is_current in _links(client, supervision.supervisee, "/nowhere/")
    )


def test_the_links_follow_the_script_prefix(rf, supervision):
    # Reversed once per script prefix: a site served under /cbt/ links under /cbt/.
    from supervision.navigation import navigation_for
    from supervision.roles import roles_for

    request = rf.get("/")
    request.resolver_match = None
    try:
        set_script_prefix("/cbt/")
        links = navigation_for(request, roles_for(supervision.supervisee)).head
        assert links[0].url == "/cbt/"
        assert all(link.url.startswith("/cbt/") for link in links)
    finally:
        set_script_prefix("/")
    assert navigation_for(request, roles_for(supervision.supervisee)).head[0].url == "/"
    assert ("/cbt/", "supervision:dashboard") in _urls
