"""The trial page's entry points for the browser worker: untrusted input in, plain data out.

None of them raises for bad input: problems come back as data for the page to show next
to the control that caused them. Nothing here stores anything; the page keeps the log.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .calendar import render_trial_calendar
from .csvfile import MAX_LINES, log_from_csv, log_to_csv
from .model import Entry, Trial, TrialLog, check_entry
from .render import render_summary_html, render_summary_markdown, render_summary_text
from .summary import summarise
from .values import TrialError, read_optional_date

MAX_ENTRIES = MAX_LINES
"""The most stored entries looked at (more than any trial has days)."""


def respond(
    raw_trial: object, raw_entries: object, today: object = None, heading_level: object = 3
) -> dict[str, Any]:
    """The summary (HTML with headings at `heading_level`, Markdown, text), the CSV and the
    calendar of a stored log, counted up to `today` (YYYY-MM-DD; default: Python's date).

    A bad trial field is returned in ``errors`` as ``{"field", "message"}`` with no summary;
    an entry that does not fit the trial is left out of the summary and the CSV and
    explained in ``notices`` (the page keeps it, so nothing is lost).
    """
    try:
        trial = Trial.from_mapping(raw_trial)
        day = read_optional_date(today)
    except TrialError as error:
        return {"errors": [_problem(error, "trial")], "notices": [], "entries": 0}
    entries: list[Entry] = []
    notices: list[str] = []
    days: set[date] = set()
    for raw in _listed(raw_entries)[:MAX_ENTRIES]:
        try:
            entry = Entry.from_mapping(raw)
            check_entry(trial, entry, days)
        except TrialError as error:
            notices.append(f"An entry is left out of the summary and the CSV: {error}")
            continue
        days.add(entry.day)
        entries.append(entry)
    log = TrialLog(trial, tuple(entries))
    summary = summarise(log, day)
    level = heading_level if isinstance(heading_level, int) else 3
    return {
        "errors": [],
        "notices": notices,
        "trial": trial.to_dict(),
        "entries": len(entries),
        "html": render_summary_html(summary, heading_level=level),
        "markdown": render_summary_markdown(summary),
        "text": render_summary_text(summary),
        "csv": log_to_csv(log),
        "ics": render_trial_calendar(trial),
    }


def add_entry(raw_trial: object, raw_entries: object, raw_entry: object) -> dict[str, Any]:
    """The new entry as the page should store it (``entry``), or why not (``error``)."""
    try:
        trial = Trial.from_mapping(raw_trial)
    except TrialError as error:
        return {"error": _problem(error, "trial")}
    days: set[date] = set()
    for raw in _listed(raw_entries)[:MAX_ENTRIES]:
        try:
            days.add(Entry.from_mapping(raw).day)
        except TrialError:
            continue  # respond() reports it
    try:
        entry = Entry.from_mapping(raw_entry)
        check_entry(trial, entry, days)
    except TrialError as error:
        return {"error": _problem(error, "entry")}
    return {"entry": entry.to_dict()}


def read_csv(text: object) -> dict[str, Any]:
    """A log file's trial and entries, as the page stores them, or the line that is wrong."""
    if not isinstance(text, str):
        return {"error": "the file is not text"}
    try:
        log = log_from_csv(text)
    except TrialError as error:
        return {"error": str(error)}
    return {"trial": log.trial.to_dict(), "entries": [entry.to_dict() for entry in log.entries]}


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _problem(error: TrialError, where: str) -> dict[str, str]:
    return {"field": error.field or where, "message": error.problem}
