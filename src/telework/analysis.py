"""Checks over the whole answer space, done by reasoning over the conditions rather than sampling.

Whether an item shows depends only on the questions its conditions mention (its own, its
moves' and those of the phases it can land in), and whether those are asked depends only on
the questions their ``applies`` conditions mention. Enumerating every valid combination of
that closed set of questions (each answered with any option, or not at all) therefore covers
every combination of the full answer space, at a tiny fraction of its size.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations, product

from .conditions import compile_condition, questions_in
from .engine import shows
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
    unused_questions: tuple[str, ...]
    """Questions no condition mentions: asking them changes nothing."""
    combinations: int
    """How many answer combinations were evaluated."""

    @property
    def ok(self) -> bool:
        return not (self.unreachable or self.conflicts or self.unused_questions)

    def problems(self) -> list[str]:
        found = [f"item {i!r} can never be shown" for i in self.unreachable]
        found += [
            f"items {c.first!r} and {c.second!r} conflict but both show for {c.answers}"
            for c in self.conflicts
        ]
        found += [f"question {q!r} changes nothing" for q in self.unused_questions]
        return found


def mentions(item: Item, guide: Guide) -> frozenset[str]:
    """Every question whose answer can decide whether, and where, `item` shows."""
    sections = (item.section, *(move.section for move in item.moves))
    conditions = (
        item.when,
        item.unless,
        *(move.when for move in item.moves),
        *(guide.phase(guide.section(section).phase).unless for section in sections),
    )
    return frozenset().union(*(questions_in(c) for c in conditions))


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
    asked = [(q.id, compile_condition(q.applies)) for q in questions]
    choices = [(None, *q.option_ids()) for q in questions]
    for combination in product(*choices):
        answers: dict[str, str] = {}
        for (question, is_asked), choice in zip(asked, combination, strict=True):
            if choice is None:
                continue
            if is_asked(answers) is not True:
                break  # answering a question that is not asked: not a valid answer set
            answers[question] = choice
        else:
            yield answers


def _showings(guide: Guide, *items: Item) -> Iterator[tuple[dict[str, str], list[bool]]]:
    mentioned = frozenset().union(*(mentions(item, guide) for item in items))
    for answers in valid_answer_sets(guide, mentioned):
        yield answers, [shows(item, answers, guide) is not None for item in items]


def find_conflicts(guide: Guide) -> Iterator[Conflict]:
    """Pairs of items declared in conflict that some answers show together (with those answers)."""
    for first, second in combinations(guide.items, 2):
        if second.id in first.conflicts or first.id in second.conflicts:
            for answers, both in _showings(guide, first, second):
                if all(both):
                    yield Conflict(first.id, second.id, answers)
                    break


def analyse(guide: Guide) -> Report:
    """Check every item is reachable, no conflicting pair ever shows together, and more."""
    count = 0
    unreachable: list[str] = []
    for item in guide.items:
        shown = False
        for _, (truth,) in _showings(guide, item):
            count += 1
            shown = shown or truth
        if not shown:
            unreachable.append(item.id)
    conflicts = tuple(find_conflicts(guide))
    mentioned = set().union(
        *(mentions(i, guide) for i in guide.items),
        *(questions_in(q.applies) for q in guide.questions),
    )
    unused = tuple(q.id for q in guide.questions if q.id not in mentioned)
    return Report(tuple(unreachable), conflicts, unused, count)
