"""Conditions in words, for readers: "Where do you stand? is "current employer" and …"."""

from __future__ import annotations

from .conditions import All, Any, Condition, Is, Not, not_a_condition
from .model import Guide


def describe(condition: Condition, guide: Guide) -> str:
    """A plain-English reading of `condition`, using the questions' prompts and option labels."""
    match condition:
        case All(()):
            return "always"
        case Is(question_id, options):
            question = guide.question(question_id)
            labels = " or ".join(f"“{question.label(o)}”" for o in options)
            return f"{question.prompt} → {labels}"
        case All(parts):
            return " and ".join(_group(part, guide) for part in parts)
        case Any(parts):
            return " or ".join(_group(part, guide) for part in parts)
        case Not(inner):
            return f"not ({describe(inner, guide)})"
    raise not_a_condition(condition)


def _group(condition: Condition, guide: Guide) -> str:
    text = describe(condition, guide)
    grouped = isinstance(condition, All | Any) and len(condition.conditions) > 1
    return f"({text})" if grouped else text
