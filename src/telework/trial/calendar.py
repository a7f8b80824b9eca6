"""The trial's dates for a calendar: the review, and when to ask again after a no."""

from __future__ import annotations

from datetime import datetime

from ..ics import Event, render_calendar
from .model import Trial

REVIEW_TITLE = "Review of the work-from-home trial"
REVISIT_TITLE = "Ask again about working from home"


def trial_events(trial: Trial) -> list[Event]:
    review = Event(
        trial.review,
        REVIEW_TITLE,
        f"The trial ran from {trial.start.isoformat()} to {trial.end.isoformat()}. Bring the "
        "summary of your log (telework log summary) and the figures agreed at the start.",
    )
    if trial.revisit is None:
        return [review]
    revisit = Event(
        trial.revisit,
        REVISIT_TITLE,
        "If the answer after the trial was no: ask whether anything has changed, and which "
        "conditions you would need to meet for a yes.",
    )
    return [review, revisit]


def render_trial_calendar(trial: Trial, now: datetime | None = None) -> str:
    """The trial's dates as an .ics file's text."""
    return render_calendar(trial_events(trial), now)
