"""Choosing the questions for one reader, in the order the conversation would take."""

from __future__ import annotations

from collections.abc import Mapping

from .. import applicable_questions, plan
from ..conditions import evaluate
from ..loader import load_guide
from ..model import Guide
from .load import load_rehearsal
from .model import EmployerQuestion, PrepSheet, Rehearsal, Reply
from .replies import check_replies


def rehearsal(
    answers: Mapping[str, str], guide: Guide | None = None, data: Rehearsal | None = None
) -> tuple[EmployerQuestion, ...]:
    """The questions an employer may put to a reader with these answers, in conversation order.

    Answers are checked strictly (AnswerError). A question shows only when its condition
    certainly holds, so a reader is never asked what cannot apply to them.
    """
    guide = guide or load_guide()
    return questions_for(plan(answers, guide).answers, guide, data or load_rehearsal())


def questions_for(
    answers: Mapping[str, str], guide: Guide, data: Rehearsal
) -> tuple[EmployerQuestion, ...]:
    """The questions for answers already checked (see :func:`rehearsal`)."""
    effective = with_assumptions(answers, guide, data)
    return tuple(q for q in data.questions if evaluate(q.when, effective) is True)


def with_assumptions(answers: Mapping[str, str], guide: Guide, data: Rehearsal) -> dict[str, str]:
    """`answers` plus the rehearsal's assumptions for questions asked but left open."""
    effective = dict(answers)
    asked = {q.id for q in applicable_questions(effective, guide)}
    for question_id, option in data.assume.items():
        if question_id in asked and question_id not in effective:
            effective[question_id] = option
    return effective


def prep_sheet(
    answers: Mapping[str, str],
    replies: object = None,
    guide: Guide | None = None,
    data: Rehearsal | None = None,
) -> PrepSheet:
    """The prep sheet for these answers and replies (question id → {reply, covered}).

    Both are checked strictly (AnswerError, ReplyError). Replies to questions this reader
    is not asked are kept out of the sheet.
    """
    guide = guide or load_guide()
    data = data or load_rehearsal()
    checked = plan(answers, guide).answers
    return sheet_for(checked, check_replies({} if replies is None else replies, data), guide, data)


def sheet_for(
    answers: Mapping[str, str], replies: Mapping[str, Reply], guide: Guide, data: Rehearsal
) -> PrepSheet:
    """The sheet for answers and replies already checked (see :func:`prep_sheet`)."""
    questions = questions_for(answers, guide, data)
    shown = {q.id: replies[q.id] for q in questions if q.id in replies}
    return PrepSheet(questions, shown, with_assumptions(answers, guide, data))


def every_question(data: Rehearsal | None = None) -> PrepSheet:
    """A sheet of every question with the sample replies: what the book shows before scripts run."""
    data = data or load_rehearsal()
    return PrepSheet(data.questions, data.sample_replies, {})
