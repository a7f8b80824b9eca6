"""The trial tracker: a log of a work-from-home trial that becomes evidence for the review.

A :class:`Trial` is what was agreed, an :class:`Entry` one day's work and a
:class:`TrialLog` both, checked together (:mod:`.model`, reading values with
:mod:`.values`). :func:`summarise` works out the review's figures (:mod:`.summary`), drawn
as SVG by :mod:`.chart` and rendered by :mod:`.render`. The log goes to and from a CSV
file (:mod:`.csvfile`), its dates to a calendar (:mod:`.calendar`). :mod:`.web` serves the
book's page, :mod:`.cli` the ``telework log`` command.
"""

from __future__ import annotations

from importlib.resources import files

from .calendar import render_trial_calendar, trial_events
from .chart import render_chart_svg
from .csvfile import entry_to_csv, log_from_csv, log_to_csv
from .model import ENTRY_FIELDS, MEASURES, PLACES, TRIAL_FIELDS, Entry, Measure, Trial, TrialLog
from .render import render_summary_html, render_summary_markdown, render_summary_text
from .summary import Comparison, TrialSummary, summarise
from .values import TrialError

SAMPLE_FILE = "trial-sample.csv"
"""A realistic six-week log shipped in the package's data folder."""


def sample_log() -> TrialLog:
    """The shipped sample log (the book's page shows its summary before any script runs)."""
    return log_from_csv(files("telework").joinpath("data", SAMPLE_FILE).read_text("utf-8"))


__all__ = [
    "ENTRY_FIELDS",
    "MEASURES",
    "PLACES",
    "SAMPLE_FILE",
    "TRIAL_FIELDS",
    "Comparison",
    "Entry",
    "Measure",
    "Trial",
    "TrialError",
    "TrialLog",
    "TrialSummary",
    "entry_to_csv",
    "log_from_csv",
    "log_to_csv",
    "render_chart_svg",
    "render_summary_html",
    "render_summary_markdown",
    "render_summary_text",
    "render_trial_calendar",
    "sample_log",
    "summarise",
    "trial_events",
]
