"""The details only the reader can give a proposal, and their checks.

Each field is checked (and text tidied) by :func:`read_details`; :class:`DetailsError`
names every problem and what is allowed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from ..errors import TeleworkError, quote

TEXT_LIMITS = {"name": 120, "role": 120, "manager": 120, "notes": 2000}
"""The longest text, in characters, each free-text detail may hold."""
DAYS_RANGE = (1, 5)
"""Days a week at home; 5 is full time."""
TRIAL_WEEKS_RANGE = (1, 26)
FULL_TIME_WORDS = frozenset({"full-time", "full_time", "full time", "fulltime"})
DATE_FORMAT = "YYYY-MM-DD"
_WHOLE_NUMBER = re.compile(r"0*([0-9]{1,9})")  # ASCII digits ("²".isdigit() is true), not huge
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\x85]")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class DetailsError(TeleworkError, ValueError):
    """A reader's proposal details are invalid; `problems` pairs each field with what is wrong."""

    def __init__(self, problems: Iterable[tuple[str, str]]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.problems))


@dataclass(frozen=True)
class ProposalDetails:
    """What only the reader can say: who they are, whom they write to, what they ask for.

    Values are checked (and text tidied) on construction; DetailsError names each problem.
    """

    name: str
    role: str = ""
    manager: str = ""
    days: int | None = None
    """Days a week at home, 1 to 5 (5 is full time); None leaves it to the answers."""
    trial_weeks: int | None = None
    review_date: date | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        values, problems = read_details({f.name: getattr(self, f.name) for f in fields(self)})
        if problems:
            raise DetailsError(problems)
        for name, value in values.items():
            object.__setattr__(self, name, value)

    @classmethod
    def from_mapping(cls, raw: object) -> ProposalDetails:
        """Details from untrusted data (a form, a file); numbers and dates may be strings."""
        if not isinstance(raw, Mapping):
            raise DetailsError(
                [("details", f"must be a mapping of field to value, not {type(raw).__name__}")]
            )
        values, problems = read_details(raw)
        if problems:
            raise DetailsError(problems)
        return cls(**values)

    def given(self, name: str) -> bool:
        return getattr(self, name) not in (None, "")

    def to_dict(self) -> dict[str, object]:
        """The details as JSON-ready data (the date as YYYY-MM-DD); empty fields left out."""
        data: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value not in (None, ""):
                data[f.name] = value.isoformat() if isinstance(value, date) else value
        return data


DETAIL_FIELDS = tuple(f.name for f in fields(ProposalDetails))


def read_details(raw: Mapping[Any, object]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Check every field of `raw`; return the good values and a problem per bad field."""
    values: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for key in raw:
        if key not in DETAIL_FIELDS:
            problems.append((quote(key), f"unknown field; allowed: {', '.join(DETAIL_FIELDS)}"))
    for name in DETAIL_FIELDS:
        try:
            value = _READERS[name](name, raw.get(name))
        except _Problem as problem:
            problems.append((name, str(problem)))
            continue
        if value not in (None, ""):
            values[name] = value
    if "name" not in values and not any(name == "name" for name, _ in problems):
        problems.insert(0, ("name", NAME_REQUIRED))
    return values, problems


NAME_REQUIRED = f"required (the name to sign with, 1 to {TEXT_LIMITS['name']} characters)"


class _Problem(Exception):
    pass


def _text(name: str, value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Problem(f"must be text, not {type(value).__name__}")
    multiline = name == "notes"
    text = _LINE_BREAKS.sub("\n", value).replace("\t", " ")
    if "\n" in text.strip() and not multiline:
        raise _Problem("must be a single line (no line breaks)")
    for char in text:
        category = unicodedata.category(char)
        if (category in ("Cc", "Cs") and char != "\n") or char in _BIDI_CONTROLS:
            raise _Problem(
                f"contains a control character (U+{ord(char):04X}); only ordinary text"
                + (" and line breaks are" if multiline else " is")
                + " allowed"
            )
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    limit = TEXT_LIMITS[name]
    if len(text) > limit:
        raise _Problem(f"too long ({len(text)} characters); at most {limit} allowed")
    return text


def _whole_number(name: str, value: object, low: int, high: int, unit: str) -> int | None:
    allowed = f"use a whole number of {unit} from {low} to {high}"
    if value is None or value == "":
        return None
    number: object = value
    digits = _WHOLE_NUMBER.fullmatch(value.strip()) if isinstance(value, str) else None
    if digits:
        number = int(digits[1])
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        raise _Problem(f"{quote(value)} is out of range; {allowed}")  # too long to convert
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    if isinstance(number, bool) or not isinstance(number, int):
        raise _Problem(f"{quote(value)} is not a whole number; {allowed}")
    if not low <= number <= high:
        shown = number if abs(number) < 10**9 else "the number"
        raise _Problem(f"{shown} is out of range; {allowed}")
    return number


def _days(name: str, value: object) -> int | None:
    if isinstance(value, str) and value.strip().lower() in FULL_TIME_WORDS:
        return DAYS_RANGE[1]
    try:
        return _whole_number(name, value, *DAYS_RANGE, "days a week")
    except _Problem as problem:
        raise _Problem(f"{problem} ({DAYS_RANGE[1]} or 'full-time' means full time)") from None


def _trial_weeks(name: str, value: object) -> int | None:
    return _whole_number(name, value, *TRIAL_WEEKS_RANGE, "weeks")


def _review_date(name: str, value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    expected = f"use {DATE_FORMAT}, e.g. 2026-03-31"
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        raise _Problem(f"{quote(value)} is not a date; {expected}")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _Problem(f"{quote(value)} is not a real calendar date; {expected}") from None


_READERS = {
    "name": _text,
    "role": _text,
    "manager": _text,
    "days": _days,
    "trial_weeks": _trial_weeks,
    "review_date": _review_date,
    "notes": _text,
}
