#!/bin/sh
# Prints the path of a Python interpreter new enough for Django 6 (3.12+), or explains what is missing.
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }

if [ -n "${PYTHON:-}" ]; then
  if ok "$PYTHON"; then command -v "$PYTHON" || echo "$PYTHON"; exit 0; fi
  echo "PYTHON=$PYTHON is not Python 3.12 or newer." >&2; exit 1
fi
for candidate in python3.14 python3.13 python3.12 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && ok "$candidate"; then
    "$candidate" -c 'import sys; print(sys.executable)'; exit 0
  fi
done
# pyenv installs interpreters without putting them on PATH; ask it where they live.
if command -v pyenv >/dev/null 2>&1; then
  for candidate in $(ls -d "$(pyenv root)"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
    if ok "$candidate"; then echo "$candidate"; exit 0; fi
  done
fi
echo "This project needs Python 3.12 or newer (Django 6). Install one, or run make with PYTHON=/path/to/python3.12." >&2
exit 1
