"""Checking a reader's answers: strictly for the API, leniently for links and stored state."""

from __future__ import annotations

from collections.abc import Mapping

from .arguments import check
from .errors import AnswerError, quote
from .explain import describe
from .loader import load_guide
from .model import Guide, Question


def applicable_questions(
    answers: Mapping[str, str], guide: Guide | None = None
) -> tuple[Question, ...]:
    """The questions asked given these answers, in order (by default, in the packaged guide).

    A question whose condition depends on an unanswered (or no longer asked) question is
    not asked yet.
    """
    check(answers=answers, guide=guide)
    guide = guide or load_guide()
    asked: list[Question] = []
    effective: dict[str, str] = {}
    for question in guide.questions:
        if question._is_asked(effective) is True:
            asked.append(question)
            if question.id in answers:
                effective[question.id] = answers[question.id]
    return tuple(asked)


def relevant_answers(answers: Mapping[str, str], guide: Guide) -> dict[str, str]:
    """The answers to questions that are asked; answers to the others are set aside."""
    return relevant(answers, guide)[0]


def relevant(
    answers: Mapping[str, str], guide: Guide
) -> tuple[dict[str, str], tuple[Question, ...]]:
    """`relevant_answers`, with the questions asked (for the engine, which needs both)."""
    asked = applicable_questions(answers, guide)
    return {q.id: answers[q.id] for q in asked if q.id in answers}, asked


def check_values(answers: object, guide: Guide) -> dict[str, str]:
    """Return `answers` as a dict if every key is a question and every value one of its options."""
    if not isinstance(answers, Mapping):
        raise AnswerError(
            f"answers must be a mapping of question id to option id, not {type(answers).__name__}"
        )
    questions = guide._index["question"]
    checked: dict[str, str] = {}
    for key, value in answers.items():
        question = questions.get(key) if isinstance(key, str) else None
        if not isinstance(question, Question):
            raise AnswerError(f"unknown question {quote(key)}; allowed: {', '.join(questions)}")
        if not isinstance(value, str) or value not in question._option_ids:
            raise _bad_option(key, value, question)
        checked[key] = value
    return checked


def _bad_option(key: str, value: object, question: Question) -> AnswerError:
    allowed = ", ".join(question.option_ids())
    if not isinstance(value, str):
        return AnswerError(
            f"question {key!r}: answer must be an option id (a string), "
            f"not {type(value).__name__}; allowed: {allowed}"
        )
    return AnswerError(f"question {key!r}: unknown option {quote(value)}; allowed: {allowed}")


def validate_answers(answers: object, guide: Guide) -> dict[str, str]:
    """Like `check_values`, and every answered question must be asked given the others."""
    return validated(answers, guide)[0]


def validated(answers: object, guide: Guide) -> tuple[dict[str, str], tuple[Question, ...]]:
    """`validate_answers`, with the questions asked (for the engine, which needs both)."""
    checked = check_values(answers, guide)
    asked = applicable_questions(checked, guide)
    asked_ids = {q.id for q in asked}
    for key in checked:
        if key not in asked_ids:
            question = guide.question(key)
            raise AnswerError(
                f"question {key!r} is not asked for these answers; it is asked only when "
                f"{describe(question.applies, guide)}"
            )
    return checked, asked


def clean_answers(
    raw: object, guide: Guide | None = None
) -> tuple[dict[str, str], tuple[str, ...]]:
    """Keep what is valid in untrusted answers (from a link or storage); explain what was dropped.

    Answers to questions not asked for the other answers are kept: they come back into use
    when the reader changes their mind.
    """
    check(guide=guide)
    guide = guide or load_guide()
    if not isinstance(raw, Mapping):
        return {}, (f"Ignored saved answers: expected question=option pairs, not {_kind(raw)}.",)
    known = {q.id: q for q in guide.questions}
    kept: dict[str, str] = {}
    notices: list[str] = []
    for key, value in raw.items():
        question = known.get(key) if isinstance(key, str) else None
        if question is None:
            notices.append(f"Ignored unknown question {quote(key)}.")
        elif not isinstance(value, str) or value not in question.option_ids():
            notices.append(
                f"Ignored answer {quote(value)} to “{question.prompt}”: "
                f"not one of {', '.join(question.option_ids())}."
            )
        else:
            kept[key] = value
    return kept, tuple(notices)


def _kind(value: object) -> str:
    return "nothing" if value is None else f"a {type(value).__name__}"
