"""The library's errors: every failure a user can cause is one of these, with a clear message."""

from __future__ import annotations

import reprlib
import unicodedata

QUOTE_LIMIT = 40
"""How many characters of a bad value an error message or notice repeats."""


class TeleworkError(Exception):
    """Base class of the library's errors."""


class DataError(TeleworkError):
    """The guide's data files are malformed; the message names the file, entry and problem."""


class AnswerError(TeleworkError, ValueError):
    """A reader's answers are invalid; the message names the question and what is allowed."""


class ArgumentError(TeleworkError, TypeError):
    """A function was given the wrong kind of argument; the message names it and what is allowed."""


class UsageError(TeleworkError):
    """Bad command-line input (an option or a file it names); one line, exit status 2."""


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """`value` as a short, readable quotation for a one-line message.

    Strings are quoted as they are, anything else by its ``repr``; control and format
    characters (bidirectional overrides among them) become ``?``, and what is longer than
    `limit` is cut, ending in "…". The result never grows with the size of `value`.
    """
    if isinstance(value, str):
        text = value[: limit + 1]
    else:
        try:
            text = _short_repr(value, limit)
        except Exception:  # a hostile __repr__ must not hide the real error
            text = f"<{type(value).__name__}>"
    return f"“{printable(text, limit)}”"


def printable(text: str, limit: int) -> str:
    """`text` cut to `limit` characters (ending in "…"), control and format characters as ``?``."""
    text = "".join("?" if unicodedata.category(ch)[0] == "C" else ch for ch in text[: limit + 1])
    return text[: limit - 1] + "…" if len(text) > limit else text


def _short_repr(value: object, limit: int) -> str:
    if isinstance(value, int) and value.bit_length() > 10_000:  # str() would refuse it
        return "a number too long to show"
    short = reprlib.Repr()
    short.maxlevel, short.maxstring, short.maxother, short.maxlong = 2, limit, limit, limit
    return short.repr(value)[: limit + 1]
