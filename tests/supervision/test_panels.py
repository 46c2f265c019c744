"""The panel registry: what another app registers appears on supervision's pages, in its place."""

import pytest
from django.template import engines
from django.urls import reverse

from supervision import panels
from tests.factories import make_meeting

# A template of another app that renders from its own context alone.
TEMPLATE = "feedback/includes/_dashboard_awaiting.html"
SHOWN = "Nothing is waiting for your feedback."


@pytest.fixture
def registered():
    added = []

    def register(slot, context, **options):
        added.append(panels.register(slot, template=TEMPLATE, context=context, **options))

    yield register
    for panel in added:
        panels.unregister(panel)


def nothing_waiting(request, **objects):
    return {"awaiting_feedback": [], "awaiting_more": False}


def test_a_registered_panel_shows_on_the_relationship_page(client, supervision, registered):
    client.force_login(supervision.supervisor)
    url = reverse("supervision:supervision_detail", args=[supervision.pk])
    assert SHOWN not in client.get(url).content.decode()
    registered("supervision.detail", nothing_waiting)
    assert SHOWN in client.get(url).content.decode()


def test_a_panel_with_nothing_to_show_is_left_out(client, supervision, registered):
    registered("supervision.detail", lambda request, **objects: None)
    client.force_login(supervision.supervisor)
    html = client.get(reverse("supervision:supervision_detail", args=[supervision.pk]))
    assert SHOWN not in html.content.decode()


def test_a_section_panel_takes_the_sections_place_and_may_open_the_record(
    client, supervision, registered
):
    meeting = make_meeting(supervision, summary="Our own summary")
    registered("meeting.section.summary", nothing_waiting, first=True)
    client.force_login(supervision.supervisor)
    html = client.get(reverse("supervision:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Our own summary" not in html
    # Summary comes after the agenda in a meeting; a panel marked first opens the record.
    assert html.index(SHOWN) < html.index("section-agenda")


def test_registering_twice_adds_once_and_order_decides_the_place():
    def first(request):
        return {}

    def second(request):
        return {}

    later = panels.register("test.slot", template=TEMPLATE, context=second, order=20)
    earlier = panels.register("test.slot", template=TEMPLATE, context=first, order=10)
    panels.register("test.slot", template=TEMPLATE, context=first, order=10)
    try:
        assert panels.registered("test.slot") == [earlier, later]
    finally:
        panels.unregister(earlier)
        panels.unregister(later)


def test_render_panels_renders_each_panel_in_order_with_its_own_context():
    page = engines["django"].from_string(
        "{% load panels %}{% for row in rows %}[{% render_panels row %}]{% endfor %}"
    )
    row = [
        panels.ShownPanel(
            template="homework/includes/_dashboard_set_homework.html",
            context={"url": "/a/", "person_name": "Ann & Bo"},
        ),
        panels.ShownPanel(
            template="pathways/includes/_dashboard_assign.html",
            context={"url": "/b/", "person_name": "Cy"},
        ),
    ]
    html = page.render({"rows": [row, row[1:], []]})
    assert html.count("[") == 3
    first, second, third = html.split("]")[:3]
    assert first.index('href="/a/"') < first.index('href="/b/"')
    assert 'aria-label="Set homework for Ann &amp; Bo"' in first  # escaped once
    assert 'href="/a/"' not in second and 'aria-label="Assign a pathway to Cy"' in second
    assert third == "[" and html.endswith("[]")  # a row without panels shows nothing
