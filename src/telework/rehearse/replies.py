"""Checking a reader's replies: question id → {"reply": text, "covered": [element ids]}."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from ..errors import TeleworkError, quote
from .model import EmployerQuestion, Rehearsal, Reply

REPLY_LIMIT = 2000
"""The longest reply, in characters."""
_ALLOWED_CONTROLS = frozenset("\n\t")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class ReplyError(TeleworkError, ValueError):
    """A reader's replies are invalid; the message names each problem and what is allowed."""


def check_replies(raw: object, rehearsal: Rehearsal) -> dict[str, Reply]:
    """The replies in `raw`, checked strictly: any problem raises ReplyError."""
    replies, problems = read_replies(raw, rehearsal.questions)
    if problems:
        raise ReplyError("; ".join(problems))
    return replies


def read_replies(
    raw: object, questions: Iterable[EmployerQuestion]
) -> tuple[dict[str, Reply], list[str]]:
    """The valid replies in untrusted `raw`, and one line per problem with what was left out."""
    known = {question.id: question for question in questions}
    if not isinstance(raw, Mapping):
        return {}, [
            f"replies must be a mapping of question id to a reply, not {type(raw).__name__}"
        ]
    replies: dict[str, Reply] = {}
    problems: list[str] = []
    for key, value in raw.items():
        question = known.get(key) if isinstance(key, str) else None
        if question is None:
            problems.append(f"unknown question {quote(key)}; allowed: {', '.join(known)}")
            continue
        where = f"reply to {question.id!r}"
        if isinstance(value, str):
            value = {"reply": value}
        if not isinstance(value, Mapping):
            problems.append(f"{where}: expected a table with 'reply' and 'covered'")
            continue
        unknown = sorted(map(str, set(value) - {"reply", "covered"}))
        if unknown:
            problems.append(f"{where}: unknown field {quote(unknown[0])}; allowed: reply, covered")
            continue
        text, text_problem = _text(value.get("reply", ""))
        covered = value.get("covered", [])
        allowed = question.element_ids()
        if text_problem:
            problems.append(f"{where}: {text_problem}")
        elif not isinstance(covered, list) or not all(isinstance(c, str) for c in covered):
            problems.append(f"{where}: 'covered' must be a list of element ids")
        elif bad := [c for c in covered if c not in allowed]:
            problems.append(
                f"{where}: unknown element {quote(bad[0])}; allowed: {', '.join(allowed)}"
            )
        else:
            in_order = tuple(e for e in allowed if e in covered)
            replies[question.id] = Reply(text, in_order)
    return replies, problems


def _text(value: object) -> tuple[str, str]:
    """The reply tidied, or a description of what is wrong with it."""
    if not isinstance(value, str):
        return "", f"'reply' must be text, not {type(value).__name__}"
    if len(value) > REPLY_LIMIT:
        return "", f"too long ({len(value)} characters); at most {REPLY_LIMIT} allowed"
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    for char in text:
        control = unicodedata.category(char) in ("Cc", "Cs") and char not in _ALLOWED_CONTROLS
        if control or char in _BIDI_CONTROLS:
            return "", (
                f"contains a control character (U+{ord(char):04X}); only ordinary text and "
                "line breaks are allowed"
            )
    return text, ""
