"""Checks over the whole answer space, done by reasoning over the conditions rather than sampling.

A condition depends only on the questions it mentions, and whether those are asked depends
only on the questions their ``applies`` conditions mention. Enumerating every valid
combination of that closed set of questions (each answered with any option, or not at all)
therefore covers every combination of the full answer space, at a tiny fraction of its size.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations, product

from .conditions import Condition, evaluate, questions_in
from .model import Guide, Item


@dataclass(frozen=True)
class Conflict:
    first: str
    second: str
    answers: dict[str, str]
    """Answers under which both items show."""


@dataclass(frozen=True)
class Report:
    unreachable: tuple[str, ...]
    """Items that no answers can show."""
    conflicts: tuple[Conflict, ...]
    """Declared conflicting items that some answers show together."""
    always_shown: tuple[str, ...]
    """Items shown for every answer set, unanswered included: they keep the list non-empty."""
    unused_questions: tuple[str, ...]
    """Questions no condition mentions: asking them changes nothing."""
    combinations: int
    """How many answer combinations were evaluated."""

    @property
    def ok(self) -> bool:
        return not (self.unreachable or self.conflicts or self.unused_questions) and bool(
            self.always_shown
        )

    def problems(self) -> list[str]:
        found = [f"item {i!r} can never be shown" for i in self.unreachable]
        found += [
            f"items {c.first!r} and {c.second!r} conflict but both show for {c.answers}"
            for c in self.conflicts
        ]
        found += [f"question {q!r} changes nothing" for q in self.unused_questions]
        if not self.always_shown:
            found.append("no item is shown for every answer set, so a checklist can be empty")
        return found


def closure(guide: Guide, question_ids: Iterable[str]) -> tuple[str, ...]:
    """`question_ids` plus every question their being asked depends on, in the guide's order."""
    wanted = set(question_ids)
    pending = list(wanted)
    while pending:
        for dependency in questions_in(guide.question(pending.pop()).applies):
            if dependency not in wanted:
                wanted.add(dependency)
                pending.append(dependency)
    return tuple(q.id for q in guide.questions if q.id in wanted)


def valid_answer_sets(guide: Guide, question_ids: Iterable[str]) -> Iterator[dict[str, str]]:
    """Every valid way to answer (or leave unanswered) the closure of `question_ids`."""
    questions = [guide.question(q) for q in closure(guide, question_ids)]
    choices = [(None, *q.option_ids()) for q in questions]
    for combination in product(*choices):
        answers: dict[str, str] = {}
        for question, choice in zip(questions, combination, strict=True):
            if choice is None:
                continue
            if evaluate(question.applies, answers) is not True:
                break  # answering a question that is not asked: not a valid answer set
            answers[question.id] = choice
        else:
            yield answers


def _truths(guide: Guide, *conditions: Condition) -> Iterator[tuple[dict[str, str], list[bool]]]:
    mentioned = frozenset().union(*(questions_in(c) for c in conditions))
    for answers in valid_answer_sets(guide, mentioned):
        yield answers, [evaluate(c, answers) is True for c in conditions]


def analyse(guide: Guide) -> Report:
    """Check every item is reachable, no conflicting pair ever shows together, and more."""
    count = 0
    unreachable: list[str] = []
    always: list[str] = []
    for item in guide.items:
        shown = []
        for _, (truth,) in _truths(guide, item.when):
            count += 1
            shown.append(truth)
        if not any(shown):
            unreachable.append(item.id)
        if all(shown):
            always.append(item.id)
    conflicts: list[Conflict] = []
    for first, second in _conflicting_pairs(guide):
        for answers, truths in _truths(guide, first.when, second.when):
            count += 1
            if all(truths):
                conflicts.append(Conflict(first.id, second.id, answers))
                break
    mentioned = set().union(
        *(questions_in(i.when) for i in guide.items),
        *(questions_in(q.applies) for q in guide.questions),
    )
    unused = tuple(q.id for q in guide.questions if q.id not in mentioned)
    return Report(tuple(unreachable), tuple(conflicts), tuple(always), unused, count)


def _conflicting_pairs(guide: Guide) -> Iterator[tuple[Item, Item]]:
    for first, second in combinations(guide.items, 2):
        if second.id in first.conflicts or first.id in second.conflicts:
            yield first, second
