"""The ``telework-rehearsal`` directive: question cards to rehearse, and a prep sheet.

At build time it renders the sheet of every question (with the sample replies) using the
library's own renderer, so the page is useful before any script runs and every question
has its anchor (``#rehearse-<id>``) for the plan to link to. The page then loads
static/rehearsal.mjs, which reads the planner answers kept in this browser, starts the
planner's Python worker and asks ``telework.rehearse.respond`` for this reader's questions
and sheet. Replies never leave the browser: they are kept in localStorage only.

    ```{telework-rehearsal}
    ```
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from telework.rehearse import REPLY_LIMIT, every_question, render_sheet_html

from .planner import PLANNER_PAGE
from .runtime import wheel_name
from .tools import ANSWERS_LINK, PRIVACY, ToolDirective, setup_tool

TITLE = "Rehearse the questions"
NOSCRIPT = (
    "This sheet lists every question with a sample reply: practising your own replies needs "
    "JavaScript. The telework command line asks the same questions: telework rehearse."
)
ANSWERS_NOTE = "The questions follow the answers you gave the planner in this browser:"
ANSWERS_NONE = "none yet, so only the questions everyone faces are asked."
PRACTICE = "Practice mode: shuffle the questions and answer aloud"
TIMER = "Give me 60 seconds for each question"
SHEET_LABEL = "Your prep sheet"
ACTIONS = (
    ("download", "Download the sheet as Markdown"),
    ("print", "Print the sheet"),
    ("forget", "Forget my answers"),
)


REHEARSAL_ASSETS = ("rehearsal.css", "rehearsal.mjs")


class rehearsal_widget(nodes.General, nodes.Element):
    """The rehearsal widget; attributes: level (heading level of its title)."""


class RehearsalDirective(ToolDirective):
    node_class = rehearsal_widget
    max_level = 4


def render_widget(node: rehearsal_widget, link_base: str) -> str:
    """The widget's HTML: the practice options, an empty deck, actions and the full sheet."""
    level = node["level"]
    buttons = "".join(
        f'<button type="button" class="tw-button" data-action="{action}">{escape(label)}</button>'
        for action, label in ACTIONS
    )
    options = "".join(
        f'<label class="tw-option"><input type="checkbox" name="{name}"> '
        f"<span>{escape(label)}</span></label>"
        for name, label in (("practice", PRACTICE), ("timer", TIMER))
    )
    planner = f"{escape(link_base)}{PLANNER_PAGE}.html"
    sheet = render_sheet_html(
        every_question(), heading_level=level + 1, link_base=link_base, anchors=True
    )
    return (
        '<section class="tw-planner tw-rehearsal-widget" id="tw-rehearsal" '
        f'aria-labelledby="tw-rehearsal-title" data-state="static" data-wheel="{wheel_name()}" '
        f'data-link-base="{escape(link_base)}" data-reply-limit="{REPLY_LIMIT}">'
        f'<h{level} class="tw-planner-title" id="tw-rehearsal-title">{escape(TITLE)}</h{level}>'
        f'<noscript><p class="tw-noscript">{escape(NOSCRIPT)}</p></noscript>'
        '<p class="tw-status" role="status"></p>'
        f'<p class="tw-full-note tw-answers-note">{escape(ANSWERS_NOTE)} '
        f'<span class="tw-answers-summary">{escape(ANSWERS_NONE)}</span> '
        f'<a href="{planner}">{escape(ANSWERS_LINK)}</a></p>'
        f'<p class="tw-full-note">{escape(PRIVACY)}</p>'
        f'<form class="tw-form tw-rehearsal-options">{options}</form>'
        '<div class="tw-notices" aria-live="polite"></div>'
        '<div class="tw-rehearsal-deck"></div>'
        f'<div class="tw-actions">{buttons}</div>'
        f'<div class="tw-result tw-rehearsal-preview" role="region" aria-label="{SHEET_LABEL}">'
        f"{sheet}</div></section>"
    )


def visit_widget_html(translator: HTML5Translator, node: rehearsal_widget) -> None:
    docname = translator.builder.current_docname
    translator.body.append(render_widget(node, "../" * docname.count("/")))
    raise nodes.SkipNode


def setup_rehearsal(app: Sphinx) -> None:
    setup_tool(app, "rehearsal", RehearsalDirective, visit_widget_html, REHEARSAL_ASSETS)
