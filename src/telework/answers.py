"""Checking a reader's answers: strictly for the API and the command line (raise), leniently
for links and stored state (keep what is valid, explain what was dropped).

Both check the same thing, pair by pair: each key is a question of the guide and each value
one of its options. Whether a question is asked given the other answers is the engine's
business (see `telework.engine.plan`).
"""

from __future__ import annotations

from collections.abc import Mapping

from .arguments import check
from .errors import AnswerError, quote
from .loader import load_guide
from .model import Guide


def check_answers(answers: object, guide: Guide | None = None) -> dict[str, str]:
    """`answers` as a dict, if every key is a question and every value one of its options.

    Raises AnswerError naming the first problem and what is allowed.
    """
    check(guide=guide)
    guide = guide or load_guide()
    if not isinstance(answers, Mapping):
        raise AnswerError(
            f"answers must be a mapping of question id to option id, not {type(answers).__name__}"
        )
    checked: dict[str, str] = {}
    for key, value in answers.items():
        problem = _problem(key, value, guide)
        if problem:
            what, allowed = problem
            raise AnswerError(f"{what}; allowed: {allowed}")
        checked[key] = value
    return checked


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
    kept: dict[str, str] = {}
    notices: list[str] = []
    for key, value in raw.items():
        if _problem(key, value, guide) is None:
            kept[key] = value
        elif guide.has_question(key):  # said for readers: the question's prompt, not its id
            question = guide.question(str(key))
            notices.append(
                f"Ignored answer {quote(value)} to “{question.prompt}”: "
                f"not one of {', '.join(question.option_ids())}."
            )
        else:
            notices.append(f"Ignored unknown question {quote(key)}.")
    return kept, tuple(notices)


def _problem(key: object, value: object, guide: Guide) -> tuple[str, str] | None:
    """What is wrong with one answer and what is allowed instead; None if nothing is."""
    if not guide.has_question(key):
        return f"unknown question {quote(key)}", ", ".join(q.id for q in guide.questions)
    assert isinstance(key, str)
    question = guide.question(key)
    if isinstance(value, str) and value in question.option_ids():
        return None
    if isinstance(value, str):
        what = f"unknown option {quote(value)}"
    else:
        what = f"an option id (a string) is needed, not {_kind(value)}"
    return f"answer to {key!r} (“{question.prompt}”): {what}", ", ".join(question.option_ids())


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"
