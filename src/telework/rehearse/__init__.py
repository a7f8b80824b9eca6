"""Rehearse the conversation: the questions an employer may ask, and the reader's prepared replies.

The questions, the elements of a strong reply and when each question is asked are data
(rehearsal.toml, checked when loaded against the guide). ``rehearsal`` picks the
questions for one reader in conversation order; ``prep_sheet`` pairs them with the
reader's replies, and the ``render_sheet_*`` functions show the sheet.

The vocabulary is in ``model``, loading in ``load``, replies in ``replies``,
choosing in ``select``, rendering in ``render``, the browser's entry point in
``web`` and the ``telework rehearse`` command in ``cli``.
"""

from __future__ import annotations

from .load import FILE, load_rehearsal, rehearsal_from_data
from .model import (
    ANCHOR_PREFIX,
    Concern,
    Element,
    EmployerQuestion,
    Moment,
    PrepSheet,
    Rehearsal,
    Reply,
)
from .proposal import add_prepared_points
from .render import (
    SHEET_RENDERERS,
    render_sheet_html,
    render_sheet_markdown,
    render_sheet_text,
)
from .replies import REPLY_LIMIT, ReplyError, check_replies, read_replies
from .select import every_question, prep_sheet, rehearsal
from .web import respond

__all__ = [
    "ANCHOR_PREFIX",
    "FILE",
    "REPLY_LIMIT",
    "SHEET_RENDERERS",
    "Concern",
    "Element",
    "EmployerQuestion",
    "Moment",
    "PrepSheet",
    "Rehearsal",
    "Reply",
    "ReplyError",
    "add_prepared_points",
    "check_replies",
    "every_question",
    "load_rehearsal",
    "prep_sheet",
    "read_replies",
    "rehearsal",
    "rehearsal_from_data",
    "render_sheet_html",
    "render_sheet_markdown",
    "render_sheet_text",
    "respond",
]
