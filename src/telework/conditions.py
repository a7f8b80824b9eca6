"""Conditions as data: when a question is asked and when an item applies.

In the data files a condition is a table. Each key is either a question id, mapping to the
list of options that satisfy it, or one of the combinators ``all`` (a list of tables),
``any`` (a list of tables) and ``not`` (a table). The keys of one table must all hold::

    when = { situation = ["current"], any = [{ trust = ["new"] }, { stage = ["no"] }] }

An unanswered question makes its test *unknown*: conditions are evaluated in three-valued
logic, and an item shows only when its condition is definitely true.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeAlias

from .errors import ArgumentError, DataError, quote

Truth: TypeAlias = bool | None
"""True, False, or None for "unknown until more questions are answered"."""


@dataclass(frozen=True)
class Is:
    """The answer to `question` is one of `options`."""

    question: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class All:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class Any:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    condition: Condition


Condition: TypeAlias = Is | All | Any | Not

ALWAYS: Condition = All(())
NEVER: Condition = Any(())


def not_a_condition(value: object) -> ArgumentError:
    """The error for a value given as a condition that is none of the condition forms."""
    return ArgumentError(f"not a condition: {quote(value)}; conditions are Is, All, Any or Not")


def evaluate(condition: Condition, answers: Mapping[str, str]) -> Truth:
    """The truth of `condition` for `answers`; None when unanswered questions leave it open."""
    match condition:
        case Is(question, options):
            answer = answers.get(question)
            return None if answer is None else answer in options
        case All(conditions):
            results = [evaluate(c, answers) for c in conditions]
            if False in results:
                return False
            return None if None in results else True
        case Any(conditions):
            results = [evaluate(c, answers) for c in conditions]
            if True in results:
                return True
            return None if None in results else False
        case Not(inner):
            result = evaluate(inner, answers)
            return None if result is None else not result
    raise not_a_condition(condition)


Predicate: TypeAlias = Callable[[Mapping[str, str]], Truth]


def compile_condition(condition: Condition) -> Predicate:
    """A fast function equivalent to ``evaluate(condition, answers)``, for the engine."""
    match condition:
        case Is(question, options):
            allowed = frozenset(options)

            def is_(answers: Mapping[str, str]) -> Truth:
                answer = answers.get(question)
                return None if answer is None else answer in allowed

            return is_
        case All(()):
            return lambda answers: True
        case All(conditions) if all(isinstance(c, Is) for c in conditions):
            return _plain_tests(conditions, decisive=False)  # the commonest shape
        case All(conditions):
            parts = tuple(compile_condition(c) for c in conditions)

            def all_(answers: Mapping[str, str]) -> Truth:
                result: Truth = True
                for part in parts:
                    truth = part(answers)
                    if truth is False:
                        return False
                    if truth is None:
                        result = None
                return result

            return all_
        case Any(conditions) if conditions and all(isinstance(c, Is) for c in conditions):
            return _plain_tests(conditions, decisive=True)
        case Any(conditions):
            parts = tuple(compile_condition(c) for c in conditions)

            def any_(answers: Mapping[str, str]) -> Truth:
                result: Truth = False
                for part in parts:
                    truth = part(answers)
                    if truth:
                        return True
                    if truth is None:
                        result = None
                return result

            return any_
        case Not(inner):
            part = compile_condition(inner)

            def not_(answers: Mapping[str, str]) -> Truth:
                truth = part(answers)
                return None if truth is None else not truth

            return not_
    raise not_a_condition(condition)


def _plain_tests(conditions: tuple[Condition, ...], decisive: bool) -> Predicate:
    """All (`decisive` False) or any (True) of plain question tests, in one loop with no call
    per part: the first test whose truth is `decisive` decides."""
    leaves = [c for c in conditions if isinstance(c, Is)]  # all of them (for mypy)
    tests = tuple((leaf.question, frozenset(leaf.options)) for leaf in leaves)

    def plain(answers: Mapping[str, str]) -> Truth:
        result: Truth = not decisive
        for question, allowed in tests:
            answer = answers.get(question)
            if answer is None:
                result = None
            elif (answer in allowed) is decisive:
                return decisive
        return result

    return plain


def questions_in(condition: Condition) -> frozenset[str]:
    """The ids of the questions a condition tests."""
    match condition:
        case Is(question, _):
            return frozenset((question,))
        case All(conditions) | Any(conditions):
            return frozenset().union(*(questions_in(c) for c in conditions))
        case Not(inner):
            return questions_in(inner)
    raise not_a_condition(condition)


def leaves(condition: Condition) -> tuple[Is, ...]:
    """Every question test in a condition, in order."""
    match condition:
        case Is():
            return (condition,)
        case All(conditions) | Any(conditions):
            return tuple(leaf for c in conditions for leaf in leaves(c))
        case Not(inner):
            return leaves(inner)
    raise not_a_condition(condition)


def parse(data: object, where: str) -> Condition:
    """Build a condition from its data form; `where` names the place for error messages."""
    if not isinstance(data, Mapping):
        raise DataError(f"{where}: a condition must be a table, not {type(data).__name__}")
    parts: list[Condition] = []
    for key, value in data.items():
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                raise DataError(f"{where}: {key!r} takes a non-empty list of tables")
            children = tuple(parse(v, f"{where}.{key}[{i}]") for i, v in enumerate(value))
            parts.append(All(children) if key == "all" else Any(children))
        elif key == "not":
            parts.append(Not(parse(value, f"{where}.not")))
        else:
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(option, str) for option in value)
            ):
                raise DataError(
                    f"{where}: question {key!r} takes a non-empty list of option ids, "
                    f'e.g. {key} = ["..."]'
                )
            parts.append(Is(str(key), tuple(value)))
    return parts[0] if len(parts) == 1 else All(tuple(parts))
