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

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from telework.proposal import TRIAL_WEEKS_RANGE
from telework.trial import MEASURES, PLACES, TRIAL_FIELDS, sample_log, summarise
from telework.trial.chart import PLACE_LABELS
from telework.trial.model import LIMITS, WORKDAYS
from telework.trial.render import DAY_NAMES, render_summary_html

from .markup import Attrs, tag, text, void
from .parts import choices, error_slot, field
from .tools import NOTICES, ToolDirective, note, setup_tool, tool_widget

TITLE = "Track your trial"
NOSCRIPT = (
    "This summary is a sample: keeping your own log here needs JavaScript. The telework "
    "command line keeps the same log in a CSV file: telework log start, then telework log add."
)
UNAVAILABLE = (
    "The tracker could not start in this browser, so this summary is a sample. Reloading the "
    "page may help; the telework command line keeps the same log (telework log)."
)
PRIVACY = (
    "Your log stays in this browser only: it is never sent anywhere or put in a link. "
    "Clearing the browser's data deletes it, so download the CSV now and then."
)
SETUP = "What you agreed"
ENTRY = "Add a day"
ADD = "Add the entry"
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
OPTIONAL = "Optional."
DATE = {"type": "date"}


class trial_widget(nodes.General, nodes.Element):
    """The trial widget; attributes: level (heading level of its title)."""


class TrialDirective(ToolDirective):
    node_class = trial_widget
    max_level = 4


def _form(name: str, title: str, level: int, *fields: str) -> str:
    """The form `tw-<name>-form`, titled `title` (an `h<level>`) and labelled by it."""
    uid = f"tw-{name}-form-title"
    heading = tag(f"h{level}", {"class": "tw-form-title", "id": uid}, text(title))
    return tag("form", {"class": f"tw-form tw-{name}-form", "aria-labelledby": uid},
               heading, *fields)  # fmt: skip


def _number(low: float, high: float, step: str, mode: str, required: bool = False) -> Attrs:
    return {"type": "number", "min": f"{low:g}", "max": f"{high:g}", "step": step,
            "inputmode": mode, "required": required}  # fmt: skip


def render_setup_form(level: int) -> str:
    low, high = TRIAL_WEEKS_RANGE
    return _form(
        "trial", SETUP, level,
        field("trial", "start", "First day of the trial", "The day the trial starts.",
              "input", {**DATE, "required": True}),
        field("trial", "weeks", "Length, in weeks", f"A whole number from {low} to {high}.",
              "input", _number(low, high, "1", "numeric", required=True)),
        field("trial", "review", "Review date", "When you and your manager look at the results.",
              "input", {**DATE, "required": True}),
        choices("trial", "home_days", "Days at home",
                [(day, DAY_NAMES[day]) for day in WORKDAYS], "checkbox"),
        choices("trial", "measures", "Agreed to measure, besides what you deliver",
                [(m.id, m.label) for m in MEASURES.values()], "checkbox"),
        field("trial", "agreed", "What you agreed, in your words", OPTIONAL,
              "textarea", {"rows": "2", "maxlength": str(LIMITS["agreed"])}),
        field("trial", "revisit", "If the answer is no, ask again on",
              "Optional: a date a few months after the review.", "input", DATE),
    )  # fmt: skip


def render_entry_form(level: int) -> str:
    measures = (
        field("entry", m.id, m.label, OPTIONAL, "input",
              _number(0, m.high, "1" if m.whole else "0.01", "decimal"))
        for m in MEASURES.values()
    )  # fmt: skip
    return _form(
        "entry", ENTRY, level,
        tag(
            "fieldset",
            {"class": "tw-entry-fields", "disabled": True},
            field("entry", "date", "Day", "Today, unless you are catching up.", "input", DATE),
            choices("entry", "place", "Where you worked",
                    [(p, PLACE_LABELS[p]) for p in PLACES], "radio"),
            field("entry", "delivered", "What you delivered",
                  "Separate the things you finished with semicolons; each one counts.",
                  "input", {"type": "text", "maxlength": str(LIMITS["delivered"]),
                            "autocomplete": "off"}),
            *measures,
            field("entry", "notes", "Notes", "Optional: anything that affected the day.",
                  "textarea", {"rows": "2", "maxlength": str(LIMITS["notes"])}),
            error_slot(attrs={"data-field": "entry"}),
            tag("button", {"type": "submit", "class": "tw-button"}, text(ADD)),
        ),
    )  # fmt: skip


def render_widget(level: int) -> str:
    """The widget's HTML: the two forms, the actions and the sample log's summary."""
    sample = sample_log()
    summary = render_summary_html(summarise(sample, sample.trial.end), heading_level=level + 1)
    return tool_widget(
        "trial",
        level,
        TITLE,
        NOSCRIPT,
        note(PRIVACY),
        tag("p", {"class": "tw-full-note tw-trial-reminder", "aria-live": "polite"}),
        render_setup_form(level + 1),
        render_entry_form(level + 1),
        NOTICES,
        void("input", {"type": "file", "class": "tw-trial-file", "accept": ".csv,text/csv",
                       "hidden": True}),
        actions=ACTIONS,
        result=(SUMMARY_LABEL, summary),
        data={
            "data-level": str(level + 1),
            "data-fields": " ".join(TRIAL_FIELDS),
            "data-unavailable": UNAVAILABLE,
        },
    )  # fmt: skip


def visit_widget_html(translator: HTML5Translator, node: trial_widget) -> None:
    translator.body.append(render_widget(node["level"]))
    raise nodes.SkipNode


def setup_trial(app: Sphinx) -> None:
    setup_tool(app, "trial", TrialDirective, visit_widget_html, ("trial.css", "trial.mjs"))
