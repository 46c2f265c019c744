"""Recording URLs; recordings/README.md lists the permission each needs."""

from django.urls import path

from recordings import tus, views

app_name = "recordings"

urlpatterns = [
    path("", views.recording_list, name="list"),
    path("new/", views.recording_new, name="new"),
    path("uploads/", tus.upload_create, name="upload_create"),
    path("uploads/<uuid:upload_id>/", tus.upload_detail, name="upload"),
    path("<int:pk>/", views.recording_detail, name="detail"),
    path("<int:pk>/media/", views.recording_media, name="media"),
    path("<int:pk>/hand-in/", views.recording_hand_in, name="hand_in"),
    path("<int:pk>/edit/", views.recording_edit, name="edit"),
    path("<int:pk>/delete/", views.recording_delete, name="delete"),
    path("<int:pk>/review-mode/", views.review_mode_set, name="review_mode"),
    path("<int:pk>/comments/", views.comment_add, name="comment_add"),
    path("<int:pk>/comments/release/", views.comments_release, name="comments_release"),
    path("<int:pk>/rating/", views.rating_start, name="rating_start"),
    path("<int:pk>/meetings/", views.meeting_link, name="meeting_link"),
    path("comments/<int:pk>/discard/", views.comment_discard, name="comment_discard"),
    path("comments/<int:pk>/reply/", views.comment_reply, name="comment_reply"),
]
