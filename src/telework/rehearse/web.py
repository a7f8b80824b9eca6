"""The rehearsal page's entry point for the browser worker: untrusted input in, cards out."""

from __future__ import annotations

from typing import Any

from .. import clean_answers, plan_relevant
from ..loader import load_guide
from ..render.common import source_href
from .load import load_rehearsal
from .model import EmployerQuestion
from .render import render_sheet_html, render_sheet_markdown
from .replies import read_replies
from .select import sheet_for


def respond(raw_answers: object, raw_replies: object, link_base: str = "") -> dict[str, Any]:
    """The reader's questions as cards, and their prep sheet; never raises for bad input.

    Invalid answers and replies are left out and explained in ``notices``. Replies to
    questions this reader is not asked are left out of the sheet, not reported: they
    belong to other answers the reader may come back to.
    """
    guide = load_guide()
    data = load_rehearsal()
    answers, notices = clean_answers(raw_answers, guide)
    answers = dict(plan_relevant(answers, guide).answers)
    replies, problems = read_replies({} if raw_replies is None else raw_replies, data.questions)
    sheet = sheet_for(answers, replies, guide, data)
    return {
        "answers": answers,
        "notices": [*notices, *(f"Ignored {problem}." for problem in problems)],
        "questions": [card(q, link_base) for q in sheet.questions],
        "html": render_sheet_html(sheet, heading_level=3, link_base=link_base),
        "markdown": render_sheet_markdown(sheet, link_base=link_base),
    }


def card(question: EmployerQuestion, link_base: str = "") -> dict[str, Any]:
    """What a card shows of one question, as JSON-ready data."""
    return {
        "id": question.id,
        "anchor": question.anchor,
        "moment": question.moment.title,
        "concern": question.concern.title,
        "prompt": question.prompt,
        "elements": [{"id": e.id, "text": e.text} for e in question.elements],
        "hint": question.hint,
        "href": question.href(link_base),
        "sources": [
            {"short": s.short, "href": source_href(s, link_base)} for s in question.sources
        ],
    }
