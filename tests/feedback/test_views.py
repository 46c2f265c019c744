"""The entry-with-feedback page and its actions, with and without htmx, and bad input through them."""

import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from feedback.models import Feedback, FeedbackReply
from feedback.views import FORMS_AT_ONCE
from notifications.models import Notification
from tests.feedback.conftest import PDF_BYTES, pdf
from tests.worksheets.conftest import submit
from worksheets.library import blocks as b
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def page_url(entry):
    return reverse("feedback:entry_feedback", args=[entry.pk])


def add(client, entry, body="A comment.", anchor="", **extra):
    data = {"body": body, "anchor": anchor, "submission_key": str(uuid.uuid4())}
    data.update(extra.pop("data", {}))
    return client.post(reverse("feedback:feedback_add", args=[entry.pk]), data, **extra)


# --- Reading ----------------------------------------------------------------------------


def test_the_supervisor_sees_each_answer_with_its_thread_and_drafts_marked_in_words(
    client, entry, supervisor, make_feedback
):
    make_feedback(body="Draft on the first answer.", anchor="what_happened")
    make_feedback(body="Released on the whole entry.", released=True)
    client.force_login(supervisor)
    html = client.get(page_url(entry)).content.decode()
    # The answer is shown, and the draft sits right under it before the next question.
    assert html.index("A hard session") < html.index("Draft on the first answer.")
    assert html.index("Draft on the first answer.") < html.index("How upset was I?")
    assert "Draft — not visible to Tess Trainee" in html
    assert html.index("Comments on the whole entry") < html.index("Released on the whole entry.")
    assert "Release the draft to Tess Trainee" in html
    assert 'id="id_new_what_happened_body"' in html  # a labelled form under every answer
    assert "Comment on “What happened?”" in html


def test_the_supervisee_sees_only_released_comments_and_can_reply(
    client, entry, supervisee, make_feedback
):
    make_feedback(body="Still thinking about this.", anchor="what_happened")
    released = make_feedback(
        body="Good that you noticed it.", anchor="how_upset_was_i", released=True
    )
    client.force_login(supervisee)
    html = client.get(page_url(entry)).content.decode()
    assert "Still thinking about this." not in html
    assert "Draft" not in html
    assert "Good that you noticed it." in html
    assert f'action="/feedback/{released.pk}/reply/"' in html
    assert "Add a comment" not in html and "/edit/" not in html
    assert "Your supervisor has released 1 comment" in html


def test_the_entry_read_page_links_to_the_feedback_for_those_who_can_see_it(
    client, entry, supervisor, supervisee, make_feedback
):
    detail = reverse("worksheets:entry_detail", args=[entry.pk])
    client.force_login(supervisor)
    assert "Give feedback on this entry" in client.get(detail).content.decode()
    client.force_login(supervisee)
    assert page_url(entry) not in client.get(detail).content.decode()  # nothing released yet
    make_feedback(released=True)
    html = client.get(detail).content.decode()
    assert "released 1 comment" in html and page_url(entry) in html


# --- Adding ------------------------------------------------------------------------------


def test_adding_without_javascript_redirects_to_the_new_comment(client, entry, supervisor):
    client.force_login(supervisor)
    response = add(client, entry, "Look at the evidence column.", "what_happened")
    feedback = Feedback.objects.get()
    assert response.status_code == 302
    assert response.url == f"{page_url(entry)}#feedback-{feedback.pk}"
    assert feedback.anchor == "what_happened" and feedback.is_draft
    assert "Draft saved" in client.get(response.url).content.decode()


