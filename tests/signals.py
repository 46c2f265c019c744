"""Helpers for the tests that hold each sender's docstring to the receivers actually connected."""

from django.dispatch import Signal


def connected(signal: Signal) -> set[str]:
    """The dispatch_uids of the receivers connected to a signal (for any sender)."""
    return {key[0] for key, *_ in signal.receivers if isinstance(key[0], str)}


def documented(module, name: str) -> set[str]:
    """The dispatch_uids the sending module's docstring lists under one signal."""
    lines = iter(module.__doc__.splitlines())
    for line in lines:
        if line.startswith(f"``{name}``") or f"``{name}``" in line.split(":")[0]:
            break
    else:
        raise AssertionError(f"{module.__name__}'s docstring does not describe {name}")
    uids = set()
    for line in lines:
        if line and not line.startswith(" "):
            break
        stripped = line.strip()
        if stripped.startswith("- ``"):
            uids.add(stripped[4:].split("``")[0])
    return uids
