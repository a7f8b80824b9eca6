"""A trial of working from home and its log: what was agreed, and one entry per day worked.

A :class:`Trial` holds what was agreed (dates, days at home, what to measure), an
:class:`Entry` one day's work, and a :class:`TrialLog` the trial with its entries, checked
together: every entry inside the trial, one a day, numbers only for the agreed measures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

from ..errors import quote
from ..proposal.details import TRIAL_WEEKS_RANGE
from .values import (
    TrialError,
    read_choice,
    read_choices,
    read_date,
    read_field,
    read_number,
    read_optional_date,
    read_text,
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WORKDAYS = WEEKDAYS[:5]
"""The days on which a missing entry counts as a day with no entry."""
PLACES = ("home", "office")
LIMITS = {"agreed": 1000, "delivered": 1000, "notes": 2000}
"""The longest text, in characters, of each free-text field."""
REVIEW_WITHIN_DAYS = 92
"""How long after the trial's last day the review may be."""
REVISIT_WITHIN_DAYS = 2 * 366
"""How long after the review the date to ask again may be."""
_DELIVERABLE_SEPARATORS = re.compile(r"[;\n]")


@dataclass(frozen=True)
class Measure:
    """Something the reader and their manager agreed to measure, one number a day."""

    id: str
    label: str
    high: float
    whole: bool = False

    def read(self, value: object) -> float:
        return read_field(self.id, read_number, value, 0, self.high, self.whole)


MEASURES = {
    m.id: m
    for m in (
        Measure("response_hours", "Response time in hours", 168),
        Measure("hours_available", "Hours available", 24),
        Measure("meetings", "Meetings attended", 50, whole=True),
    )
}
"""The measures a trial may agree on, besides the deliverables every entry counts."""


@dataclass(frozen=True)
class Trial:
    """What was agreed: when the trial runs and is reviewed, the days at home, what to measure.

    Values are checked on construction (:meth:`from_mapping` also takes text, as from a
    form or a file); a bad one raises :class:`TrialError` naming the field.
    """

    start: date
    weeks: int
    review: date
    home_days: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    agreed: str = ""
    """What was agreed to measure, in the reader's words."""
    revisit: date | None = None
    """When to ask again if the answer after the trial is no."""

    def __post_init__(self) -> None:
        start = read_field("start", read_date, self.start)
        values: dict[str, Any] = {
            "start": start,
            "weeks": int(read_field("weeks", read_number, self.weeks, *TRIAL_WEEKS_RANGE, True)),
            "review": read_field("review", read_date, self.review),
            "home_days": read_field("home_days", read_choices, self.home_days, WEEKDAYS),
            "measures": read_field("measures", read_choices, self.measures, MEASURES),
            "agreed": read_field("agreed", read_text, self.agreed, LIMITS["agreed"]),
            "revisit": read_field("revisit", read_optional_date, self.revisit),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)
        _check_order("review", self.review, start, self.end + timedelta(REVIEW_WITHIN_DAYS))
        if self.revisit is not None:
            latest = self.review + timedelta(REVISIT_WITHIN_DAYS)
            _check_order("revisit", self.revisit, self.review, latest)

    @classmethod
    def from_mapping(cls, raw: object) -> Trial:
        """A trial from a form or a file, keyed by ``TRIAL_FIELDS``; empty fields left out."""
        return cls(**_given(raw, TRIAL_FIELDS, "trial", required=("start", "weeks", "review")))

    @property
    def end(self) -> date:
        """The trial's last day."""
        return self.start + timedelta(weeks=self.weeks, days=-1)

    def agreed_measures(self) -> list[Measure]:
        return [MEASURES[m] for m in self.measures]

    def to_dict(self) -> dict[str, Any]:
        """The trial as JSON-ready data, as :meth:`from_mapping` reads it."""
        return {
            "start": self.start.isoformat(),
            "weeks": self.weeks,
            "review": self.review.isoformat(),
            "home_days": list(self.home_days),
            "measures": list(self.measures),
            "agreed": self.agreed,
            "revisit": self.revisit.isoformat() if self.revisit else "",
        }


