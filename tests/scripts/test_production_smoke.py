"""The smoke's own parts that must be right for it to prove anything: the TOTP code it types."""

import base64
import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "production_smoke.py"
spec = importlib.util.spec_from_file_location("production_smoke", SCRIPT)
smoke = importlib.util.module_from_spec(spec)
spec.loader.exec_module(smoke)


def test_totp_matches_rfc_6238_sha1_vectors():
    # RFC 6238 appendix B, SHA1, secret "12345678901234567890"; the last six of the eight digits.
    secret = base64.b32encode(b"12345678901234567890").decode().rstrip("=")
    assert smoke.totp(secret, at=59) == "287082"
    assert smoke.totp(secret, at=1111111109) == "081804"
    assert smoke.totp(secret, at=2000000000) == "279037"


def test_page_parser_finds_links_assets_and_the_csrf_token():
    page = smoke.Page()
    page.feed(
        '<link rel="stylesheet" href="/static/css/site.abc.css"><a href="/hours/">Hours</a>'
        '<script src="/static/js/x.js"></script>'
        '<input type="hidden" name="csrfmiddlewaretoken" value="tok">'
    )
    assert page.links == ["/hours/"]
    assert page.assets == ["/static/css/site.abc.css", "/static/js/x.js"]
    assert page.inputs == {"csrfmiddlewaretoken": "tok"}
