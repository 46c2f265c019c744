"""Run one action in several threads at once, as several tabs or double clicks would (PostgreSQL)."""

import threading

from django.db import connections

THREADS = 4


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
