"""The registry of documents an export can be, like Wagtail's hooks: apps register one in ready().

A document is an object with:

- ``key`` (str) and ``verbose_name`` (str);
- ``params_from(data: QueryDict) -> dict`` the parameters a request names (ValueError if bad);
- ``authorize(request, params) -> str`` the title, after checking the person may have it:
  Http404 for what they may not know exists, PermissionDenied for what they may see but not export;
- ``build(export, progress) -> (template_name, context, filename)``, run by the worker;
  ``progress(percent, stage)`` reports how far it got.
"""

from typing import Protocol

_documents: dict[str, "Document"] = {}


class Document(Protocol):
    key: str
    verbose_name: str

    def params_from(self, data) -> dict: ...

    def authorize(self, request, params: dict) -> str: ...

    def build(self, export, progress) -> tuple[str, dict, str]: ...


def register(document: Document) -> None:
    _documents[document.key] = document


def get(key: str) -> Document:
    """The registered document; KeyError for an unknown key."""
    return _documents[key]
