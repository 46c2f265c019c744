"""Object permissions: granted in services, checked without superuser shortcuts, removed on delete."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from supervision.models import (
    Supervision,
    SupervisionGroupObjectPermission,
    SupervisionUserObjectPermission,
)
from supervision.permissions import (
    ClinicalPermissionChecker,
    grant,
    objects_for_user,
    permission_ids_forget,
    revoke,
)
from tests.factories import UserFactory, make_supervision

pytestmark = pytest.mark.django_db


def test_starting_a_supervision_grants_both_parties_view(supervisor, supervisee, supervision):
    checker = ClinicalPermissionChecker(supervisor)
    assert checker.has_perm("view_supervision", supervision)
    assert ClinicalPermissionChecker(supervisee).has_perm("view_supervision", supervision)
    assert not ClinicalPermissionChecker(UserFactory()).has_perm("view_supervision", supervision)


def test_superusers_get_no_shortcut_to_clinical_material(administrator, supervision):
    assert administrator.has_perm("supervision.view_supervision", supervision)  # Django's shortcut
    assert not ClinicalPermissionChecker(administrator).has_perm("view_supervision", supervision)
    assert not objects_for_user(administrator, "view_supervision", Supervision.objects.all())


def test_inactive_users_hold_nothing(supervisor, supervision):
    supervisor.is_active = False
    supervisor.save()
    assert not ClinicalPermissionChecker(supervisor).has_perm("view_supervision", supervision)
    assert not objects_for_user(supervisor, "view_supervision", Supervision.objects.all())


def test_prefetched_checker_asks_the_database_once(supervisor, django_assert_num_queries):
    supervisions = [make_supervision(supervisor) for _ in range(5)]
    ContentType.objects.get_for_model(Supervision)  # warm Django's content-type cache
    checker = ClinicalPermissionChecker(supervisor)
    with django_assert_num_queries(2):  # user rows and group rows
        checker.prefetch_perms(supervisions)
    with django_assert_num_queries(0):
        assert all(checker.has_perm("view_supervision", s) for s in supervisions)


def test_deleting_a_supervision_or_user_leaves_no_permission_rows(supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee)
    assert SupervisionUserObjectPermission.objects.count() == 5
    supervision.delete()
    assert SupervisionUserObjectPermission.objects.count() == 0

    loner = UserFactory()
    make_supervision(supervisor, loner)
    # Supervisions protect their people, so a person's relationships go first.
    Supervision.objects.filter(supervisee=loner).delete()
    loner_pk = loner.pk
    loner.delete()
    assert not SupervisionUserObjectPermission.objects.filter(user_id=loner_pk).exists()


def test_grant_writes_every_permission_in_one_insert_and_again_changes_nothing(
    supervisor, supervisee, django_assert_num_queries
):
    supervision = make_supervision(supervisor, supervisee)
    newcomer = UserFactory()
    perms = ("view_supervision", "record_meeting", "bring_case")
    ContentType.objects.get_for_model(Supervision)  # warm Django's content-type cache
    permission_ids_forget()  # as in a process that has granted nothing yet
    with django_assert_num_queries(2):  # the model's permission ids (once a process), one insert
        grant(newcomer, perms, supervision)
    with django_assert_num_queries(1):
        grant(newcomer, perms, supervision)  # already held: no error, no second row
    held = SupervisionUserObjectPermission.objects.filter(user=newcomer, content_object=supervision)
    assert sorted(held.values_list("permission__codename", flat=True)) == sorted(perms)
    checker = ClinicalPermissionChecker(newcomer)
    assert all(checker.has_perm(perm, supervision) for perm in perms)
    assert not ClinicalPermissionChecker(UserFactory()).has_perm("view_supervision", supervision)


def test_grant_refuses_a_codename_the_model_does_not_have_and_grants_nothing(supervision):
    newcomer = UserFactory()
    with pytest.raises(Permission.DoesNotExist, match="view_meeting"):
        grant(newcomer, ("view_supervision", "view_meeting"), supervision)
    assert not SupervisionUserObjectPermission.objects.filter(user=newcomer).exists()


def test_grant_on_a_queryset_gives_every_object_in_one_insert(
    supervisor, django_assert_num_queries
):
    supervisions = [make_supervision(supervisor) for _ in range(3)]
    newcomer = UserFactory()
    ContentType.objects.get_for_model(Supervision)
    with django_assert_num_queries(2):  # the queryset, one insert (the ids are known)
        grant(newcomer, ("view_supervision",), Supervision.objects.filter(supervisor=supervisor))
    checker = ClinicalPermissionChecker(newcomer)
    assert all(checker.has_perm("view_supervision", s) for s in supervisions)
    assert SupervisionUserObjectPermission.objects.filter(user=newcomer).count() == 3


def test_grant_reads_the_permission_ids_again_after_migrations(supervision):
    """A flush and migrate (transactional tests) give the permissions new ids: post_migrate
    makes grant forget the ones it read, so it never writes a row for a permission gone."""
    from django.apps import apps
    from django.db.models.signals import post_migrate

    newcomer = UserFactory()
    grant(newcomer, ("bring_case",), supervision)  # the ids are read and kept
    old = Permission.objects.get(codename="bring_case")
    Permission.objects.filter(pk=old.pk).delete()
    renewed = Permission.objects.create(
        codename="bring_case", name=old.name, content_type_id=old.content_type_id
    )
    config = apps.get_app_config("supervision")
    post_migrate.send(
        sender=config, app_config=config, verbosity=0, interactive=False, using="default"
    )
    grant(newcomer, ("bring_case",), supervision)
    held = SupervisionUserObjectPermission.objects.get(user=newcomer, content_object=supervision)
    assert held.permission_id == renewed.pk


def test_revoke_takes_every_permission_back_in_one_delete(
    supervisor, supervisee, django_assert_num_queries
):
    supervision = make_supervision(supervisor, supervisee)
    others = [make_supervision(supervisor) for _ in range(2)]
    ContentType.objects.get_for_model(Supervision)
    with django_assert_num_queries(1):
        revoke(supervisee, ("view_supervision", "record_meeting", "bring_case"), supervision)
    assert not ClinicalPermissionChecker(supervisee).get_perms(supervision)
    assert ClinicalPermissionChecker(supervisor).has_perm("view_supervision", supervision)
    with django_assert_num_queries(1):  # a queryset: every object in the same delete
        revoke(supervisor, ["view_supervision"], Supervision.objects.filter(supervisor=supervisor))
    checker = ClinicalPermissionChecker(supervisor)
    assert not any(checker.has_perm("view_supervision", s) for s in [supervision, *others])
    assert checker.has_perm("record_meeting", others[0])  # only what was named is taken back


def test_objects_for_user_reads_user_and_group_rows_and_needs_every_permission_asked(
    supervisor, supervisee
):
    from django.contrib.auth.models import Group
    from guardian.shortcuts import assign_perm, get_objects_for_user

    own, shared, other = (make_supervision(supervisor) for _ in range(3))
    team = Group.objects.create(name="Reading team")
    reader = UserFactory()
    reader.groups.add(team)
    assign_perm("view_supervision", reader, own)
    assign_perm("change_supervision", reader, own)
    assign_perm("view_supervision", team, shared)  # held through a group only
    everything = Supervision.objects.all()

    def pks(queryset):
        return set(queryset.values_list("pk", flat=True))

    assert pks(objects_for_user(reader, "view_supervision", everything)) == {own.pk, shared.pk}
    assert pks(objects_for_user(reader, "supervision.view_supervision", everything)) == {
        own.pk,
        shared.pk,
    }
    both = ["view_supervision", "change_supervision"]
    assert pks(objects_for_user(reader, both, everything)) == {own.pk}
    assert pks(objects_for_user(reader, both, everything, any_perm=True)) == {own.pk, shared.pk}
    assert pks(objects_for_user(reader, "view_supervision", everything.exclude(pk=own.pk))) == {
        shared.pk
    }
    assert other.pk not in pks(objects_for_user(reader, both, everything, any_perm=True))
    # The same answers as guardian's generic filter, without its superuser and global passes.
    for perms, any_perm in [("view_supervision", False), (both, False), (both, True)]:
        assert pks(objects_for_user(reader, perms, everything, any_perm=any_perm)) == pks(
            get_objects_for_user(
                reader,
                perms,
                klass=everything,
                any_perm=any_perm,
                accept_global_perms=False,
                with_superuser=False,
            )
        )


def test_revoke_on_one_object_deletes_exactly_the_rows_named(supervisor, supervisee):
    """The hand-written delete (one object, a direct table): that holder, those permissions, that
    object; a group's rows by the group; an unknown codename is no error."""
    from django.contrib.auth.models import Group

    supervision = make_supervision(supervisor, supervisee)
    other = make_supervision(supervisor)
    grant(supervisee, ("view_supervision", "bring_case"), other)
    team = Group.objects.create(name="Case reviewers")
    grant(team, ("view_supervision", "bring_case"), supervision)
    revoke(supervisee, ("view_supervision", "bring_case"), supervision)
    revoke(supervisee, ("not_a_permission",), supervision)  # read as not held: no error
    assert ClinicalPermissionChecker(supervisee).get_perms(supervision) == ["record_meeting"]
    assert sorted(ClinicalPermissionChecker(supervisee).get_perms(other)) == [
        "bring_case",
        "view_supervision",
    ]
    assert ClinicalPermissionChecker(supervisor).has_perm("view_supervision", supervision)
    revoke(team, ("bring_case",), supervision)
    rows = SupervisionGroupObjectPermission.objects.filter(group=team, content_object=supervision)
    assert list(rows.values_list("permission__codename", flat=True)) == ["view_supervision"]


def test_revoke_sends_the_delete_signals_to_whoever_listens(supervisor, supervisee):
    from django.db.models.signals import post_delete

    supervision = make_supervision(supervisor, supervisee)
    deleted = []

    def listener(sender, instance, **kwargs):
        deleted.append(instance.permission.codename)

    post_delete.connect(listener, sender=SupervisionUserObjectPermission)
    try:
        revoke(supervisee, ("bring_case",), supervision)
    finally:
        post_delete.disconnect(listener, sender=SupervisionUserObjectPermission)
    assert deleted == ["bring_case"]
    assert not ClinicalPermissionChecker(supervisee).has_perm("bring_case", supervision)
