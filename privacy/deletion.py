"""Deleting rows together with the files they and everything cascading from them hold."""

from django.db import transaction
from django.db.models import FileField, QuerySet
from django.db.models.deletion import Collector


def _file_fields(model) -> list[str]:
    return [field.name for field in model._meta.concrete_fields if isinstance(field, FileField)]


def delete_with_files(queryset: QuerySet) -> dict[str, int]:
    """Delete ``queryset`` (and what cascades from it); remove their files after the commit.

    Returns ``{model label: rows deleted}``, as ``QuerySet.delete()`` counts them. Must run
    inside a transaction: the files go only once the deletion is committed, so a rolled-back
    erasure loses nothing.
    """
    collector = Collector(using=queryset.db, origin=queryset)
    collector.collect(queryset)
    stored = []
    for model, instances in collector.data.items():
        for name in _file_fields(model):
            stored += [getattr(instance, name) for instance in instances]
    for fast in collector.fast_deletes:
        for name in _file_fields(fast.model):
            stored += [getattr(instance, name) for instance in fast]
    files = [(item.storage, item.name) for item in stored if item]
    _, counts = queryset.delete()
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    return {label: count for label, count in counts.items() if count}
