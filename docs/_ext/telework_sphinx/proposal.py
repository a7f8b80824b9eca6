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

from html import escape

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

from .planner import PLANNER_PAGE, link_base
from .runtime import wheel_name
from .tools import ANSWERS_LINK, PRIVACY, ToolDirective, setup_tool

TITLE = "Draft your proposal"
NOSCRIPT = (
    "This sample draft is fixed: filling in your own details needs JavaScript. The telework "
    "command line drafts the same proposal: telework proposal --name 'Your name'."
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


def _text_field(name: str, label: str, help_: str, **attrs: str) -> str:
    return _field(
        name, label, help_,
        f'<input type="text" id="tw-proposal-{name}" name="{name}" '
        f'maxlength="{TEXT_LIMITS[name]}"{_attrs(attrs)}>',
    )  # fmt: skip


def _field(name: str, label: str, help_: str, control: str) -> str:
    described = f"tw-proposal-{name}-help tw-proposal-{name}-error"
    control = control.replace(" id=", f' aria-describedby="{described}" id=', 1)
    return (
        f'<div class="tw-field" data-field="{name}">'
        f'<label for="tw-proposal-{name}">{escape(label)}</label>{control}'
        f'<p class="tw-help" id="tw-proposal-{name}-help">{escape(help_)}</p>'
        f'<p class="tw-field-error" id="tw-proposal-{name}-error" hidden></p></div>'
    )


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f' {key.replace("_", "-")}="{escape(value)}"' for key, value in attrs.items())


def render_form() -> str:
    low, high = DAYS_RANGE
    days = [("", DAYS_FROM_ANSWERS)]
    days += [(str(n), "1 day a week" if n == 1 else f"{n} days a week") for n in range(low, high)]
    days.append((str(high), FULL_TIME))
    options = "".join(f'<option value="{v}">{escape(label)}</option>' for v, label in days)
    weeks_low, weeks_high = TRIAL_WEEKS_RANGE
    fields = [
        _text_field("name", "Your name", "Required: the name you sign with.",
                    required="", autocomplete="name", aria_required="true"),
        _text_field("role", "Your job title", "Optional; shown under your name.",
                    autocomplete="organization-title"),
        _text_field("manager", "Your manager's name", "Optional; used in the greeting.",
                    autocomplete="off"),
        _field("days", "Days a week at home", "Leave it to your planner answers, or choose.",
               f'<select id="tw-proposal-days" name="days">{options}</select>'),
        _field("trial_weeks", "Length of the trial, in weeks",
               f"A whole number from {weeks_low} to {weeks_high}; empty for “a few weeks”.",
               f'<input type="number" id="tw-proposal-trial_weeks" name="trial_weeks" '
               f'min="{weeks_low}" max="{weeks_high}" step="1" inputmode="numeric">'),
        _field("review_date", "Review date", "Optional; when you would look at the results.",
               '<input type="date" id="tw-proposal-review_date" name="review_date">'),
        _field("notes", "Anything else to include",
               f"Optional, up to {TEXT_LIMITS['notes']} characters; each line becomes a "
               "paragraph.",
               f'<textarea id="tw-proposal-notes" name="notes" rows="4" '
               f'maxlength="{TEXT_LIMITS["notes"]}"></textarea>'),
    ]  # fmt: skip
    return f'<form class="tw-form tw-proposal-form">{"".join(fields)}</form>'


def render_widget(node: proposal_widget, link_base: str) -> str:
    """The widget's HTML: the form, actions and the sample draft."""
    level = node["level"]
    attrs = {
        "class": "tw-planner tw-proposal-widget",
        "id": "tw-proposal",
        "aria-labelledby": "tw-proposal-title",
        "data-state": "static",
        "data-wheel": wheel_name(),  # in the planner's folder, beside python.mjs
        "data-fields": " ".join(DETAIL_FIELDS),
    }
    buttons = "".join(
        f'<button type="button" class="tw-button" data-action="{action}">{escape(label)}</button>'
        for action, label in ACTIONS
    )
    planner = f"{escape(link_base)}{PLANNER_PAGE}.html"
    draft = telework.render_proposal_html(sample_proposal(), heading_level=level + 1)
    return (
        f"<section{_attrs(attrs)}>"
        f'<h{level} class="tw-planner-title" id="tw-proposal-title">{escape(TITLE)}</h{level}>'
        f'<noscript><p class="tw-noscript">{escape(NOSCRIPT)}</p></noscript>'
        '<p class="tw-status" role="status"></p>'
        f'<p class="tw-full-note tw-answers-note">{escape(ANSWERS_NOTE)} '
        f'<span class="tw-answers-summary">{escape(ANSWERS_NONE)}</span> '
        f'<a href="{planner}">{escape(ANSWERS_LINK)}</a></p>'
        f'<p class="tw-full-note">{escape(PRIVACY)}</p>'
        f"{render_form()}"
        '<div class="tw-notices" aria-live="polite"></div>'
        f'<div class="tw-actions">{buttons}</div>'
        f'<div class="tw-result tw-proposal-preview" role="region" aria-label="{PREVIEW_LABEL}">'
        f"{draft}</div></section>"
    )


def visit_widget_html(translator: HTML5Translator, node: proposal_widget) -> None:
    translator.body.append(render_widget(node, link_base(translator)))
    raise nodes.SkipNode


def setup_proposal(app: Sphinx) -> None:
    setup_tool(app, "proposal", ProposalDirective, visit_widget_html, ("proposal.mjs",))
