"""Helpers for browser tests: sign in through the real login page and check accessibility."""

import io

from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from tests.factories import PASSWORD

_axe = Axe()


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def assert_accessible(page) -> None:
    results = _axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def pdf_text_at(page, href: str) -> str:
    """The text of the PDF at ``href``, fetched with the page's session, words joined by spaces."""
    response = page.request.get(href)
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())
