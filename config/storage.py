"""Static files in production: whitenoise's compressed manifest storage, each URL worked out once.

``{% static %}`` asks the storage for a file's URL on every use: the manifest lookup, the
hashed name and the URL quoting came to about 85 Python calls a tag, and every page has five
or more (issue 11). The manifest is read once when the process starts and never changes while
it runs, so neither does any URL; ``force=True`` (collectstatic's own use) is not remembered.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        url = self._urls.get(name)
        if url is None:
            url = self._urls[name] = super().url(name)
        return url
