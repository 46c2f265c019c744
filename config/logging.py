"""Logs without personal details: error reports and access logs keep ids and code, nothing a person wrote.

Trainees write about their own schemas and mistakes, and cases describe patients; an error log
read by an operator must not become a second copy of that (issue 13, item 6). Every record that
reaches a handler of ours goes through ``WithoutPersonalDetails``, which

- removes query strings from URLs (search terms, tokens) and e-mail addresses;
- replaces quoted text (titles, names, file names in messages such as ``Ended “Sara's group”``)
  and model reprs (``<Entry: My reflection>`` becomes ``<Entry>``) with placeholders;
- replaces file names (``schema-notes.pdf``) with ``[file]``;
- rewrites a traceback so its frames (file, line, function, code) stay and each exception's
  message keeps only ids and code names (``ids_only``); local variables and the request (which
  Django attaches for its e-mail reports, with POST data) are dropped.

Numbers (ids, statuses, sizes, durations) and paths made of ids stay, so a report still says
which object failed. The filter is applied to the handlers of Django's loggers, the root logger
and gunicorn's ``gunicorn.error`` and ``gunicorn.access`` (also as a logger filter there, since
gunicorn replaces handlers when it reloads).
"""

import logging
import os
import re
import traceback

PLACEHOLDER_TEXT = "…"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_QUERY = re.compile(r"\?[^\s\"']*")
# <Entry: My reflection> -> <Entry>; the class name is code, what follows is the object's text.
_REPR = re.compile(r"<([A-Za-z_][\w.]*)(?::| object)[^<>]*>")
# Text between quotes of any kind, but not a %-placeholder of a format string ("%(r)s").
_QUOTED = re.compile(r"\"[^\"%\n]*\"|'[^'%\n]*'|“[^”\n]*”|‘[^’\n]*’|«[^»\n]*»")
_FILE_NAME = re.compile(
    r"[\w\-. ()\[\]]*\.(?:pdf|docx?|odt|rtf|txt|md|csv|xlsx?|ods|pptx?|odp|jpe?g|png|gif|"
    r"webp|heic|svg|mp3|m4a|wav|ogg|oga|flac|aac|mp4|m4v|mov|webm|mkv|avi|zip)\b",
    re.IGNORECASE,
)


def without_personal_details(text: str) -> str:
    """``text`` with e-mail addresses, query strings, quoted text, reprs and file names replaced.

    Order matters: addresses first (they may sit inside quotes), then URLs' query strings, then
    reprs, quotes and file names.
    """
    text = _EMAIL.sub("[email]", text)
    text = _QUERY.sub("?[query]", text)
    text = _REPR.sub(r"<\1>", text)
    text = _QUOTED.sub(
        lambda match: match.group(0)[0] + PLACEHOLDER_TEXT + match.group(0)[-1], text
    )
    return _FILE_NAME.sub("[file]", text)


# What an exception's message may keep: numbers (ids), code names (``supervision_user_email_key``,
# ``auth.User``), paths made of them, and the placeholders above; every other word is free text.
_CODE_TOKEN = re.compile(r"/[\w/.-]*|\d+|[A-Za-z_][\w-]*(?:[._][\w-]+)+|\[(?:email|query|file)\]|…")
_EDGE_PUNCTUATION = ".,:;!?(){}<>\"'“”‘’«»"


def ids_only(text: str) -> str:
    """Free text reduced to its ids and code names, every other run of words becoming one ``…``.

    For exception messages, which code builds from anything at hand (``f"Could not list
    {supervision}"`` names two people without quoting them), so no pattern can find the names.
    """
    words = []
    for token in without_personal_details(text).split():
        core = token.strip(_EDGE_PUNCTUATION) or token
        kept = token if _CODE_TOKEN.fullmatch(core) or not core.strip(_EDGE_PUNCTUATION) else "…"
        if not (kept == "…" and words and words[-1] == "…"):
            words.append(kept)
    return " ".join(words)


def _exception_line(line: str) -> str:
    """``Type: message`` with the message reduced to ids; the type is code and stays."""
    newline = "\n" if line.endswith("\n") else ""
    head, colon, message = line.rstrip("\n").partition(": ")
    if colon and re.fullmatch(r"[\w.]+", head):
        return f"{head}: {ids_only(message)}{newline}"
    return f"{ids_only(line)}{newline}"


