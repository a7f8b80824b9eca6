"""Reading a reader's own .json or .toml file (answers, details, logs), bounded and checked.

Only a regular file of at most MAX_BYTES is read, so a device or a pipe cannot flood
memory; its data may nest at most MAX_DEPTH levels; a key given twice is refused. Every
problem is one UsageError line naming the file and what is allowed.
"""

from __future__ import annotations

import json
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from .errors import UsageError, quote

MAX_BYTES = 1_000_000
"""The largest file read, in bytes (answers and details files take a few hundred)."""
MAX_DEPTH = 20
"""The deepest nesting of lists and tables read (the planner's JSON output has 5)."""
SUFFIXES = (".json", ".toml")
LIMITS = f"a regular .json or .toml file of at most {MAX_BYTES // 1_000_000} MB"
"""The limits in words, for --help."""


def read_data_file(path: str | Path, what: str) -> Any:
    """The parsed contents of the file at `path`; `what` names it in error messages."""
    path = Path(path)
    name = f"{what} file {quote(str(path))}"
    if path.suffix not in SUFFIXES:
        raise UsageError(f"{name} must end in .json or .toml")
    data = _parse(_read_text(path, name), path.suffix, name)
    if _depth(data) > MAX_DEPTH:
        raise _too_deep(name)
    return data


def _read_text(path: Path, name: str) -> str:
    try:  # without blocking: opening a named pipe would wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise UsageError(f"cannot read {name}: {error.strerror}") from None
    except ValueError:  # a NUL character in the path
        raise UsageError(f"cannot read {name}: not a valid path") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UsageError(f"{name} is not a regular file; give {LIMITS}")
    try:
        with os.fdopen(fd, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read {name}: {error.strerror}") from None
    if len(data) > MAX_BYTES:
        raise UsageError(f"{name} is too large; give {LIMITS}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{name} is not UTF-8 text") from None


class _DuplicateKey(Exception):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKey(f"key {quote(key)} twice, as {quote(data[key])} and {quote(value)}")
        data[key] = value
    return data


def _parse(text: str, suffix: str, name: str) -> Any:
    kind = suffix[1:]
    try:
        if suffix == ".json":
            return json.loads(text, object_pairs_hook=_unique_keys)
        return tomllib.loads(text)
    except _DuplicateKey as duplicate:
        raise UsageError(f"{name} gives {duplicate}; give each key once") from None
    except RecursionError:
        raise _too_deep(name) from None
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{name} is not valid {kind}: {error}") from None
    except ValueError:  # int() refuses more than 4,300 digits
        raise UsageError(f"{name} holds a number too long to read") from None


def _too_deep(name: str) -> UsageError:
    return UsageError(f"{name} nests lists or tables more than {MAX_DEPTH} levels deep")


def _depth(data: Any) -> int:
    """How many levels of lists and tables `data` nests (counting stops past MAX_DEPTH)."""
    deepest = 0
    pending = [(data, 1)]
    while pending:
        value, level = pending.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:
                pending.extend((child, level + 1) for child in value)
    return deepest
