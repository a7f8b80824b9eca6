"""Readers for the untrusted values of a trial and its log: dates, numbers, choices, text.

Each reader takes what a form, a file or a program gave and returns the value, or raises
:class:`TrialError` with one line saying what was wrong and what is allowed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from ..errors import TeleworkError, quote

DATE_FORMAT = "YYYY-MM-DD"
DECIMALS = 2
"""The decimal places a number in the log keeps."""
T = TypeVar("T")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"-?[0-9]{1,6}(\.[0-9]{1,6})?")  # ASCII digits, no exponent
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\x85]")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class TrialError(TeleworkError, ValueError):
    """A trial, a log entry or a log file is invalid: `problem` says how, `field` where."""

    def __init__(self, problem: str, field: str = "") -> None:
        self.problem, self.field = problem, field
        super().__init__(f"{field}: {problem}" if field else problem)


def read_field(field: str, reader: Callable[..., T], value: object, *options: Any) -> T:
    """`reader(value, *options)`, its error naming `field`."""
    try:
        return reader(value, *options)
    except TrialError as error:
        raise TrialError(error.problem, field) from None


def read_date(value: object) -> date:
    allowed = f"use {DATE_FORMAT}, e.g. 2026-03-02"
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        raise TrialError(f"{quote(value)} is not a date; {allowed}")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise TrialError(f"{quote(value)} is not a real calendar date; {allowed}") from None


def read_optional_date(value: object) -> date | None:
    return None if value is None or value == "" else read_date(value)


def read_number(value: object, low: float, high: float, whole: bool = False) -> float:
    """A number from `low` to `high` (a whole one if `whole`), given as a number or text,
    kept to ``DECIMALS`` places (so a file holds it exactly as it is shown)."""
    kind = "a whole number" if whole else "a number"
    allowed = f"use {kind} from {show_number(low)} to {show_number(high)}"
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        number = float(value.strip())
    if number is None or number != number:  # not a number, or NaN
        raise TrialError(f"{quote(value)} is not a number; {allowed}")
    if not low <= number <= high or (whole and not number.is_integer()):
        raise TrialError(f"{quote(value)} is impossible here; {allowed}")
    return round(number, DECIMALS)


def read_choice(value: object, allowed: Iterable[str]) -> str:
    choices = tuple(allowed)
    if isinstance(value, str) and value.strip().lower() in choices:
        return value.strip().lower()
    raise TrialError(f"{quote(value)} is not one of: {', '.join(choices)}")


def read_choices(value: object, allowed: Iterable[str]) -> tuple[str, ...]:
    """Several choices, as a list or as text separated by spaces or commas; in `allowed`'s order."""
    choices = tuple(allowed)
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list | tuple) or len(value) > len(choices):
        raise TrialError(f"{quote(value)} is not a list of: {', '.join(choices)}")
    picked = {read_choice(item, choices) for item in value}
    return tuple(choice for choice in choices if choice in picked)


def read_text(value: object, limit: int) -> str:
    """Text of at most `limit` characters, tidied; line breaks kept, control characters refused."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TrialError(f"{quote(value)} is not text")
    if len(value) > 2 * limit:  # refuse huge input before looking at every character
        raise TrialError(f"is too long ({len(value)} characters); at most {limit} allowed")
    text = _LINE_BREAKS.sub("\n", value).replace("\t", " ")
    for char in text:
        if (char != "\n" and unicodedata.category(char) in ("Cc", "Cs")) or char in _BIDI_CONTROLS:
            raise TrialError(
                f"contains a control character (U+{ord(char):04X}); only ordinary text and "
                "line breaks are allowed"
            )
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    if len(text) > limit:
        raise TrialError(f"is too long ({len(text)} characters); at most {limit} allowed")
    return text


def show_number(number: float) -> str:
    """`number` as written in a file or a message: 2 for 2.0, 1.5 as is."""
    return str(int(number)) if float(number).is_integer() else repr(float(number))
