"""Telework: turn a reader's situation into a personalised plan for asking to work from home.

The advice is data (questions, checklist items and the conditions under which each item
applies), loaded and checked by :func:`load_guide`; :func:`plan` turns answers into a
:class:`Checklist`; the ``render_*`` functions show it as HTML, Markdown, text or JSON.
:func:`draft_proposal` turns the answers and a few details into a written proposal.
"""

from __future__ import annotations

from collections.abc import Mapping

from .answers import applicable_questions as _applicable_questions
from .answers import clean_answers as _clean_answers
from .conditions import Condition, evaluate, questions_in
from .describe import describe
from .engine import plan, plan_relevant
from .errors import AnswerError, DataError, TeleworkError
from .loader import load_guide
from .model import (
    Checklist,
    ChecklistSection,
    Guide,
    Item,
    Option,
    Question,
    Section,
    Source,
)
from .proposal import (
    DetailsError,
    Proposal,
    ProposalDetails,
    ProposalSection,
    draft_proposal,
    load_proposal_template,
)
from .render import checklist_to_dict, render_html, render_json, render_markdown, render_text
from .render.proposal import (
    render_proposal_html,
    render_proposal_markdown,
    render_proposal_text,
)

__version__ = "0.1.0"


def applicable_questions(
    answers: Mapping[str, str], guide: Guide | None = None
) -> tuple[Question, ...]:
    """The questions asked given `answers`, in order."""
    return _applicable_questions(answers, guide or load_guide())


def clean_answers(
    raw: object, guide: Guide | None = None
) -> tuple[dict[str, str], tuple[str, ...]]:
    """Keep the valid part of untrusted answers; return it with notices of what was dropped."""
    return _clean_answers(raw, guide or load_guide())


__all__ = [
    "AnswerError",
    "Checklist",
    "ChecklistSection",
    "Condition",
    "DataError",
    "DetailsError",
    "Guide",
    "Item",
    "Option",
    "Proposal",
    "ProposalDetails",
    "ProposalSection",
    "Question",
    "Section",
    "Source",
    "TeleworkError",
    "applicable_questions",
    "checklist_to_dict",
    "clean_answers",
    "describe",
    "draft_proposal",
    "evaluate",
    "load_guide",
    "load_proposal_template",
    "plan",
    "plan_relevant",
    "questions_in",
    "render_html",
    "render_json",
    "render_markdown",
    "render_proposal_html",
    "render_proposal_markdown",
    "render_proposal_text",
    "render_text",
]
