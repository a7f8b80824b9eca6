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

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from telework.rehearse import ANCHOR_PREFIX, REPLY_LIMIT, every_question, render_sheet_html

from .markup import tag
from .parts import choice
from .planner import link_base
from .tools import NOTICES, PRIVACY, ToolDirective, answers_note, note, setup_tool, tool_widget

TITLE = "Rehearse the questions"
NOSCRIPT = (
    "This sheet lists every question with a sample reply: practising your own replies needs "
    "JavaScript. The telework command line asks the same questions: telework rehearse."
)
UNAVAILABLE = (
    "The rehearsal could not start in this browser, so this sheet shows every question with "
    "a sample reply. Reloading the page may help; the telework command line asks the same "
    "questions (telework rehearse)."
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
    sheet = render_sheet_html(
        every_question(), heading_level=level + 1, link_base=link_base, anchors=True
    )
    practice = (choice("checkbox", "practice", PRACTICE), choice("checkbox", "timer", TIMER))
    return tool_widget(
        "rehearsal",
        level,
        TITLE,
        NOSCRIPT,
        answers_note(ANSWERS_NOTE, ANSWERS_NONE, link_base),
        note(PRIVACY),
        tag("form", {"class": "tw-form tw-rehearsal-options"}, *practice),
        NOTICES,
        tag("div", {"class": "tw-rehearsal-deck"}),
        actions=ACTIONS,
        result=(SHEET_LABEL, sheet),
        data={
            "data-link-base": link_base,
            "data-reply-limit": str(REPLY_LIMIT),
            "data-anchor-prefix": ANCHOR_PREFIX,
            "data-unavailable": UNAVAILABLE,
        },
    )


def visit_widget_html(translator: HTML5Translator, node: rehearsal_widget) -> None:
    translator.body.append(render_widget(node, link_base(translator)))
    raise nodes.SkipNode


def setup_rehearsal(app: Sphinx) -> None:
    setup_tool(app, "rehearsal", RehearsalDirective, visit_widget_html, REHEARSAL_ASSETS)