@dataclass(frozen=True)
class Entry:
    """One day's work: where, what was delivered, the day's numbers, notes.

    Checked on its own on construction; against its trial in :class:`TrialLog`.
    """

    day: date
    place: str
    delivered: str = ""
    """What was finished, items separated by semicolons or lines."""
    measures: Mapping[str, float] = field(default_factory=dict)
    notes: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.measures, Mapping) or len(self.measures) > len(MEASURES):
            raise TrialError(f"must map measures to numbers: {', '.join(MEASURES)}", "measures")
        for key in self.measures:
            read_field("measures", read_choice, key, MEASURES)
        values: dict[str, Any] = {
            "day": read_field("date", read_date, self.day),
            "place": read_field("place", read_choice, self.place, PLACES),
            "delivered": read_field("delivered", read_text, self.delivered, LIMITS["delivered"]),
            "measures": {
                m.id: m.read(self.measures[m.id])
                for m in MEASURES.values()
                if m.id in self.measures
            },
            "notes": read_field("notes", read_text, self.notes, LIMITS["notes"]),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)

    @classmethod
    def from_mapping(cls, raw: object) -> Entry:
        """An entry from a form or a file row, keyed by ``ENTRY_FIELDS`` (each measure by
        its id); empty measures are left out."""
        given = _given(raw, ENTRY_FIELDS, "entry", required=("date", "place"))
        return cls(
            day=given.pop("date"),
            place=given.pop("place"),
            delivered=given.pop("delivered", ""),
            notes=given.pop("notes", ""),
            measures=given,
        )

    @property
    def deliverables(self) -> int:
        """How many things were delivered: the items listed in `delivered`."""
        return sum(1 for item in _DELIVERABLE_SEPARATORS.split(self.delivered) if item.strip())

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data, as :meth:`from_mapping` reads it."""
        return {
            "date": self.day.isoformat(),
            "place": self.place,
            "delivered": self.delivered,
            **self.measures,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class TrialLog:
    """A trial and its entries, in date order; raises :class:`TrialError` for an entry
    outside the trial, a second entry for a day, or a number for a measure not agreed."""

    trial: Trial
    entries: tuple[Entry, ...] = ()

    def __post_init__(self) -> None:
        seen: set[date] = set()
        for entry in self.entries:
            check_entry(self.trial, entry, seen)
            seen.add(entry.day)
        object.__setattr__(self, "entries", tuple(sorted(self.entries, key=lambda e: e.day)))

    def add(self, entry: Entry) -> TrialLog:
        return TrialLog(self.trial, (*self.entries, entry))


def check_entry(trial: Trial, entry: Entry, days_logged: set[date]) -> None:
    """Raise :class:`TrialError` if `entry` does not fit `trial` or repeats a logged day."""
    day = entry.day.isoformat()
    if not trial.start <= entry.day <= trial.end:
        raise TrialError(
            f"{day} is outside the trial, which runs from {trial.start.isoformat()} to "
            f"{trial.end.isoformat()}",
            "date",
        )
    if entry.day in days_logged:
        raise TrialError(f"{day} already has an entry; keep one entry a day", "date")
    for measure in entry.measures:
        if measure not in trial.measures:
            agreed = ", ".join(trial.measures) or "none"
            raise TrialError(f"was not agreed for this trial (agreed: {agreed})", measure)


def _check_order(name: str, value: date, earliest: date, latest: date) -> None:
    if not earliest <= value <= latest:
        raise TrialError(
            f"{value.isoformat()} must be from {earliest.isoformat()} to {latest.isoformat()}",
            name,
        )


def _given(
    raw: object, allowed: tuple[str, ...], what: str, required: tuple[str, ...]
) -> dict[str, Any]:
    """The non-empty values of `raw`, a mapping with keys from `allowed`, `required` among them."""
    if not isinstance(raw, Mapping):
        raise TrialError(f"{what} must be a mapping of field to value, not {type(raw).__name__}")
    if len(raw) > len(allowed) or any(key not in allowed for key in raw):
        unknown = next((key for key in raw if key not in allowed), "")
        raise TrialError(f"unknown field {quote(unknown)}; allowed: {', '.join(allowed)}", what)
    given = {key: value for key, value in raw.items() if value not in (None, "")}
    for name in required:
        if name not in given:
            raise TrialError(f"is required in a {what}", name)
    return given


TRIAL_FIELDS = tuple(f.name for f in fields(Trial))
ENTRY_FIELDS = ("date", "place", "delivered", *MEASURES, "notes")
"""An entry's fields in forms and files (the log file's columns, in this order)."""
