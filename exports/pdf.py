"""HTML to PDF with WeasyPrint: A4, page numbers, a table of contents, our own embedded typeface.

The print stylesheet is ``static/css/print.css``; the fonts come from npm (@fontsource/noto-sans,
copied to static/vendor/fonts by scripts/build_static.mjs). WeasyPrint may fetch nothing but
those files: the fetcher refuses every other address, so text in a document can never make
the worker read a file or the network.
"""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEET = "css/print.css"
FONTS = {
    (subset, weight): f"vendor/fonts/noto-sans-{subset}-{weight}-normal.woff"
    for subset in ("latin", "latin-ext")
    for weight in (400, 700)
}
# The characters each subset covers (Fontsource's ranges), so the right file is used per character.
UNICODE_RANGES = {
    "latin": "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, "
    "U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, "
    "U+FEFF, U+FFFD",
    "latin-ext": "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, "
    "U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, "
    "U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF",
}


class PdfUnavailable(RuntimeError):
    """WeasyPrint or its system libraries (Pango) are missing: run ``make pdf-deps``."""


def _static_path(name: str) -> Path:
    found = finders.find(name)
    if not found:
        raise PdfUnavailable(f"{name} is missing; run `make install` to build static/vendor.")
    return Path(found).resolve()


def _font_faces() -> str:
    rules = []
    for (subset, weight), name in FONTS.items():
        rules.append(
            "@font-face { font-family: 'Noto Sans'; font-style: normal; "
            f"font-weight: {weight}; src: url('{_static_path(name).as_uri()}') format('woff'); "
            f"unicode-range: {UNICODE_RANGES[subset]}; }}"
        )
    return "\n".join(rules)


def _allowed_files() -> set[str]:
    return {_static_path(name).as_uri() for name in FONTS.values()}


class Rendering:
    """A document laid out in pages; ``write()`` gives the PDF's bytes. Two steps, for progress."""

    def __init__(self, template_name: str, context: dict):
        try:
            import weasyprint
        except (ImportError, OSError) as error:  # OSError: Pango is not installed
            raise PdfUnavailable(str(error)) from error
        self._weasyprint = weasyprint
        allowed = _allowed_files()

        def fetch(url, *args, **kwargs):
            if url not in allowed:
                raise ValueError(f"Exports fetch nothing but their fonts, not {url}")
            return weasyprint.default_url_fetcher(url, *args, **kwargs)

        html = render_to_string(template_name, context)
        self.html = weasyprint.HTML(string=html, url_fetcher=fetch)
        self.stylesheets = [
            weasyprint.CSS(string=_font_faces(), url_fetcher=fetch),
            weasyprint.CSS(filename=str(_static_path(STYLESHEET)), url_fetcher=fetch),
        ]
        self.document = None

    def layout(self) -> int:
        """Lay the document out in pages; the slow step. Returns the number of pages."""
        self.document = self.html.render(stylesheets=self.stylesheets)
        return len(self.document.pages)

    def write(self) -> bytes:
        if self.document is None:
            self.layout()
        return self.document.write_pdf()


def render_pdf(template_name: str, context: dict) -> bytes:
    """The template rendered with the context, as PDF bytes. PdfUnavailable without WeasyPrint."""
    return Rendering(template_name, context).write()