def test_adding_with_htmx_returns_the_thread_and_the_updated_summary(client, entry, supervisor):
    client.force_login(supervisor)
    response = add(client, entry, "Look at the evidence.", "what_happened", **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div class="thread" id="thread-what_happened">')
    assert "Look at the evidence." in html
    assert "Draft saved. Tess Trainee will see it once you release it." in html
    assert 'id="feedback-summary"' in html and 'hx-swap-oob="true"' in html


def test_an_empty_comment_is_refused_next_to_the_field(client, entry, supervisor):
    client.force_login(supervisor)
    for extra in ({}, HTMX):
        response = add(client, entry, "   ", "how_upset_was_i", **extra)
        html = response.content.decode()
        assert response.status_code == 400
        assert 'id="id_new_how_upset_was_i_body_error"' in html
        assert "Write the comment before saving it." in html
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "Files of this type cannot be attached"),
        (SimpleUploadedFile("fake.pdf", b"just text"), "does not match its “.pdf” extension"),
    ],
    ids=["wrong-type", "content-mismatch"],
)
def test_a_bad_attachment_is_refused_and_the_typed_text_kept(
    client, entry, supervisor, upload, message
):
    client.force_login(supervisor)
    response = add(client, entry, "Please read the attached.", data={"attachment": upload})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Please read the attached.</textarea>" in html
    assert "choose the file again" in html
    assert not Feedback.objects.exists()


def test_an_attachment_over_20_mb_is_refused(client, entry, supervisor):
    client.force_login(supervisor)
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"\0" * (20 * 1024 * 1024))
    response = add(client, entry, "Large file.", data={"attachment": big})
    assert response.status_code == 400
    assert "attachments can be at most 20 MB" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_question_not_in_the_worksheet_is_refused_with_a_message(client, entry, supervisor):
    client.force_login(supervisor)
    response = add(client, entry, "Hm.", "not_a_question")
    assert response.status_code == 400
    assert "not in this worksheet; nothing was saved" in response.content.decode()
    assert not Feedback.objects.exists()


def test_feedback_on_someone_elses_entry_is_refused(
    client, entry, other_supervisor, grand_supervisor
):
    for person in (other_supervisor, grand_supervisor):
        client.force_login(person)
        assert add(client, entry, "Not my supervisee.").status_code == 404
    assert not Feedback.objects.exists()


def test_double_submit_of_the_same_form_adds_one_comment(client, entry, supervisor):
    client.force_login(supervisor)
    data = {"body": "Once only.", "anchor": "", "submission_key": str(uuid.uuid4())}
    url = reverse("feedback:feedback_add", args=[entry.pk])
    client.post(url, data)
    client.post(url, data)
    assert Feedback.objects.count() == 1


def test_two_tabs_of_the_kept_page_each_add_their_comment(client, entry, supervisor):
    """The page is kept as a page part; each serving carries its own one-time keys, so the second
    tab's comment is not taken for a repeat of the first's."""
    client.force_login(supervisor)
    keys = re.compile(r'name="submission_key" value="([0-9a-f-]{36})"')
    tabs = [client.get(page_url(entry)).content.decode() for _ in range(4)]  # built, kept, served
    first, second = (keys.findall(tab)[0] for tab in tabs[-2:])
    assert first != second
    url = reverse("feedback:feedback_add", args=[entry.pk])
    for key, body in ((first, "From the first tab."), (second, "From the second tab.")):
        client.post(url, {"body": body, "anchor": "", "submission_key": key})
    assert sorted(Feedback.objects.values_list("body", flat=True)) == [
        "From the first tab.",
        "From the second tab.",
    ]


# --- Releasing ---------------------------------------------------------------------------


def test_release_twice_sends_one_notification(client, entry, supervisor, make_feedback):
    feedback = make_feedback()
    client.force_login(supervisor)
    url = reverse("feedback:feedback_release", args=[feedback.pk])
    first = client.post(url, **HTMX)
    second = client.post(url)
    assert first.status_code == 200
    assert "Released: Tess Trainee can now read this comment" in first.content.decode()
    assert "Released</span>" in first.content.decode()
    assert second.status_code == 302
    assert Notification.objects.filter(kind=Notification.Kind.FEEDBACK_RELEASED).count() == 1


def test_release_all_in_one_action(client, entry, supervisor, make_feedback):
    for anchor in ("what_happened", "where_was_i", ""):
        make_feedback(anchor=anchor)
    client.force_login(supervisor)
    response = client.post(reverse("feedback:feedback_release_all", args=[entry.pk]), follow=True)
    assert "Released 3 comments" in response.content.decode()
    assert not Feedback.objects.filter(status=Feedback.Status.DRAFT).exists()
    assert Notification.objects.filter(kind=Notification.Kind.FEEDBACK_RELEASED).count() == 1


