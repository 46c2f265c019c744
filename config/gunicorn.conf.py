"""gunicorn's settings for production: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Every value can be overridden from the environment (gunicorn reads GUNICORN_CMD_ARGS too):
- ``PORT`` / ``GUNICORN_BIND``: where to listen (default 127.0.0.1:8000, behind the proxy).
- ``WEB_CONCURRENCY``: worker processes (default 2 x CPU cores + 1, gunicorn's advice for
  sync workers that wait on PostgreSQL).
- ``GUNICORN_TIMEOUT``: seconds a request may take before its worker is restarted (default 30;
  PDFs are rendered in the request, the slowest take a few seconds).
- ``GUNICORN_ACCESS_LOG``: ``-`` (default) the access log on the console, a path a file,
  empty none (config.logging writes it, without query strings or personal details).

TLS is terminated by the proxy in front (nginx, a load balancer); it must set
``X-Forwarded-Proto`` and ``X-Forwarded-For``, which gunicorn trusts only from
``FORWARDED_ALLOW_IPS`` (default 127.0.0.1) and Django reads through SECURE_PROXY_SSL_HEADER.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Load Django once in the master so workers fork ready (faster start, less memory); Django
# opens database connections per worker on first use, never at import.
preload_app = True
# A worker is replaced after this many requests (with jitter so they do not all restart together),
# which bounds the growth of any slow leak.
max_requests = 2000
max_requests_jitter = 200
# No control socket: its default path is one per machine user, so two servers on one machine
# (CI's smoke beside a benchmark) would fight over it; signals to the PID do the same job.
control_socket_disable = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Empty: no access log at all (gunicorn then does not even format the lines).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The path without its query string (%(U)s, not %(r)s): query strings may carry search terms or
# tokens, which must not end up in logs. No referrer for the same reason.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'


def when_ready(server):
    """In the master, once, before the first worker is forked (preload_app): see config/warmup."""
    from config.warmup import warm

    server.log.info("warmed: %d templates compiled before the workers fork", warm())


def pre_fork(server, worker):
    """In the master, before each worker is forked: the objects loaded so far (Django, Wagtail,
    the compiled templates) are moved out of the garbage collector's reach (``gc.freeze``, the
    recipe of Python's gc documentation for processes that fork without exec).

    Without it each new worker's first full collection walked the whole inherited heap,
    touching every page of it (copy-on-write), on the core that was serving requests: with a
    worker replaced every ``max_requests`` that made p95 of hello-world 90 ms to 1.1 s under
    the benchmark's load, against 5 ms with it (issue 11).
    """
    gc.freeze()
