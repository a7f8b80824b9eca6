"""The ``telework-trial`` directive: a log of a work-from-home trial and its review summary.

At build time it renders the forms and the summary of the library's sample log, so the
page shows what the review looks like before any script runs. The page then loads
static/trial.mjs, which keeps the reader's log in this browser's storage and asks
``telework.trial.web`` for the summary, the CSV and the calendar. Nothing of the log is
ever put in a link or sent anywhere.

    ```{telework-trial}
    ```
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from telework.proposal import TRIAL_WEEKS_RANGE
from telework.trial import MEASURES, PLACES, sample_log, summarise
from telework.trial.chart import PLACE_LABELS
from telework.trial.model import LIMITS, WORKDAYS
from telework.trial.render import DAY_NAMES, render_summary_html

from .runtime import wheel_name
from .tools import ToolDirective, setup_tool

TITLE = "Track your trial"
NOSCRIPT = (
    "This summary is a sample: keeping your own log here needs JavaScript. The telework "
    "command line keeps the same log in a CSV file: telework log start, then telework log add."
)
PRIVACY = (
    "Your log stays in this browser only: it is never sent anywhere or put in a link. "
    "Clearing the browser's data deletes it, so download the CSV now and then."
)
SETUP = "What you agreed"
ENTRY = "Add a day"
SUMMARY_LABEL = "Your review summary"
ACTIONS = (
    ("download-csv", "Download the log (CSV)"),
    ("import", "Import a CSV"),
    ("download-summary", "Download the summary"),
    ("download-calendar", "Add the dates to a calendar"),
    ("print", "Print the summary"),
    ("forget", "Forget my log"),
    ("undo", "Undo forget"),
)


class trial_widget(nodes.General, nodes.Element):
    """The trial widget; attributes: level (heading level of its title)."""


class TrialDirective(ToolDirective):
    node_class = trial_widget
    max_level = 4


def _field(form: str, name: str, label: str, help_: str, control: str) -> str:
    ids = f"tw-{form}-{name}"
    control = control.replace(" id=", f' aria-describedby="{ids}-help {ids}-error" id=', 1)
    return (
        f'<div class="tw-field" data-field="{name}"><label for="{ids}">{escape(label)}</label>'
        f'{control}<p class="tw-help" id="{ids}-help">{escape(help_)}</p>'
        f'<p class="tw-field-error" id="{ids}-error" hidden></p></div>'
    )


def _choices(form: str, name: str, legend: str, options: list[tuple[str, str]], kind: str) -> str:
    boxes = "".join(
        f'<label class="tw-option"><input type="{kind}" name="{name}" value="{value}"> '
        f"<span>{escape(text)}</span></label>"
        for value, text in options
    )
    return (
        f'<fieldset class="tw-field tw-choices" data-field="{name}" '
        f'aria-describedby="tw-{form}-{name}-error"><legend>{escape(legend)}</legend>{boxes}'
        f'<p class="tw-field-error" id="tw-{form}-{name}-error" hidden></p></fieldset>'
    )


def render_setup_form(level: int) -> str:
    low, high = TRIAL_WEEKS_RANGE
    fields = [
        _field("trial", "start", "First day of the trial", "The day the trial starts.",
               '<input type="date" id="tw-trial-start" name="start" required>'),
        _field("trial", "weeks", "Length, in weeks", f"A whole number from {low} to {high}.",
               f'<input type="number" id="tw-trial-weeks" name="weeks" min="{low}" '
               f'max="{high}" step="1" inputmode="numeric" required>'),
        _field("trial", "review", "Review date", "When you and your manager look at the results.",
               '<input type="date" id="tw-trial-review" name="review" required>'),
        _choices("trial", "home_days", "Days at home",
                 [(day, DAY_NAMES[day]) for day in WORKDAYS], "checkbox"),
        _choices("trial", "measures", "Agreed to measure, besides what you deliver",
                 [(m.id, m.label) for m in MEASURES.values()], "checkbox"),
        _field("trial", "agreed", "What you agreed, in your words", "Optional.",
               f'<textarea id="tw-trial-agreed" name="agreed" rows="2" '
               f'maxlength="{LIMITS["agreed"]}"></textarea>'),
        _field("trial", "revisit", "If the answer is no, ask again on",
               "Optional: a date a few months after the review.",
               '<input type="date" id="tw-trial-revisit" name="revisit">'),
    ]  # fmt: skip
    return (
        f'<form class="tw-form tw-trial-form" aria-labelledby="tw-trial-setup-title">'
        f'<h{level} class="tw-form-title" id="tw-trial-setup-title">{escape(SETUP)}</h{level}>'
        f"{''.join(fields)}</form>"
    )


def render_entry_form(level: int) -> str:
    measures = "".join(
        _field("entry", m.id, m.label, "Optional.",
               f'<input type="number" id="tw-entry-{m.id}" name="{m.id}" min="0" '
               f'max="{m.high:g}" step="{1 if m.whole else 0.01}" inputmode="decimal">')
        for m in MEASURES.values()
    )  # fmt: skip
    fields = [
        _field("entry", "date", "Day", "Today, unless you are catching up.",
               '<input type="date" id="tw-entry-date" name="date">'),
        _choices("entry", "place", "Where you worked", [(p, PLACE_LABELS[p]) for p in PLACES],
                 "radio"),
        _field("entry", "delivered", "What you delivered",
               "Separate the things you finished with semicolons; each one counts.",
               f'<input type="text" id="tw-entry-delivered" name="delivered" '
               f'maxlength="{LIMITS["delivered"]}" autocomplete="off">'),
        measures,
        _field("entry", "notes", "Notes", "Optional: anything that affected the day.",
               f'<textarea id="tw-entry-notes" name="notes" rows="2" '
               f'maxlength="{LIMITS["notes"]}"></textarea>'),
    ]  # fmt: skip
    return (
        '<form class="tw-form tw-entry-form" aria-labelledby="tw-entry-title">'
        f'<h{level} class="tw-form-title" id="tw-entry-title">{escape(ENTRY)}</h{level}>'
        f'<fieldset class="tw-entry-fields" disabled>{"".join(fields)}'
        '<p class="tw-field-error" data-field="entry" hidden></p>'
        '<button type="submit" class="tw-button">Add the entry</button></fieldset></form>'
    )


def render_widget(level: int) -> str:
    """The widget's HTML: the two forms, the actions and the sample log's summary."""
    buttons = "".join(
        f'<button type="button" class="tw-button" data-action="{action}">{escape(label)}</button>'
        for action, label in ACTIONS
    )
    sample = sample_log()
    summary = render_summary_html(summarise(sample, sample.trial.end), heading_level=level + 1)
    return (
        '<section class="tw-planner tw-trial-widget" id="tw-trial" '
        f'aria-labelledby="tw-trial-title" data-state="static" data-level="{level + 1}" '
        f'data-wheel="{escape(wheel_name())}">'
        f'<h{level} class="tw-planner-title" id="tw-trial-title">{escape(TITLE)}</h{level}>'
        f'<noscript><p class="tw-noscript">{escape(NOSCRIPT)}</p></noscript>'
        '<p class="tw-status" role="status"></p>'
        f'<p class="tw-full-note">{escape(PRIVACY)}</p>'
        '<p class="tw-full-note tw-trial-reminder" aria-live="polite"></p>'
        f"{render_setup_form(level + 1)}{render_entry_form(level + 1)}"
        '<div class="tw-notices" aria-live="polite"></div>'
        f'<div class="tw-actions">{buttons}'
        '<input type="file" class="tw-trial-file" accept=".csv,text/csv" hidden></div>'
        f'<div class="tw-result tw-trial-preview" role="region" aria-label="{SUMMARY_LABEL}">'
        f"{summary}</div></section>"
    )


def visit_widget_html(translator: HTML5Translator, node: trial_widget) -> None:
    translator.body.append(render_widget(node["level"]))
    raise nodes.SkipNode


def setup_trial(app: Sphinx) -> None:
    setup_tool(app, "trial", TrialDirective, visit_widget_html, ("trial.css", "trial.mjs"))