# --- Editing -----------------------------------------------------------------------------


def test_editing_with_htmx_swaps_the_comment_for_a_form_and_back(
    client, entry, supervisor, make_feedback
):
    feedback = make_feedback(body="First words.", released=True)
    client.force_login(supervisor)
    url = reverse("feedback:feedback_edit", args=[feedback.pk])
    form = client.get(url, **HTMX).content.decode()
    assert form.lstrip().startswith('<article class="comment comment--editing"')
    assert "First words.</textarea>" in form
    response = client.post(url, {"body": "Better words.", "version": feedback.version}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Better words." in html and "Earlier version (1)" in html
    assert "First words." in html  # in the history, for both to see


def oob_targets_missing(page: str, response: str) -> list[str]:
    """The ids of the response's out-of-band fragments that ``page`` has no element for: htmx
    answers each with htmx:oobErrorNoTarget."""
    oob = re.findall(r'<[^>]*\bid="([^"]+)"[^>]*\bhx-swap-oob=', response)
    return [target for target in oob if f'id="{target}"' not in page]


def test_the_edit_page_of_its_own_gets_no_answer_meant_for_the_entrys_page(
    client, entry, supervisor, make_feedback
):
    """Saving on the comment's own edit page answered with the entry page's feedback summary out
    of band, which that page does not have (htmx:oobErrorNoTarget). It posts plainly now."""
    feedback = make_feedback(body="First words.")
    client.force_login(supervisor)
    url = reverse("feedback:feedback_edit", args=[feedback.pk])
    page = client.get(url).content.decode()
    form = re.search(r'<form method="post"\s+action="' + url + '"[^>]*>', page).group(0)
    if "hx-post" in form:
        saved = client.post(url, {"body": "Better.", "version": feedback.version}, **HTMX)
        assert oob_targets_missing(page, saved.content.decode()) == []
    response = client.post(url, {"body": "Better words.", "version": feedback.version})
    assert response.status_code == 302
    assert response.url == f"{page_url(entry)}#feedback-{feedback.pk}"
    assert Feedback.objects.get().body == "Better words."
    # In the entry's page the summary the inline save answers with is there to be replaced.
    entry_page = client.get(page_url(entry)).content.decode()
    inline = client.get(url, **HTMX).content.decode()
    assert "hx-post" in inline
    saved = client.post(url, {"body": "Best words.", "version": feedback.version + 1}, **HTMX)
    assert 'hx-swap-oob="true"' in saved.content.decode()
    assert oob_targets_missing(entry_page, saved.content.decode()) == []


def test_two_tabs_editing_the_same_comment(client, entry, supervisor, make_feedback):
    feedback = make_feedback(body="Original.", released=True)
    opened = feedback.version
    client.force_login(supervisor)
    url = reverse("feedback:feedback_edit", args=[feedback.pk])
    assert client.post(url, {"body": "Tab one.", "version": opened}).status_code == 302
    response = client.post(url, {"body": "Tab two.", "version": opened})
    html = response.content.decode()
    assert response.status_code == 409
    assert "changed in another tab or on another device" in html
    assert "Tab two.</textarea>" in html  # what this tab typed is kept
    assert "<p>Tab one.</p>" in html  # and what the comment says now is shown
    assert f'name="version" value="{opened + 1}"' in html
    assert Feedback.objects.get().body == "Tab one."


def test_an_edit_that_empties_the_comment_is_refused(client, entry, supervisor, make_feedback):
    feedback = make_feedback(body="Keep me.")
    client.force_login(supervisor)
    url = reverse("feedback:feedback_edit", args=[feedback.pk])
    response = client.post(url, {"body": "", "version": feedback.version})
    assert response.status_code == 400
    assert "A comment cannot be empty." in response.content.decode()
    assert Feedback.objects.get().body == "Keep me."


# --- Replies -----------------------------------------------------------------------------


def test_the_supervisee_replies_and_the_thread_shows_who_wrote_what_when(
    client, entry, supervisor, supervisee, make_feedback
):
    feedback = make_feedback(released=True)
    client.force_login(supervisee)
    url = reverse("feedback:feedback_reply", args=[feedback.pk])
    response = client.post(
        url, {"body": "Which column?", "submission_key": str(uuid.uuid4())}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Reply sent; Sam Supervisor has been notified." in html
    assert "Tess Trainee" in html and "(wrote the entry)" in html and "Which column?" in html
    assert "<time datetime=" in html
    assert "Your supervisor has released 1 comment" in html  # the summary, as the trainee sees it
    notice = Notification.objects.get(kind=Notification.Kind.REPLY_RECEIVED)
    assert notice.recipient == supervisor


def test_a_reply_to_unreleased_feedback_is_refused_with_a_message(
    client, entry, supervisor, make_feedback
):
    feedback = make_feedback()
    client.force_login(supervisor)
    url = reverse("feedback:feedback_reply", args=[feedback.pk])
    for extra in ({}, HTMX):
        response = client.post(
            url, {"body": "Early.", "submission_key": str(uuid.uuid4())}, **extra
        )
        assert response.status_code == 400
        assert "You can reply once this comment has been released." in response.content.decode()
    assert not FeedbackReply.objects.exists()


def test_an_empty_reply_is_refused_next_to_the_field(client, entry, supervisee, make_feedback):
    feedback = make_feedback(released=True)
    client.force_login(supervisee)
    url = reverse("feedback:feedback_reply", args=[feedback.pk])
    response = client.post(url, {"body": " ", "submission_key": str(uuid.uuid4())})
    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_reply_{feedback.pk}_body_error"' in html
    assert not FeedbackReply.objects.exists()


# --- Attachments -------------------------------------------------------------------------


def test_attachments_download_only_through_the_view(client, entry, supervisor, supervisee):
    from feedback.services import feedback_create, feedback_release

    feedback = feedback_release(
        feedback=feedback_create(
            entry=entry, author=supervisor, body="See file.", attachment=pdf("plan.pdf")
        ),
        releaser=supervisor,
    )
    client.force_login(supervisee)
    response = client.get(reverse("feedback:feedback_attachment", args=[feedback.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="plan.pdf"')
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF_BYTES
    page = client.get(page_url(entry)).content.decode()
    assert "/media/" not in page


def test_discarding_a_draft_after_confirming(client, entry, supervisor, make_feedback):
    feedback = make_feedback(body="Not needed.")
    client.force_login(supervisor)
    url = reverse("feedback:feedback_discard", args=[feedback.pk])
    assert "Delete this draft comment?" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not Feedback.objects.exists()


def test_a_long_entry_gives_each_answer_its_comment_form_when_it_is_opened(
    client, supervisee, supervisor, supervision
):
    """Eleven answers or more: one form for the whole entry in the page, and each answer's form
    when "Add a comment" is opened (htmx fetches it; without script a link opens the page with
    it). Forty forms at once were most of a questionnaire's page time (issue 11)."""
    count = FORMS_AT_ONCE + 1
    body = [b.short(f"Question {n}?", max_length=50) for n in range(1, count + 1)]
    long_sheet = worksheet_template_create(title="Long worksheet", body=body, publish=True)
    entry = submit(
        entry_start(author=supervisee, template_version=long_sheet.versions.get()),
        answers={f"question_{n}": f"Answer {n}" for n in range(1, count + 1)},
    )
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    client.force_login(supervisor)
    html = client.get(page_url(entry)).content.decode()
    assert html.count("<textarea") == 1  # the whole entry's
    assert html.count("Open the comment form") == count
    opened = f"{page_url(entry)}?comment=question_3"
    assert f'href="{opened}#thread-question_3"' in html
    assert f'hx-get="{opened}"' in html

    html = client.get(opened).content.decode()
    assert html.count("<textarea") == 2
    assert 'id="id_new_question_3_body"' in html
    assert "Comment on “Question 3?”" in html
    assert html.count("Open the comment form") == count - 1

    response = add(client, entry, body="On the third.", anchor="question_3", **HTMX)
    assert response.status_code == 200
    assert 'id="id_new_question_3_body"' in response.content.decode()  # ready for the next
    assert Feedback.objects.get().anchor == "question_3"
