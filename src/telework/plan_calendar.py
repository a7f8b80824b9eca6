"""The dates a plan calls for, as calendar events: only those its own items ask for.

After a no, the item that suggests coming back to the idea in a few months gives a date
to ask again, three months on; after a yes to a trial, the item that books the trial's
review gives the review, on the last day of a trial of :data:`TRIAL_WEEKS` weeks. Each event's
description is the item's text and its link in the book; the titles are the trial
tracker's (:mod:`telework.trial.calendar`). :func:`telework.ics.render_calendar` writes
the events as an .ics file.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

from .ics import Event
from .model import Checklist, Item
from .trial.calendar import REVIEW_TITLE, REVISIT_TITLE
from .trial.model import Trial
from .trial.values import read_date, read_field

REVISIT_MONTHS = 3
""""In a few months": the date to ask again, in months after the plan's day."""
TRIAL_WEEKS = 6
"""A trial's length when none was agreed: that of the proposal's example (the proposal
itself then says "the first few weeks")."""


def _revisit(start: date) -> date:
    month = start.month - 1 + REVISIT_MONTHS
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _review(start: date) -> date:
    return Trial(start, TRIAL_WEEKS, review=start).end  # the trial's last day


DATED_ITEMS: dict[str, tuple[str, Callable[[date], date]]] = {
    "no-revisit": (REVISIT_TITLE, _revisit),
    "yes-review-trial": (REVIEW_TITLE, _review),
}
"""The items that call for a date: the event's title and its day from the plan's day."""


def plan_events(checklist: Checklist, start: date | str, link_base: str = "") -> list[Event]:
    """The events `checklist`'s items call for, counted from `start` (the day of the plan, a
    date or YYYY-MM-DD); each description names the item and its book link, prefixed by
    `link_base`. A bad `start` raises :class:`~telework.trial.TrialError` naming it."""
    day_of_plan = read_field("start", read_date, start)
    return [
        Event(day(day_of_plan), title, _description(item, link_base))
        for item in checklist.items()
        if item.id in DATED_ITEMS
        for title, day in [DATED_ITEMS[item.id]]
    ]


def _description(item: Item, link_base: str) -> str:
    return f"From your plan: {item.text}\nIn the book: {item.href(link_base)}"
