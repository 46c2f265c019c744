"""`make bench`: the key pages under gunicorn on PostgreSQL, per data tier (see bench/run.py)."""
