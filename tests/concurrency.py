"""Run one action in several threads at once, as several tabs or double clicks would (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

THREADS = 4


@pytest.fixture(autouse=True)
def postgres_only():
    """Imported by a test module, skips its tests on SQLite (row locks and waits are PostgreSQL's)."""
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent transactions are tested on PostgreSQL.")


def at_once(action) -> list:
    """Run the action in several threads released by one barrier; return what each raised."""
    barrier = threading.Barrier(THREADS)
    outcomes = []

    def run():
        try:
            barrier.wait()
            action()
            outcomes.append(None)
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread met
            outcomes.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=run) for _ in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return outcomes


def post_at_once(user, url: str, data: dict, sign_in=None) -> list:
    """POST ``data`` to ``url`` as ``user`` from several browsers at the same moment.

    Returns every response (each thread's own test client); fails if a thread raised.
    ``sign_in(client, user)`` replaces ``client.force_login`` where a page needs more (for
    example a recent re-authentication).
    """
    responses = []

    def post():
        client = Client()
        (sign_in or Client.force_login)(client, user)
        responses.append(client.post(url, data))

    outcomes = at_once(post)
    assert outcomes == [None] * THREADS
    return responses
