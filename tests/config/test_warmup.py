"""The gunicorn master's warm-up (config.warmup): the URLconf and our templates, before the fork."""

import gc
import runpy
from pathlib import Path

from django.db import connection
from django.template import engines

from config.warmup import warm

ROOT = Path(__file__).resolve().parents[2]


def _cached_loader():
    loader = engines["django"].engine.template_loaders[0]
    assert hasattr(loader, "get_template_cache"), "production and tests use the cached loader"
    return loader


def test_the_warm_up_compiles_our_templates_into_the_cached_loader():
    loader = _cached_loader()
    loader.reset()
    compiled = warm()
    cached = set(loader.get_template_cache)
    assert compiled == len(list((ROOT / "templates").rglob("*.html"))) + len(
        [p for p in ROOT.glob("*/templates/**/*.html") if ".venv" not in p.parts]
    )
    assert {"base.html", "supervision/dashboard.html", "feedback/awaiting.html"} <= cached
    assert not any(name.startswith("wagtailadmin/") for name in cached)  # Wagtail's own: left
    assert connection.connection is None  # nothing a forked worker could share


def test_gunicorn_warms_up_once_in_the_master_before_forking():
    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    assert conf["preload_app"] is True
    said = []

    class Log:
        def info(self, message, *args):
            said.append(message % args)

    class Server:
        log = Log()

    _cached_loader().reset()
    conf["when_ready"](Server())
    assert said and said[0].startswith("warmed: ")
    assert "base.html" in _cached_loader().get_template_cache


def test_gunicorn_forks_workers_with_what_the_master_loaded_out_of_the_collectors_reach():
    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    gc.unfreeze()
    try:
        conf["pre_fork"](None, None)
        # Everything loaded so far (Django, the apps, this test) is in the permanent generation.
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
