"""What a gunicorn worker would otherwise do on its first requests, done once in the master.

With ``preload_app`` the master imports Django and forks the workers from it; gunicorn replaces
a worker after ``max_requests``. A new worker imported the URLconf (every view module) and
compiled every template it met on its first requests: about 300 ms in all, during which the
requests queued on it waited (issue 11: the benchmark's 95th percentiles of 400–900 ms on pages
whose median is 2–40 ms). Done here, each fork inherits the result.
"""

from pathlib import Path

from django.conf import settings
from django.db import connections
from django.template import engines
from django.urls import get_resolver


def warm() -> int:
    """Import the URLconf and compile the project's own templates into the cached loader.

    Returns how many templates were compiled. Touches no database, and closes any connection
    all the same: a forked worker must never share its master's socket.
    """
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - imports every view module
    resolver.reverse_dict  # noqa: B018 - what reverse() looks up, built once
    ours = Path(settings.BASE_DIR).resolve()
    compiled = 0
    for backend in engines.all():
        engine = getattr(backend, "engine", None)  # Django's own template engine only
        if engine is None:
            continue
        for directory in backend.template_dirs:
            directory = Path(directory).resolve()
            if not directory.is_relative_to(ours) or ".venv" in directory.parts:
                continue
            for path in sorted(directory.rglob("*.html")):
                engine.get_template(path.relative_to(directory).as_posix())
                compiled += 1
    connections.close_all()
    return compiled
