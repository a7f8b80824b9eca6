"""The browser's entry point: untrusted answers in, everything the web planner shows out."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .answers import clean_answers
from .engine import plan_relevant
from .errors import TeleworkError
from .ics import render_calendar
from .loader import load_guide
from .plan_calendar import plan_events
from .render import render_html, render_markdown

PAGE = "tools/planner"
"""The book's page holding the web planner (a docname, as the book's own links name it)."""


def respond(
    raw_answers: object,
    *,
    link_base: str = "",
    sections: Iterable[str] | None = None,
    heading_level: int = 3,
    today: str = "",
    book_url: str = "",
) -> dict[str, Any]:
    """Clean `raw_answers` (from a form, a link or storage) and return the planner's view.

    `link_base`, `sections` and `heading_level` are those of the page's widget: the path
    from the page to the book's root, the checklist sections it shows, and the level of
    their headings (one below the widget's title). With `today` (YYYY-MM-DD), ``calendar``
    is an .ics file of the dates the plan calls for, its links made from `book_url` (the
    book's root), or "" when the plan has no dates.

    Never raises for bad answers: what is invalid is dropped and explained in ``notices``.
    ``answers`` keeps every valid answer, including those to questions not asked right now;
    ``answered`` words those in use, as [prompt, option label] per question asked.
    """
    guide = load_guide()
    answers, notices = clean_answers(raw_answers, guide)
    try:
        checklist = plan_relevant(answers, guide, sections=sections)
    except TeleworkError as error:  # an unknown section from a tampered page
        checklist = plan_relevant(answers, guide)
        notices += (str(error),)
    calendar = ""
    if today:
        try:
            events = plan_events(checklist, today, book_url)
            calendar = render_calendar(events) if events else ""
        except TeleworkError as error:  # a bad date from the page
            notices += (str(error),)
    in_use = [question for question in checklist.asked if question.id in answers]
    return {
        "answers": answers,
        "notices": list(notices),
        "applicable": [q.id for q in checklist.asked],
        "answered": [[q.prompt, q.label(answers[q.id])] for q in in_use],
        "items": list(checklist.item_ids()),
        "refine": list(checklist.refine),
        "html": render_html(checklist, link_base, heading_level),
        "markdown": render_markdown(checklist, link_base),
        "calendar": calendar,
    }
