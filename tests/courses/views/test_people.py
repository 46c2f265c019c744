"""Course staff enrol people, one by one or from a list; staff roles carry Wagtail permissions on the course only."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from courses.enrollment_lists import MAX_LINES, enrollment_list_check
from courses.models import CourseTeam, Enrollment
from courses.services.enrollment import enrollment_enrol, enrollment_remove
from supervision.roles import COURSE_STAFF_GROUP, roles_for
from tests.concurrency import THREADS, at_once
from tests.courses.factories import enrol, ensure_course_site, make_course, make_course_with_lessons
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _people_url(course):
    return reverse("courses:people", args=[course.pk])


def _list_url(course):
    return reverse("courses:people_list", args=[course.pk])


def _confirm_url(course):
    return reverse("courses:people_list_confirm", args=[course.pk])


# --- Who may manage people ---------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client, course):
    for url in (_people_url(course), _list_url(course)):
        assert client.get(url)["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["trainee", "course_supervisor", "outsider"])
def test_learners_and_outsiders_cannot_manage_people(client, course, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in (_people_url(course), _list_url(course)):
        assert client.get(url).status_code == 404
    response = client.post(_people_url(course), {"email": "x@example.org", "role": "trainee"})
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["staff", "lead", "administrator"])
def test_staff_leads_and_administrators_manage_people(client, course, trainee, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(_people_url(course))
    assert response.status_code == 200
    assert trainee.email in response.content.decode()
    assert client.get(_list_url(course)).status_code == 200


def test_staff_of_another_course_cannot_manage_this_one(client, course):
    other, _ = make_course_with_lessons(lessons=1)
    other_staff = UserFactory()
    enrol(other, other_staff, Enrollment.Role.LEAD)
    client.force_login(other_staff)
    assert client.get(_people_url(course)).status_code == 404


# --- Enrolling one person ----------------------------------------------------------------


def test_staff_enrol_a_person_by_address(client, course, staff):
    newcomer = UserFactory(email="newcomer@example.org")
    client.force_login(staff)
    response = client.post(
        _people_url(course), {"email": " NewComer@Example.org ", "role": "trainee"}, follow=True
    )
    assert "is enrolled as trainee" in response.content.decode()
    assert Enrollment.objects.get(course=course, person=newcomer).role == "trainee"
    # Submitting again changes nothing and says so.
    response = client.post(
        _people_url(course), {"email": "newcomer@example.org", "role": "trainee"}, follow=True
    )
    assert "was already enrolled" in response.content.decode()
    assert Enrollment.objects.filter(course=course, person=newcomer).count() == 1


def test_an_unknown_address_is_explained_next_to_the_field_and_kept(client, course, staff):
    client.force_login(staff)
    response = client.post(_people_url(course), {"email": "nobody@example.org", "role": "trainee"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "No account uses this address" in html
    assert 'value="nobody@example.org"' in html
    assert 'id="id_email_error"' in html
    assert not Enrollment.objects.filter(person__email="nobody@example.org").exists()


def test_a_malformed_address_is_refused(client, course, staff):
    client.force_login(staff)
    response = client.post(_people_url(course), {"email": "not an address", "role": "trainee"})
    assert "Enter a valid email address" in response.content.decode()


def test_staff_cannot_appoint_or_change_a_lead(client, course, staff, lead):
    person = UserFactory()
    client.force_login(staff)
    html = client.get(_people_url(course)).content.decode()
    assert 'value="lead"' not in html
    response = client.post(_people_url(course), {"email": person.email, "role": "lead"})
    assert "Select a valid choice" in response.content.decode()
    response = client.post(_people_url(course), {"email": lead.email, "role": "trainee"})
    assert "only a course lead can change that role" in response.content.decode()
    assert Enrollment.objects.get(course=course, person=lead).role == "lead"
    # Staff cannot remove a lead either.
    enrollment = Enrollment.objects.get(course=course, person=lead)
    url = reverse("courses:enrollment_remove", args=[course.pk, enrollment.pk])
    assert client.post(url).status_code == 404


def test_a_lead_appoints_another_lead(client, course, lead):
    person = UserFactory()
    client.force_login(lead)
    client.post(_people_url(course), {"email": person.email, "role": "lead"})
    assert Enrollment.objects.get(course=course, person=person).role == "lead"


def test_staff_remove_a_trainee_after_confirming(client, course, staff, trainee):
    enrollment = Enrollment.objects.get(course=course, person=trainee)
    url = reverse("courses:enrollment_remove", args=[course.pk, enrollment.pk])
    client.force_login(staff)
    assert "Remove Tara Trainee" in client.get(url).content.decode()
    assert Enrollment.objects.filter(pk=enrollment.pk).exists()
    client.post(url)
    assert not Enrollment.objects.filter(pk=enrollment.pk).exists()
    assert client.post(url).status_code == 404


def test_an_enrolment_of_another_course_cannot_be_removed_through_this_one(client, course, staff):
    other, _ = make_course_with_lessons(lessons=1)
    elsewhere = enrol(other, UserFactory())
    client.force_login(staff)
    url = reverse("courses:enrollment_remove", args=[course.pk, elsewhere.pk])
    assert client.post(url).status_code == 404
    assert Enrollment.objects.filter(pk=elsewhere.pk).exists()


# --- Enrolling from a list ---------------------------------------------------------------


def test_a_list_reports_each_bad_line_and_enrols_nobody_until_confirmed(
    client, course, staff, trainee
):
    good = UserFactory(email="good@example.org", display_name="Gita Good")
    also_good = UserFactory(email="also.good@example.org")
    listing = "\n".join(
        [
            "good@example.org",
            "not-an-address",
            "",
            "Also.Good@example.org, Alex Good",
            "ghost@example.org",
            "good@example.org",
            trainee.email,
            "one@example.org; two@example.org",
            "broken@@example.org",
        ]
    )
    client.force_login(staff)
    response = client.post(_list_url(course), {"addresses": listing, "role": "trainee"})
    html = response.content.decode()
    assert "4 lines cannot be enrolled" in html
    assert "Line 2:" in html and "There is no e-mail address on this line." in html
    assert "Line 5:" in html and "No account uses this address" in html
    assert "Line 8:" in html and "more than one address" in html
    assert "Line 9:" in html and "is not a valid e-mail address" in html
    assert "Repeats line 1." in html
    assert "Already enrolled as trainee; left unchanged." in html
    assert "2 people ready to enrol as trainee" in html
    assert not Enrollment.objects.filter(person__in=[good, also_good]).exists()

    data = {"emails": "good@example.org\nalso.good@example.org", "role": "trainee"}
    response = client.post(_confirm_url(course), data, follow=True)
    assert "Enrolled 2 people as trainee." in response.content.decode()
    assert set(
        Enrollment.objects.filter(course=course, role="trainee").values_list(
            "person__email", flat=True
        )
    ) == {"good@example.org", "also.good@example.org", trainee.email}

    # A second confirmation (a double submit) enrols nobody twice.
    client.post(_confirm_url(course), data)
    assert Enrollment.objects.filter(course=course, person=good).count() == 1


def test_a_list_can_be_uploaded_as_a_file(client, course, staff):
    UserFactory(email="lina@example.org")
    upload = SimpleUploadedFile(
        "people.csv", "\ufeffemail,name\nlina@example.org,Lina\n".encode(), "text/csv"
    )
    client.force_login(staff)
    html = client.post(_list_url(course), {"upload": upload, "role": "supervisor"}).content.decode()
    assert "1 person ready to enrol as supervisor" in html
    assert "Line 1:" in html  # the header line has no address and is reported


def test_an_empty_list_and_unreadable_files_are_refused_with_a_reason(client, course, staff):
    client.force_login(staff)
    html = client.post(_list_url(course), {"addresses": "  ", "role": "trainee"}).content.decode()
    assert "Paste some addresses or upload a file" in html
    binary = SimpleUploadedFile("people.xlsx", b"\xff\xfe\x00\x81\x00", "application/octet-stream")
    html = client.post(
        _list_url(course), {"addresses": "kept@example.org", "upload": binary, "role": "trainee"}
    ).content.decode()
    assert "saved as UTF-16" in html
    assert "kept@example.org" in html


def test_a_confirmation_is_checked_again(client, course, staff):
    """Addresses that stopped being valid between the check and the confirmation are skipped."""
    client.force_login(staff)
    response = client.post(
        _confirm_url(course), {"emails": "ghost@example.org", "role": "trainee"}, follow=True
    )
    assert "Enrolled 0 people" in response.content.decode()
    assert not Enrollment.objects.filter(course=course).exclude(person=staff).exists()


def test_staff_cannot_confirm_a_list_of_leads(client, course, staff):
    person = UserFactory()
    client.force_login(staff)
    client.post(_confirm_url(course), {"emails": person.email, "role": "lead"})
    assert not Enrollment.objects.filter(person=person).exists()


def test_the_list_check_reads_lines_without_touching_the_database(course):
    check = enrollment_list_check(course=course, text="a@example.org\n\n\nb@example.org")
    assert [line.number for line in check.lines] == [1, 4]


# --- Staff permissions in the Wagtail admin ----------------------------------------------


def test_staff_edit_only_their_own_course_and_submit_for_review(course, lessons, staff):
    other, other_lessons = make_course_with_lessons(lessons=1)
    staff.refresh_from_db()
    lesson_permissions = lessons[0].permissions_for_user(staff)
    assert lesson_permissions.can_edit()
    assert not lesson_permissions.can_publish()
    assert lesson_permissions.can_submit_for_moderation()
    assert lessons[0].get_parent().permissions_for_user(staff).can_add_subpage()
    assert not other_lessons[0].permissions_for_user(staff).can_edit()
    assert not Page.objects.get(depth=1).permissions_for_user(staff).can_add_subpage()
    assert roles_for(staff).course_staff


def test_leads_publish_and_approve_their_course(course, lessons, lead):
    team = CourseTeam.objects.get(course=course)
    assert lessons[0].permissions_for_user(lead).can_publish()
    assert lessons[0].get_workflow() == team.workflow
    task = team.workflow.tasks.get().specific
    assert list(task.groups.all()) == [team.leads_group]
    assert lead.groups.filter(pk=team.leads_group.pk).exists()


def test_roles_change_and_removal_take_permissions_away(course, lessons):
    person = UserFactory()
    enrollment = enrollment_enrol(course=course, person=person, role="lead", enrolled_by=None)
    assert lessons[0].permissions_for_user(person).can_publish()

    enrollment_enrol(course=course, person=person, role="staff", enrolled_by=None)
    person = type(person).objects.get(pk=person.pk)
    assert not lessons[0].permissions_for_user(person).can_publish()
    assert lessons[0].permissions_for_user(person).can_edit()

    enrollment_enrol(course=course, person=person, role="trainee", enrolled_by=None)
    person = type(person).objects.get(pk=person.pk)
    assert not lessons[0].permissions_for_user(person).can_edit()

    enrollment = Enrollment.objects.get(course=course, person=person)
    enrollment_enrol(course=course, person=person, role="staff", enrolled_by=None)
    enrollment_remove(enrollment=Enrollment.objects.get(pk=enrollment.pk))
    person = type(person).objects.get(pk=person.pk)
    assert not lessons[0].permissions_for_user(person).can_edit()
    # The shared group for admin access stays; it grants no page of its own.
    assert person.groups.filter(name=COURSE_STAFF_GROUP).exists()


def test_staff_roles_grant_nothing_in_supervision(staff, trainee, course_supervisor):
    from guardian.models import GroupObjectPermission, UserObjectPermission

    assert not UserObjectPermission.objects.filter(user=staff).exists()
    assert not GroupObjectPermission.objects.filter(group__in=staff.groups.all()).exists()
    # Course staff may open the admin and curate the worksheet library, nothing clinical.
    clinical = {
        p for p in staff.get_all_permissions() if not p.startswith(("wagtailadmin.", "worksheets."))
    }
    assert not clinical


def test_the_team_is_created_once(course):
    first, second = UserFactory(), UserFactory()
    enrollment_enrol(course=course, person=first, role="staff", enrolled_by=None)
    enrollment_enrol(course=course, person=second, role="lead", enrolled_by=None)
    assert CourseTeam.objects.filter(course=course).count() == 1


def test_the_editor_offers_staff_a_link_to_the_people_of_their_course(
    client, course, lead, trainee
):
    client.force_login(lead)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert _people_url(course) in response.content.decode()


def test_deleting_a_course_removes_its_groups_and_switches_off_its_review(course, lessons, lead):
    from django.contrib.auth.models import Group

    team = CourseTeam.objects.get(course=course)
    group_ids = [team.staff_group_id, team.leads_group_id]
    workflow = team.workflow
    course.delete()
    assert not Group.objects.filter(pk__in=group_ids).exists()
    workflow.refresh_from_db()
    assert not workflow.active
    assert lead.groups.filter(name=COURSE_STAFF_GROUP).exists()


# --- Course downloads ----------------------------------------------------------------------


def test_downloads_in_a_course_collection_are_for_its_members(
    client, course, lead, trainee, outsider
):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    document = Document(
        title="Checklist", collection=CourseTeam.objects.get(course=course).collection
    )
    document.file.save("checklist.txt", ContentFile(b"Plan the task."), save=False)
    document.save()
    url = document.url

    assert client.get(url)["Location"].startswith(reverse("account_login"))
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(trainee)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Plan the task."


def test_downloads_outside_course_collections_are_left_to_wagtail(client, outsider):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    document = Document(title="Handbook")
    document.file.save("handbook.txt", ContentFile(b"General."), save=False)
    document.save()
    client.force_login(outsider)
    assert client.get(document.url).status_code == 200


def test_staff_open_their_course_in_the_editor_but_not_another(client, course, lessons, staff):
    other, other_lessons = make_course_with_lessons(lessons=1)
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_explore", args=[course.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[lessons[0].pk])).status_code == 200
    response = client.get(reverse("wagtailadmin_pages:edit", args=[other_lessons[0].pk]))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-BOM", "BOM"])
def test_an_uploaded_list_reads_alike_whatever_its_line_ends(client, course, staff, ending, bom):
    UserFactory(email="lina@example.org")
    UserFactory(email="omar@example.org")
    text = ending.join(["lina@example.org", "omar@example.org", ""])
    upload = SimpleUploadedFile("people.txt", bom + text.encode(), "text/plain")
    client.force_login(staff)
    response = client.post(_list_url(course), {"upload": upload, "role": "trainee"})
    assert response.context["check"].emails_to_enrol == ["lina@example.org", "omar@example.org"]


@pytest.mark.parametrize("ending", ["\n", "\r"], ids=["LF", "CR"])
def test_the_line_limit_of_an_uploaded_list_counts_decoded_lines(client, course, staff, ending):
    text = ending.join(f"person{n}@example.org" for n in range(MAX_LINES + 1))
    upload = SimpleUploadedFile("people.txt", text.encode(), "text/plain")
    client.force_login(staff)
    response = client.post(_list_url(course), {"upload": upload, "role": "trainee"})
    assert response.status_code == 200
    assert f"more than {MAX_LINES} lines" in response.context["form"].errors["upload"][0]


def test_a_list_with_a_nul_is_refused_beside_the_upload_with_its_line(client, course, staff):
    upload = SimpleUploadedFile("people.txt", b"a@example.org\nb@exa\x00mple.org\n", "text/plain")
    client.force_login(staff)
    response = client.post(
        _list_url(course), {"addresses": "kept@example.org", "upload": upload, "role": "trainee"}
    )
    form = response.context["form"]
    assert "Line 2 of the file contains a control character" in form.errors["upload"][0]
    assert "kept@example.org" in response.content.decode()


def test_the_same_confirmation_sent_twice_enrols_once(client, course, staff):
    people = [UserFactory(email=f"p{n}@example.org") for n in range(2)]
    client.force_login(staff)
    page = client.post(
        _list_url(course), {"addresses": "p0@example.org\np1@example.org", "role": "trainee"}
    ).content.decode()
    assert 'name="submission_key"' in page
    data = {
        "emails": "p0@example.org\np1@example.org",
        "role": "trainee",
        "submission_key": str(uuid.uuid4()),
    }
    first = client.post(_confirm_url(course), data, follow=True)
    second = client.post(_confirm_url(course), data, follow=True)
    assert "Enrolled 2 people" in first.content.decode()
    assert "already confirmed; nobody was enrolled twice" in second.content.decode()
    assert Enrollment.objects.filter(course=course, person__in=people).count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_same_confirmation_sent_at_once_enrols_once_and_answers_alike():
    ensure_course_site()
    course = make_course("Enrolled at once")
    staff = UserFactory()
    enrol(course, staff, Enrollment.Role.STAFF)
    people = [UserFactory(email=f"q{n}@example.org") for n in range(3)]
    data = {
        "emails": "\n".join(person.email for person in people),
        "role": "trainee",
        "submission_key": str(uuid.uuid4()),
    }
    responses = []

    def post():
        client = Client()
        client.force_login(staff)
        responses.append(client.post(_confirm_url(course), data))

    assert at_once(post) == [None] * THREADS
    assert [r.status_code for r in responses] == [302] * THREADS
    assert {r["Location"] for r in responses} == {_people_url(course)}
    assert Enrollment.objects.filter(course=course, person__in=people).count() == 3
