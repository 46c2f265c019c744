"""Templates: versions on publishing, the library versus a supervisor's own, copying and sharing."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.urls import reverse

from supervision.permissions import ClinicalPermissionChecker
from worksheets.models import TemplateVersion, WorksheetTemplate
from worksheets.permissions import worksheet_template_policy as policy
from worksheets.selectors.templates import (
    startable_template_ids,
    templates_startable_by,
    templates_visible_to,
)
from worksheets.services.entries import entry_start
from worksheets.services.templates import (
    template_colleagues,
    worksheet_template_copy,
    worksheet_template_sharing_set,
)

pytestmark = pytest.mark.django_db


def publish(template, user=None):
    draft = template.get_latest_revision_as_object()
    revision = draft.save_revision(user=user)
    revision.publish(user=user, skip_permission_checks=True)
    return WorksheetTemplate.objects.get(pk=template.pk)


def edit_label(template, index, label):
    draft = template.get_latest_revision_as_object()
    draft.body[index].value["label"] = label
    draft.full_clean()
    return draft


def test_publishing_creates_a_frozen_version(library_template):
    version = library_template.versions.get()
    assert version.number == 1
    assert version.title == "A library worksheet"
    assert [f["name"] for f in version.answer_fields] == [
        "what_happened",
        "how_upset_was_i",
        "where_was_i",
        "anything_else",
    ]


def test_publishing_changes_makes_a_new_version_and_unchanged_ones_do_not(library_template):
    publish(library_template)
    assert library_template.versions.count() == 1
    draft = edit_label(library_template, 1, "What happened, briefly?")
    revision = draft.save_revision()
    revision.publish(skip_permission_checks=True)
    versions = list(library_template.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].definition[1]["label"] == "What happened?"
    assert versions[1].definition[1]["label"] == "What happened, briefly?"
    assert versions[1].definition[1]["name"] == versions[0].definition[1]["name"]


def test_a_version_never_changes(library_template):
    version = library_template.versions.get()
    version.title = "Changed"
    with pytest.raises(ValueError, match="never changes"):
        version.save()


def test_an_entry_keeps_its_version_through_edits_and_deletion(library_template, trainee):
    entry = entry_start(author=trainee, template_version=library_template.versions.get())
    draft = edit_label(library_template, 1, "Something else entirely")
    draft.save_revision().publish(skip_permission_checks=True)
    entry.refresh_from_db()
    assert entry.template_version.number == 1
    assert entry.definition[1]["label"] == "What happened?"
    library_template.delete()
    entry.refresh_from_db()
    assert entry.template_version.template is None
    assert entry.display_title == "A library worksheet"
    assert TemplateVersion.objects.count() == 2


def test_unpublished_templates_cannot_be_started(make_template, trainee):
    make_template(title="Still a draft", publish=False)
    assert not templates_startable_by(trainee).filter(title="Still a draft").exists()


def test_supervisors_copy_library_templates_into_their_own(
    library_template, supervisor, supervision
):
    copy = worksheet_template_copy(template=library_template, owner=supervisor)
    assert copy.owner == supervisor and copy.copied_from == library_template
    assert not copy.live and copy.title == "A library worksheet (my copy)"
    assert [c["value"] for c in copy.body.raw_data] == [
        c["value"] for c in library_template.body.raw_data
    ]
    checker = ClinicalPermissionChecker(supervisor)
    for action in ("view", "change", "delete", "publish"):
        assert checker.has_perm(f"{action}_worksheettemplate", copy)
    assert policy.user_has_permission_for_instance(supervisor, "change", copy)
    assert not policy.user_has_permission_for_instance(supervisor, "change", library_template)


def test_private_templates_are_invisible_to_everyone_else(
    library_template,
    supervisor,
    supervision,
    unrelated_supervisor,
    trainee,
    course_editor,
    administrator,
):
    own = worksheet_template_copy(template=library_template, owner=supervisor)
    assert set(templates_visible_to(supervisor)) == {library_template, own}
    for person in (unrelated_supervisor, trainee, course_editor, administrator):
        assert set(templates_visible_to(person)) == {library_template}, person
        assert not policy.user_has_permission_for_instance(person, "view", own)


def test_sharing_with_a_colleague_lets_them_edit_but_not_delete(
    library_template, supervisor, supervision, unrelated_supervisor
):
    own = worksheet_template_copy(template=library_template, owner=supervisor)
    worksheet_template_sharing_set(template=own, colleagues=[unrelated_supervisor])
    assert template_colleagues(own) == [unrelated_supervisor]
    assert own in templates_visible_to(unrelated_supervisor)
    assert policy.user_has_permission_for_instance(unrelated_supervisor, "change", own)
    assert not policy.user_has_permission_for_instance(unrelated_supervisor, "delete", own)
    worksheet_template_sharing_set(template=own, colleagues=[])
    assert own not in templates_visible_to(unrelated_supervisor)
    assert template_colleagues(own) == []


def test_library_templates_and_self_sharing_are_refused(library_template, supervisor, supervision):
    with pytest.raises(ValidationError):
        worksheet_template_sharing_set(template=library_template, colleagues=[supervisor])
    own = worksheet_template_copy(template=library_template, owner=supervisor)
    with pytest.raises(ValidationError):
        worksheet_template_sharing_set(template=own, colleagues=[supervisor])


def test_course_staff_curate_the_library_but_supervisors_do_not(
    library_template, course_editor, supervisor, supervision, trainee
):
    assert policy.user_has_permission_for_instance(course_editor, "change", library_template)
    assert policy.user_has_permission_for_instance(course_editor, "publish", library_template)
    assert not policy.user_has_permission_for_instance(supervisor, "change", library_template)
    assert policy.user_has_permission(supervisor, "add")
    assert not policy.user_has_permission(trainee, "add")


def test_revisions_cannot_change_the_owner(library_template, supervisor, supervision):
    own = worksheet_template_copy(template=library_template, owner=supervisor)
    revision = own.latest_revision
    revision.content["owner"] = None
    revision.save()
    revision.publish(skip_permission_checks=True)
    own.refresh_from_db()
    assert own.owner == supervisor and own.live


# --- The Wagtail admin --------------------------------------------------------------------------

LIST = "wagtailsnippets_worksheets_worksheettemplate:list"
EDIT = "wagtailsnippets_worksheets_worksheettemplate:edit"
ADD = "wagtailsnippets_worksheets_worksheettemplate:add"


def test_supervisors_reach_the_admin_and_see_only_what_they_may(
    client, library_template, supervisor, supervision, unrelated_supervisor
):
    mine = worksheet_template_copy(template=library_template, owner=supervisor)
    theirs = worksheet_template_copy(template=library_template, owner=unrelated_supervisor)
    client.force_login(supervisor)
    listing = client.get(reverse(LIST))
    assert listing.status_code == 200
    content = listing.content.decode()
    assert reverse(EDIT, args=[mine.pk]) in content
    assert reverse(EDIT, args=[theirs.pk]) not in content
    assert client.get(reverse(EDIT, args=[mine.pk])).status_code == 200
    assert client.get(reverse(EDIT, args=[theirs.pk])).status_code == 404
    # Wagtail's way of refusing an action: back to the admin home with a message.
    refused = client.get(reverse(EDIT, args=[library_template.pk]))
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    for name in ("history", "usage", "delete", "unpublish", "lock", "preview_on_edit"):
        url = reverse(f"wagtailsnippets_worksheets_worksheettemplate:{name}", args=[theirs.pk])
        assert client.get(url).status_code == 404, name


def test_trainees_have_no_admin_access(client, trainee, supervision):
    client.force_login(trainee)
    response = client.get(reverse(LIST))
    assert response.status_code == 302


def test_bulk_delete_never_lists_someone_elses_templates(
    client, library_template, supervisor, supervision, unrelated_supervisor
):
    theirs = worksheet_template_copy(template=library_template, owner=unrelated_supervisor)
    client.force_login(supervisor)
    url = reverse("wagtail_bulk_action", args=["worksheets", "worksheettemplate", "delete"])
    response = client.get(url, {"id": "all"})
    assert response.status_code == 200
    assert "(my copy)" not in response.content.decode()
    assert client.get(url, {"id": [theirs.pk]}).status_code == 404
    client.post(url + f"?id={theirs.pk}")
    assert WorksheetTemplate.objects.filter(pk=theirs.pk).exists()


def test_a_supervisor_creating_in_the_admin_owns_the_template(client, supervisor, supervision):
    client.force_login(supervisor)
    data = {
        "title": "My new worksheet",
        "topic": "patients",
        "introduction": "",
        "body-count": "1",
        "scoring-count": "0",
        "body-0-type": "short_text",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-0-value-label": "First question",
        "body-0-value-help_text": "",
        "body-0-value-required": "on",
        "body-0-value-name": "",
        "body-0-value-max_length": "100",
    }
    response = client.post(reverse(ADD), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    template = WorksheetTemplate.objects.get(title="My new worksheet")
    assert template.owner == supervisor
    assert ClinicalPermissionChecker(supervisor).has_perm("change_worksheettemplate", template)
    assert not template.live


def test_course_staff_creating_in_the_admin_add_to_the_library(client, course_editor):
    client.force_login(course_editor)
    data = {
        "title": "A new library worksheet",
        "topic": "learning",
        "introduction": "",
        "body-count": "1",
        "scoring-count": "0",
        "body-0-type": "date",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-0-value-label": "When?",
        "body-0-value-help_text": "",
        "body-0-value-required": "on",
        "body-0-value-name": "",
        "action-publish": "action-publish",
    }
    response = client.post(reverse(ADD), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    template = WorksheetTemplate.objects.get(title="A new library worksheet")
    assert template.is_library and template.live
    assert template.versions.get().definition[0]["name"] == "when"


def test_the_admin_preview_shows_the_form_as_a_trainee_would_see_it(
    client, course_editor, library_template
):
    client.force_login(course_editor)
    url = reverse(
        "wagtailsnippets_worksheets_worksheettemplate:preview_on_edit", args=[library_template.pk]
    )
    data = {
        "title": "Previewed",
        "topic": "learning",
        "introduction": "",
        "body-count": "1",
        "scoring-count": "0",
        "body-0-type": "rating_10",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-0-value-label": "How calm?",
        "body-0-value-help_text": "",
        "body-0-value-required": "on",
        "body-0-value-name": "",
        "body-0-value-low_label": "",
        "body-0-value-high_label": "",
    }
    assert client.post(url, data).json()["is_valid"]
    content = client.get(url).content.decode()
    assert "How calm?" in content and 'type="radio"' in content


def test_owners_lock_their_own_templates_but_not_the_library(
    client, library_template, supervisor, supervision, unrelated_supervisor
):
    mine = worksheet_template_copy(template=library_template, owner=supervisor)
    theirs = worksheet_template_copy(template=library_template, owner=unrelated_supervisor)
    client.force_login(supervisor)
    lock = "wagtailsnippets_worksheets_worksheettemplate:lock"
    client.post(reverse(lock, args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.locked and mine.locked_by == supervisor
    client.post(reverse(lock, args=[library_template.pk]))
    library_template.refresh_from_db()
    assert not library_template.locked
    assert client.post(reverse(lock, args=[theirs.pk])).status_code == 404


def test_the_chooser_offers_only_templates_the_person_may_see(
    client, library_template, supervisor, supervision, unrelated_supervisor
):
    mine = worksheet_template_copy(template=library_template, owner=supervisor)
    theirs = worksheet_template_copy(template=library_template, owner=unrelated_supervisor)
    client.force_login(supervisor)
    content = client.get(
        reverse("wagtailsnippetchoosers_worksheets_worksheettemplate:choose")
    ).content.decode()
    assert f"/chosen/{mine.pk}/" in content and f"/chosen/{library_template.pk}/" in content
    assert f"/chosen/{theirs.pk}/" not in content
    chosen = "wagtailsnippetchoosers_worksheets_worksheettemplate:chosen"
    assert client.get(reverse(chosen, args=[theirs.pk])).status_code == 404
    assert client.get(reverse(chosen, args=[mine.pk])).status_code == 200


def test_the_admin_listing_offers_copy_and_share_links(
    client, library_template, supervisor, supervision
):
    mine = worksheet_template_copy(template=library_template, owner=supervisor)
    client.force_login(supervisor)
    content = client.get(reverse(LIST)).content.decode()
    assert reverse("worksheets:template_copy", args=[library_template.pk]) in content
    assert reverse("worksheets:template_sharing", args=[mine.pk]) in content
    assert reverse("worksheets:template_sharing", args=[library_template.pk]) not in content


def test_the_add_page_does_not_autosave_but_the_edit_page_does(
    client, course_editor, library_template
):
    """An autosave that creates the template races a Publish on the add page (two templates)."""
    client.force_login(course_editor)
    assert client.get(reverse(ADD)).context["autosave_enabled"] is False
    assert client.get(reverse(EDIT, args=[library_template.pk])).context["autosave_enabled"]


def test_startable_ids_are_the_startable_templates_among_those_asked_about(
    make_template, library_template, supervisor, supervision, unrelated_supervisor, trainee
):
    draft = make_template(title="Still a draft", publish=False)
    own = publish(worksheet_template_copy(template=library_template, owner=supervisor), supervisor)
    shared = publish(
        worksheet_template_copy(template=library_template, owner=supervisor), supervisor
    )
    worksheet_template_sharing_set(template=shared, colleagues=[unrelated_supervisor])
    asked = [library_template.pk, draft.pk, own.pk, shared.pk]
    expected = {
        supervisor: {library_template.pk, own.pk, shared.pk},
        unrelated_supervisor: {library_template.pk, shared.pk},
        trainee: {library_template.pk},
        AnonymousUser(): set(),
    }
    for person, startable in expected.items():
        assert startable_template_ids(person, asked) == startable, person
        alike = templates_startable_by(person).filter(pk__in=asked).values_list("pk", flat=True)
        assert set(alike) == startable, person
    assert startable_template_ids(supervisor, [own.pk]) == {own.pk}
