"""Telework: turn a reader's situation into a personalised plan for asking to work from home.

The advice is data (questions, checklist items and the conditions under which each item
applies), loaded and checked by :func:`load_guide`; :func:`plan` turns answers into a
:class:`Checklist`; the ``render_*`` functions show it as HTML, Markdown, text or JSON.
:func:`draft_proposal` turns the answers and a few details into a written proposal.

Names are imported from their modules on first use, so ``import telework`` stays cheap
for the command line and the browser.
"""

from __future__ import annotations

from importlib import import_module

from .errors import AnswerError, DataError, TeleworkError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from .answers import check_answers, clean_answers
    from .conditions import Condition, evaluate, questions_in
    from .engine import applicable_questions, plan, plan_relevant
    from .explain import describe
    from .loader import load_guide
    from .model import (
        Checklist,
        ChecklistPhase,
        ChecklistSection,
        Guide,
        Item,
        Move,
        Option,
        Phase,
        Question,
        Section,
        Source,
        Tool,
    )
    from .proposal import (
        DetailsError,
        Proposal,
        ProposalDetails,
        ProposalSection,
        draft_proposal,
        load_proposal_template,
    )
    from .rehearse import rehearsal
    from .render import (
        checklist_to_dict,
        render_html,
        render_json,
        render_markdown,
        render_text,
    )
    from .render.proposal import (
        render_proposal_html,
        render_proposal_markdown,
        render_proposal_text,
    )
    from .trial import (
        Comparison,
        Entry,
        Trial,
        TrialError,
        TrialLog,
        TrialSummary,
        log_from_csv,
        log_to_csv,
        summarise,
    )

__version__ = "0.1.0"

_HOMES = {
    ".answers": ("check_answers", "clean_answers"),
    ".conditions": ("Condition", "evaluate", "questions_in"),
    ".explain": ("describe",),
    ".engine": ("applicable_questions", "plan", "plan_relevant"),
    ".loader": ("load_guide",),
    ".model": (
        "Checklist", "ChecklistPhase", "ChecklistSection", "Guide", "Item", "Move", "Option",
        "Phase", "Question", "Section", "Source", "Tool",
    ),
    ".proposal": (
        "DetailsError", "Proposal", "ProposalDetails", "ProposalSection", "draft_proposal",
        "load_proposal_template",
    "log_from_csv",
    "log_to_csv",
    ),
    ".render": (
        "checklist_to_dict", "render_html", "render_json", "render_markdown", "render_text"
    ),
    ".render.proposal": (
        "render_proposal_html", "render_proposal_markdown", "render_proposal_text"
    ),
    ".rehearse": ("rehearsal",),
    ".trial": (
        "Comparison", "Entry", "Trial", "TrialError", "TrialLog", "TrialSummary", "log_from_csv",
        "log_to_csv", "summarise",
    ),
}  # fmt: skip
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> object:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'telework' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOME_OF])


__all__ = [
    "AnswerError",
    "Checklist",
    "ChecklistPhase",
    "ChecklistSection",
    "Comparison",
    "Condition",
    "DataError",
    "DetailsError",
    "Entry",
    "Guide",
    "Item",
    "Move",
    "Option",
    "Phase",
    "Proposal",
    "ProposalDetails",
    "ProposalSection",
    "Question",
    "Section",
    "Source",
    "TeleworkError",
    "Tool",
    "Trial",
    "TrialError",
    "TrialLog",
    "TrialSummary",
    "applicable_questions",
    "check_answers",
    "checklist_to_dict",
    "clean_answers",
    "describe",
    "draft_proposal",
    "evaluate",
    "load_guide",
    "load_proposal_template",
    "log_from_csv",
    "log_to_csv",
    "plan",
    "plan_relevant",
    "questions_in",
    "rehearsal",
    "render_html",
    "render_json",
    "render_markdown",
    "render_proposal_html",
    "render_proposal_markdown",
    "render_proposal_text",
    "render_text",
    "summarise",
]
