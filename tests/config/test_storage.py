"""Production's static files storage (config.storage): hashed URLs, each worked out once."""

import pytest
from django.core.files.base import ContentFile

from config.storage import StaticFilesStorage


def test_a_static_url_is_the_hashed_one_and_is_worked_out_once(tmp_path, settings):
    settings.DEBUG = False
    storage = StaticFilesStorage(location=str(tmp_path), base_url="/static/")
    storage.save("css/site.css", ContentFile(b"body { color: black; }"))
    list(storage.post_process({"css/site.css": (storage, "css/site.css")}))

    url = storage.url("css/site.css")
    assert url.startswith("/static/css/site.") and url.endswith(".css")
    assert url != "/static/css/site.css"  # the hashed name from the manifest
    assert storage._urls == {"css/site.css": url}
    assert storage.url("css/site.css") == url
    # collectstatic's own calls (force) are answered afresh, never remembered.
    assert storage.url("css/site.css", force=True) == url
    assert storage._urls == {"css/site.css": url}
    with pytest.raises(ValueError):  # a file missing from the manifest fails as before
        storage.url("css/missing.css")
    assert "css/missing.css" not in storage._urls
