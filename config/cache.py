"""Django's own Redis cache, keeping one Redis client per connection pool.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache operation,
and building one registers its ~170 reply callbacks one by one: on every signed-in page (the
session is read from the cache) that was about a tenth of the request's Python calls before
the view ran (issue 11). A ``redis.Redis`` is safe to share between threads (each command takes
a connection from the pool), and redis-py's pool notices a fork and opens new connections, so
one client per pool, made on first use, is what Django's client would give, built once.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # connection pool index: redis.Redis

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class RedisCache(django_redis.RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with the client above; same settings."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