def _clean_value(value):
    if isinstance(value, str):
        return without_personal_details(value)
    if isinstance(value, int | float | bool) or value is None:
        return value
    # Objects (a request, a model instance) would be rendered through their __str__.
    return without_personal_details(str(value))


def traceback_without_personal_details(exc_info) -> str:
    """A traceback with its frames as they are and each exception's message cleaned.

    The frames hold code only (file, line number, function, source line); what a person typed can
    only reach a traceback through an exception's message, its notes, or a chained exception's.
    """
    exception = traceback.TracebackException(*exc_info, capture_locals=False)
    return "".join(_chain_lines(exception, seen=set()))


def _chain_lines(exception: traceback.TracebackException, seen: set[int]) -> list[str]:
    seen.add(id(exception))
    lines: list[str] = []
    if exception.__cause__ is not None and id(exception.__cause__) not in seen:
        lines += _chain_lines(exception.__cause__, seen)
        lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif (
        exception.__context__ is not None
        and not exception.__suppress_context__
        and id(exception.__context__) not in seen
    ):
        lines += _chain_lines(exception.__context__, seen)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    if exception.stack:
        lines.append("Traceback (most recent call last):\n")
        lines += exception.stack.format()
    lines += [_exception_line(line) for line in exception.format_exception_only()]
    return lines


class WithoutPersonalDetails(logging.Filter):
    """Cleans a record in place and always lets it through (a log line is never lost)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            self._clean(record)
        except Exception:  # noqa: BLE001 - a filter that raises would lose the record
            record.msg = (
                f"[{record.levelname} record from {record.name} withheld: could not be cleaned]"
            )
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True

    def _clean(self, record: logging.LogRecord) -> None:
        if getattr(record, "_without_personal_details", False):
            return  # already cleaned by the logger's filter before reaching the handler
        if isinstance(record.msg, str):
            record.msg = without_personal_details(record.msg)
        else:
            record.msg = _clean_value(record.msg)
        if isinstance(record.args, dict):
            # gunicorn's access log: a format of its own with a dict of "atoms".
            record.args = {key: _clean_value(value) for key, value in record.args.items()}
        elif record.args:
            record.args = tuple(_clean_value(value) for value in record.args)
        if record.exc_info:
            record.exc_text = traceback_without_personal_details(record.exc_info)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = without_personal_details(record.exc_text)
        if record.stack_info:
            record.stack_info = without_personal_details(record.stack_info)
        # Django attaches the request for its e-mail report (with POST data and cookies).
        for name in ("request", "scope"):
            if hasattr(record, name):
                delattr(record, name)
        record._without_personal_details = True


def logging_config(level: str = "INFO", access_log: str | None = None) -> dict:
    """The ``LOGGING`` dict: one console handler, cleaned, for Django's, gunicorn's and our loggers.

    The ``django`` and ``django.server`` loggers are named so that this configuration replaces the
    handlers Django's defaults gave them (including ``mail_admins``, whose reports hold request
    data). gunicorn's loggers get the filter on the logger as well: gunicorn may set its own
    handlers again (on reload), and a logger's filter stays.

    ``access_log`` (default: ``GUNICORN_ACCESS_LOG``, as config/gunicorn.conf.py reads it) says
    where gunicorn's access log goes: ``-`` (the default) the console, a path that file (reopened
    when rotated away), empty nowhere. It is decided here because this configuration, loaded
    in gunicorn's master before the workers fork (``preload_app``), replaces the handler
    gunicorn itself set from ``accesslog``.
    """
    if access_log is None:
        access_log = os.environ.get("GUNICORN_ACCESS_LOG", "-")
    cleaned = {"handlers": ["console"], "filters": ["without_personal_details"]}
    handlers = {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["without_personal_details"],
        }
    }
    access = {**cleaned, "level": level, "propagate": False}
    if not access_log:
        access["handlers"] = []
    elif access_log != "-":
        handlers["access_file"] = {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": access_log,
            "formatter": "plain",
            "filters": ["without_personal_details"],
        }
        access["handlers"] = ["access_file"]
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"without_personal_details": {"()": WithoutPersonalDetails}},
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        },
        "handlers": handlers,
        "root": {"handlers": ["console"], "level": "WARNING"},
        "loggers": {
            "django": {"handlers": ["console"], "level": level, "propagate": False},
            "django.server": {"handlers": ["console"], "level": level, "propagate": False},
            "gunicorn.error": {**cleaned, "level": level, "propagate": False},
            "gunicorn.access": access,
        },
    }
