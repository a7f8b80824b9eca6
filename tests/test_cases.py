"""The case table (plan_cases.toml): what readers must be told, checked against the plan.

Besides checking each case, the table is checked for strength: every item must appear in
some case, and every change to a condition in the data that changes what some reader sees
must make at least one case fail.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import telework
from telework.analysis import mentions, valid_answer_sets
from telework.conditions import ALWAYS, NEVER, All, Condition, Is, Not
from telework.conditions import Any as AnyOf
from telework.engine import shows

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "plan_cases.toml").read_text(encoding="utf-8")
)["cases"]
GUIDE = telework.load_guide()


def failure(case: dict[str, Any], guide: telework.Guide) -> str | None:
    """What is wrong with the plan for this case's answers; None if it is as the case says."""
    plan = telework.plan(case["answers"], guide).item_ids()
    position = -1
    for item in case["shows"]:
        if item not in plan:
            return f"{item} is missing"
        if plan.index(item) < position:
            return f"{item} comes too early"
        position = plan.index(item)
    shown = [item for item in case["hides"] if item in plan]
    return f"{shown[0]} is shown" if shown else None


@pytest.mark.parametrize("case", CASES, ids=[case["says"] for case in CASES])
def test_the_plan_tells_each_reader_what_the_articles_say(case: dict[str, Any]) -> None:
    assert case["source"] in {s.id for s in GUIDE.sources} | {"book"}
    assert failure(case, GUIDE) is None


def test_every_item_appears_in_some_case() -> None:
    covered = {item for case in CASES for item in case["shows"]}
    assert [item.id for item in GUIDE.items if item.id not in covered] == []


# --- mutants: every condition changed in every way that matters must fail a case ----------


def leaf_mutants(condition: Condition, guide: telework.Guide) -> Iterator[Condition]:
    """`condition` with one question test changed: widened to every option, narrowed by one
    option, or turned to the other options."""
    match condition:
        case Is(question, options):
            every = guide.question(question).option_ids()
            yield Is(question, every)
            others = tuple(o for o in every if o not in options)
            if others:
                yield Is(question, others)
            for dropped in options if len(options) > 1 else ():
                yield Is(question, tuple(o for o in options if o != dropped))
        case All(parts) | AnyOf(parts):
            for index, part in enumerate(parts):
                for mutant in leaf_mutants(part, guide):
                    changed = (*parts[:index], mutant, *parts[index + 1 :])
                    yield All(changed) if isinstance(condition, All) else AnyOf(changed)
                if len(parts) > 1:
                    rest = (*parts[:index], *parts[index + 1 :])
                    yield All(rest) if isinstance(condition, All) else AnyOf(rest)
        case Not(inner):
            yield inner
            yield from (Not(mutant) for mutant in leaf_mutants(inner, guide))


def condition_mutants(condition: Condition, guide: telework.Guide) -> Iterator[Condition]:
    yield from (c for c in (ALWAYS, NEVER) if c != condition)
    yield from leaf_mutants(condition, guide)


def item_mutants(item: telework.Item, guide: telework.Guide) -> Iterator[tuple[str, telework.Item]]:
    for when in condition_mutants(item.when, guide):
        yield f"when={when}", replace(item, when=when)
    for unless in condition_mutants(item.unless, guide):
        yield f"unless={unless}", replace(item, unless=unless)
    for index, move in enumerate(item.moves):
        without = (*item.moves[:index], *item.moves[index + 1 :])
        yield f"without move {index}", replace(item, moves=without)
        for when in condition_mutants(move.when, guide):
            moved = replace(move, when=when)
            yield (
                f"move {index} when={when}",
                replace(item, moves=(*item.moves[:index], moved, *item.moves[index + 1 :])),
            )


def with_item(guide: telework.Guide, item: telework.Item) -> telework.Guide:
    items = tuple(item if i.id == item.id else i for i in guide.items)
    return telework.Guide(guide.questions, guide.phases, guide.sections, items, guide.sources)


def same_placement(original: telework.Guide, mutant: telework.Guide, item_id: str) -> bool:
    """Whether the mutant item shows, in the same section, for exactly the same answers."""
    first, second = original.item(item_id), mutant.item(item_id)
    questions = mentions(first, original) | mentions(second, mutant)
    return all(
        shows(first, answers, original) == shows(second, answers, mutant)
        for answers in valid_answer_sets(original, questions)
    )


def killed(guide: telework.Guide) -> bool:
    return any(failure(case, guide) is not None for case in CASES)


def test_every_change_to_an_item_condition_that_readers_would_see_fails_a_case() -> None:
    survivors = []
    for item in GUIDE.items:
        for change, mutant_item in item_mutants(item, GUIDE):
            mutant = with_item(GUIDE, mutant_item)
            if not killed(mutant) and not same_placement(GUIDE, mutant, item.id):
                survivors.append(f"{item.id}: {change}")
    assert survivors == []


PhaseChange = Callable[[telework.Phase], telework.Phase]


@pytest.mark.parametrize(
    "change",
    [
        lambda phase: replace(phase, unless=NEVER),
        lambda phase: replace(phase, unless=ALWAYS),
        lambda phase: replace(phase, leads=ALWAYS if phase.leads == NEVER else NEVER),
    ],
    ids=["unless never holds", "unless always holds", "leads flipped"],
)
def test_every_change_to_a_phase_condition_fails_a_case(change: PhaseChange) -> None:
    for index, phase in enumerate(GUIDE.phases):
        changed = change(phase)
        if changed == phase or (index == 0 and changed.leads == ALWAYS):
            continue  # the first phase leads already, whenever it has items
        phases = (*GUIDE.phases[:index], changed, *GUIDE.phases[index + 1 :])
        mutant = telework.Guide(GUIDE.questions, phases, GUIDE.sections, GUIDE.items, GUIDE.sources)
        assert killed(mutant), f"phase {phase.id!r} changed to {changed} fails no case"
