"""The ``telework-proposal`` directive: a form for the reader's details and a drafted proposal.

At build time it renders the form and the template's sample draft with the library's own
renderer, so the page shows a complete proposal before any script runs. The page then
loads static/proposal.mjs, which reads the planner answers kept in this browser, starts
the planner's Python worker and asks ``telework.proposal.web.respond`` for the draft whenever
a detail changes. The details never leave the browser: they are kept in localStorage only.

    ```{telework-proposal}
    ```
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

import telework
from telework.proposal import (
    DAYS_RANGE,
    DETAIL_FIELDS,
    TEXT_LIMITS,
    TRIAL_WEEKS_RANGE,
    sample_proposal,
)

from .markup import tag, text
from .parts import field
from .planner import link_base
from .tools import NOTICES, PRIVACY, ToolDirective, answers_note, note, setup_tool, tool_widget

TITLE = "Draft your proposal"
NOSCRIPT = (
    "This sample draft is fixed: filling in your own details needs JavaScript. The telework "
    "command line drafts the same proposal: telework proposal --name 'Your name'."
)
UNAVAILABLE = (
    "The live draft could not start in this browser, so this is a sample. Reloading the page "
    "may help; the telework command line drafts the same proposal (telework proposal)."
)
ANSWERS_NOTE = "The draft uses the answers you gave the planner in this browser:"
ANSWERS_NONE = "none yet, so it keeps to what applies to everyone."
PREVIEW_LABEL = "Your draft"
DAYS_FROM_ANSWERS = "As in my planner answers"
FULL_TIME = "Full time"
ACTIONS = (
    ("copy", "Copy as text"),
    ("download", "Download as Markdown"),
    ("print", "Print the proposal"),
    ("forget", "Forget my details"),
)


class proposal_widget(nodes.General, nodes.Element):
    """The proposal widget; attributes: level (heading level of its title)."""


class ProposalDirective(ToolDirective):
    node_class = proposal_widget


def _text(name: str, label: str, help_: str, autocomplete: str, required: bool = False) -> str:
    attrs = {"type": "text", "maxlength": str(TEXT_LIMITS[name]), "autocomplete": autocomplete}
    return field("proposal", name, label, help_, "input", {**attrs, "required": required})


def render_form() -> str:
    low, high = DAYS_RANGE
    days = [("", DAYS_FROM_ANSWERS)]
    days += [(str(n), "1 day a week" if n == 1 else f"{n} days a week") for n in range(low, high)]
    days.append((str(high), FULL_TIME))
    options = "".join(tag("option", {"value": value}, text(label)) for value, label in days)
    weeks_low, weeks_high = TRIAL_WEEKS_RANGE
    notes_limit = TEXT_LIMITS["notes"]
    return tag(
        "form",
        {"class": "tw-form tw-proposal-form"},
        _text("name", "Your name", "Required: the name you sign with.", "name",
              required=True),
        _text("role", "Your job title", "Optional; shown under your name.",
              "organization-title"),
        _text("manager", "Your manager's name", "Optional; used in the greeting.", "off"),
        field("proposal", "days", "Days a week at home",
              "Leave it to your planner answers, or choose.", "select", {}, options),
        field("proposal", "trial_weeks", "Length of the trial, in weeks",
              f"A whole number from {weeks_low} to {weeks_high}; empty for “a few weeks”.",
              "input", {"type": "number", "min": str(weeks_low), "max": str(weeks_high),
                        "step": "1", "inputmode": "numeric"}),
        field("proposal", "review_date", "Review date",
              "Optional; when you would look at the results.", "input", {"type": "date"}),
        field("proposal", "notes", "Anything else to include",
              f"Optional, up to {notes_limit} characters; each line becomes a paragraph.",
              "textarea", {"rows": "4", "maxlength": str(notes_limit)}),
    )  # fmt: skip


def render_widget(node: proposal_widget, link_base: str) -> str:
    """The widget's HTML: the form, actions and the sample draft."""
    level = node["level"]
    draft = telework.render_proposal_html(sample_proposal(), heading_level=level + 1)
    return tool_widget(
        "proposal",
        level,
        TITLE,
        NOSCRIPT,
        answers_note(ANSWERS_NOTE, ANSWERS_NONE, link_base),
        note(PRIVACY),
        NOTICES,  # above the form: on a phone its last field is a screen below its first
        render_form(),
        actions=ACTIONS,
        result=(PREVIEW_LABEL, draft),
        data={"data-fields": " ".join(DETAIL_FIELDS), "data-unavailable": UNAVAILABLE},
    )


def visit_widget_html(translator: HTML5Translator, node: proposal_widget) -> None:
    translator.body.append(render_widget(node, link_base(translator)))
    raise nodes.SkipNode


def setup_proposal(app: Sphinx) -> None:
    setup_tool(app, "proposal", ProposalDirective, visit_widget_html, ("proposal.mjs",))
