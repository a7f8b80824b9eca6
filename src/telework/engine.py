"""From answers to a checklist: the items whose conditions hold, in the guide's order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .answers import check_values, relevant, validated
from .arguments import check
from .errors import AnswerError, quote
from .loader import load_guide
from .model import Checklist, ChecklistSection, Guide, Item, Question


def plan(
    answers: Mapping[str, str],
    guide: Guide | None = None,
    *,
    sections: Iterable[str] | None = None,
) -> Checklist:
    """The checklist for `answers`, optionally limited to some section ids.

    Answers are checked strictly (AnswerError names the problem). Partial answers are
    normal: items that depend on unanswered questions are left out and those questions
    are listed in `Checklist.refine`.
    """
    check(guide=guide, sections=sections)
    guide = guide or load_guide()
    checked, asked = validated(answers, guide)
    return _plan(checked, asked, guide, _section_ids(sections, guide))


def plan_relevant(
    answers: Mapping[str, str],
    guide: Guide | None = None,
    *,
    sections: Iterable[str] | None = None,
) -> Checklist:
    """Like `plan`, but answers to questions not asked for the others are set aside, not refused.

    For front-ends that keep every answer a reader gave while their situation changes.
    """
    check(guide=guide, sections=sections)
    guide = guide or load_guide()
    kept, asked = relevant(check_values(answers, guide), guide)
    return _plan(kept, asked, guide, _section_ids(sections, guide))


def _section_ids(sections: Iterable[str] | None, guide: Guide) -> frozenset[str] | None:
    if sections is None:
        return None
    if isinstance(sections, str):
        sections = sections.split()
    wanted = frozenset(sections)
    known = [s.id for s in guide.sections]
    unknown = sorted(wanted - set(known))
    if unknown:
        raise AnswerError(f"unknown section {quote(unknown[0])}; allowed: {', '.join(known)}")
    return wanted


def _plan(
    answers: dict[str, str],
    asked: tuple[Question, ...],
    guide: Guide,
    wanted: frozenset[str] | None,
) -> Checklist:
    sections: list[ChecklistSection] = []
    open_questions: set[str] = set()
    for section, items in guide._items_by_section:
        if wanted is not None and section.id not in wanted:
            continue
        shown: list[Item] = []
        for item in items:
            truth = item._shows(answers)
            if truth:
                shown.append(item)
            elif truth is None:
                open_questions.update(item._mentions)
        if shown:
            sections.append(ChecklistSection(section.id, section.title, tuple(shown)))
    refine = tuple(q.id for q in asked if q.id in open_questions and q.id not in answers)
    return Checklist(
        answers=answers,  # a fresh dict from validation
        sections=tuple(sections),
        refine=refine,
        guide=guide,
    )
