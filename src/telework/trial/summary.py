"""The review's figures: days logged in each place, each measure home against office, gaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from .model import PLACES, WEEKDAYS, WORKDAYS, Entry, Trial, TrialLog

DELIVERABLES = "Deliverables"


@dataclass(frozen=True)
class Comparison:
    """One measure's average a day at home and at the office (None: no day recorded it)."""

    label: str
    home: float | None
    office: float | None

    def value(self, place: str) -> float | None:
        return self.home if place == "home" else self.office


@dataclass(frozen=True)
class TrialSummary:
    """What the review needs: the trial, the days logged, the comparisons and the gaps."""

    trial: Trial
    through: date
    """The last day counted: today, or the trial's last day once it is over."""
    days_logged: dict[str, int]
    """Days logged in each place (``home``, ``office``)."""
    comparisons: tuple[Comparison, ...]
    """Deliverables per day first, then each agreed measure in the trial's order."""
    missing: tuple[date, ...]
    """Working days (Monday to Friday) of the trial, up to `through`, with no entry."""


def summarise(log: TrialLog, today: date | None = None) -> TrialSummary:
    """The figures of `log` up to `today` (default: the computer's date); later entries wait."""
    trial = log.trial
    through = min(today or date.today(), trial.end)
    counted = [entry for entry in log.entries if entry.day <= through]
    by_place = {place: [e for e in counted if e.place == place] for place in PLACES}
    comparisons = [Comparison(DELIVERABLES, *(_mean(by_place[p], None) for p in PLACES))]
    comparisons += [
        Comparison(m.label, *(_mean(by_place[p], m.id) for p in PLACES))
        for m in trial.agreed_measures()
    ]
    logged = {entry.day for entry in counted}
    missing = tuple(
        day
        for day in (trial.start + timedelta(n) for n in range((through - trial.start).days + 1))
        if WEEKDAYS[day.weekday()] in WORKDAYS and day not in logged
    )
    return TrialSummary(
        trial=trial,
        through=through,
        days_logged={place: len(entries) for place, entries in by_place.items()},
        comparisons=tuple(comparisons),
        missing=missing,
    )


def _mean(entries: list[Entry], measure: str | None) -> float | None:
    """The day's average of `measure` (None: deliverables) over the entries that recorded it."""
    if measure is None:
        values = [float(e.deliverables) for e in entries]
    else:
        values = [e.measures[measure] for e in entries if measure in e.measures]
    return fmean(values) if values else None
