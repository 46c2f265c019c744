"""URLs of the supervision app; supervision/README.md lists the permission each needs.

tests/supervision/test_authorization.py holds an expectation for every pattern here, for every
kind of user; a new pattern without one fails that test.
"""

from django.urls import path

from supervision.views import (
    cases,
    dashboard,
    hours,
    invitations,
    meetings,
    relationships,
    signoffs,
)

app_name = "supervision"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    # Relationships and groups, as their members see them
    path("supervisions/<int:pk>/", relationships.supervision_detail, name="supervision_detail"),
    path("supervisions/<int:pk>/hours/", hours.supervision_hours, name="supervision_hours"),
    path(
        "supervisions/<int:pk>/hours.csv",
        hours.supervision_hours_csv,
        name="supervision_hours_csv",
    ),
    path(
        "supervisions/<int:pk>/meetings/new/",
        meetings.meeting_create_view,
        name="meeting_create",
    ),
    path("groups/<int:pk>/", relationships.group_detail, name="group_detail"),
    path(
        "groups/<int:pk>/meetings/new/",
        meetings.group_meeting_create,
        name="group_meeting_create",
    ),
    # Meetings
    path("meetings/", meetings.meeting_list, name="meeting_list"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", meetings.meeting_update_view, name="meeting_update"),
    path("meetings/<int:pk>/delete/", meetings.meeting_delete_view, name="meeting_delete"),
    path(
        "meetings/<int:pk>/reflection/",
        meetings.meeting_reflection,
        name="meeting_reflection",
    ),
    # Cases
    path("cases/", cases.case_list, name="case_list"),
    path("cases/new/", cases.case_create_view, name="case_create"),
    path("cases/<int:pk>/", cases.case_detail, name="case_detail"),
    path("cases/<int:pk>/edit/", cases.case_update_view, name="case_update"),
    path("cases/<int:pk>/delete/", cases.case_delete_view, name="case_delete"),
    path("cases/<int:pk>/comments/", cases.case_comment, name="case_comment"),
    # Hours log
    path("hours/", hours.hours, name="hours"),
    path("hours.csv", hours.hours_csv, name="hours_csv"),
    # Hours sign-off and the log book's public check
    path("supervisions/<int:pk>/sign-off/", signoffs.signoff_list, name="signoff_list"),
    path("sign-offs/<int:pk>/", signoffs.signoff_detail, name="signoff_detail"),
    path("sign-offs/<int:pk>/withdraw/", signoffs.signoff_withdraw_view, name="signoff_withdraw"),
    path("sign-offs/<int:pk>/sign/", signoffs.signoff_sign_view, name="signoff_sign"),
    path("sign-offs/<int:pk>/return/", signoffs.signoff_return_view, name="signoff_return"),
    path("sign-offs/<int:pk>/reopen/", signoffs.signoff_reopen_view, name="signoff_reopen"),
    path("verify/", signoffs.logbook_verify, name="logbook_verify"),
    # Invitations
    path("invite/", invitations.invitation_create_view, name="invitation_create"),
    path(
        "invitations/<int:pk>/cancel/",
        invitations.invitation_cancel_view,
        name="invitation_cancel",
    ),
    path(
        "invitations/<str:uidb64>/<str:token>/",
        invitations.invitation_accept_view,
        name="invitation_accept",
    ),
    # Programme administration
    path("manage/", relationships.manage, name="manage"),
    path(
        "manage/relationships/start/",
        relationships.relationship_start,
        name="relationship_start",
    ),
    path(
        "manage/relationships/<int:pk>/end/",
        relationships.relationship_end,
        name="relationship_end",
    ),
    path("manage/groups/start/", relationships.group_start, name="group_start"),
    path("manage/groups/<int:pk>/", relationships.group_manage, name="group_manage"),
    path("manage/groups/<int:pk>/edit/", relationships.group_update, name="group_update"),
    path(
        "manage/groups/<int:pk>/members/",
        relationships.group_member_add,
        name="group_member_add",
    ),
    path("manage/groups/<int:pk>/end/", relationships.group_end, name="group_end"),
]
