"""Test databases for parallel runs: migrate once per run, then give each xdist worker a copy.

pytest-django's own ``django_db_setup`` has every xdist worker create its database and run every
migration (about a minute of CPU each on the machines here; the workers share two cores with
each other and with everyone else). Here the first worker to arrive builds one migrated database,
the *template*, and every worker then clones it, with Django's own clone
(``DatabaseCreation.clone_test_db``, what ``manage.py test --parallel`` uses): on SQLite a copy
of the file, on PostgreSQL ``CREATE DATABASE <clone> WITH TEMPLATE <template>``.

Correctness:

- The template is rebuilt by the first worker of every run (a stamp beside the lock holds the
  run's id, which xdist gives every worker of one run), so a template left by an earlier run,
  stale or half-built, is never cloned. The stamp is written only after the build succeeded.
- Building and cloning happen under one exclusive file lock: PostgreSQL refuses to use a
  template while anyone else is connected to it, and no worker copies a file being written.
- A clone left by an earlier run is dropped and made again (Django's clone does that); on
  SQLite the write-ahead log files beside a database are removed first, since SQLite would
  otherwise replay a stale log into a fresh copy.
- Without xdist, or with ``--reuse-db`` (the worker's kept database is then what is reused), the
  fixture does what pytest-django's does.

The template stays on disk (or in PostgreSQL) after the run, as a kept database does; the next
run rebuilds it. Only the ``default`` alias and its test settings are in play here (no mirrors).
"""

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager, suppress
from pathlib import Path

SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


@contextmanager
def exclusive(path: Path):
    """Hold an exclusive ``flock`` on ``path`` (created if missing) for the block."""
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _lock_paths(connection, template_name: str) -> tuple[Path, Path]:
    """(lock file, stamp file) for one template, in the temporary directory: one pair per
    database server and template name, so two checkouts with different names never wait on
    each other, and two runs on the same template take turns."""
    settings = connection.settings_dict
    identity = "|".join(
        str(part)
        for part in (
            settings["ENGINE"],
            settings.get("HOST"),
            settings.get("PORT"),
            os.path.abspath(template_name) if connection.vendor == "sqlite" else template_name,
        )
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    base = Path(tempfile.gettempdir()) / f"cbt-test-template-{digest}"
    return base.with_suffix(".lock"), base.with_suffix(".run")


def _remove_sqlite_sidecars(name: str) -> None:
    for sidecar in SQLITE_SIDECARS:
        with suppress(FileNotFoundError):
            os.remove(name + sidecar)


def _build_template(connection, verbosity: int) -> None:
    """Create and migrate the template (dropping any earlier one), then close every connection
    to it: PostgreSQL clones only a template nobody is connected to, and SQLite writes its log
    back into the file when the last connection closes."""
    if connection.vendor == "sqlite":
        template = connection.creation._get_test_db_name()
        if os.path.exists(template):
            os.remove(template)
        _remove_sqlite_sidecars(template)
    connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, keepdb=False)
    connection.close()


def setup_worker_databases(aliases, serialized_aliases, worker_id: str, run_id: str, verbosity):
    """Give this xdist worker its own clone of this run's template for each alias.

    Returns ``(connection, original NAME)`` pairs for :func:`teardown_worker_databases`.
    """
    from django.conf import settings
    from django.db import connections

    restore = []
    for alias in aliases:
        connection = connections[alias]
        original_name = connection.settings_dict["NAME"]
        template = connection.creation._get_test_db_name()
        lock, stamp = _lock_paths(connection, template)
        with exclusive(lock):
            if not stamp.exists() or stamp.read_text() != run_id:
                _build_template(connection, verbosity)
                stamp.write_text(run_id)
            else:
                settings.DATABASES[alias]["NAME"] = template
                connection.settings_dict["NAME"] = template
            clone = connection.creation.get_test_db_clone_settings(worker_id)
            if connection.vendor == "sqlite":
                _remove_sqlite_sidecars(clone["NAME"])
            connection.close()
            connection.creation.clone_test_db(suffix=worker_id, verbosity=verbosity)
        # In place, as Django's setup_worker_connection does: the live server's threads open
        # their own connections from this same settings dict.
        connection.settings_dict.update(clone)
        settings.DATABASES[alias]["NAME"] = clone["NAME"]
        connection.close()
        if alias in serialized_aliases:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        restore.append((connection, original_name))
    return restore


def teardown_worker_databases(restore, verbosity) -> None:
    """Drop this worker's clones (never the template: another worker may still be copying it)."""
    for connection, original_name in restore:
        clone = connection.settings_dict["NAME"]
        connection.creation.destroy_test_db(original_name, verbosity=verbosity, keepdb=False)
        if connection.vendor == "sqlite":
            _remove_sqlite_sidecars(clone)
