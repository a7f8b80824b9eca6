"""Whom part of the plan is for: the situations in which its sections can hold any advice.

A situation can be served by a section when some item could show there for a reader in
that situation, whatever else they answer: the item's conditions (and those of the move
that brings it there) are not already false, nor its `unless` already true, with only the
situation known. The book uses this to send a reader to the chapter that fits them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

from .conditions import evaluate
from .loader import load_guide
from .model import Guide, Item, Option

Name = TypeVar("Name", bound=Hashable)

AUDIENCE_QUESTION = "situation"
"""The question whose answer decides which chapters are for the reader."""


def situations_for(sections: Iterable[str], guide: Guide | None = None) -> tuple[Option, ...]:
    """The options of :data:`AUDIENCE_QUESTION`, in order, for which some item can show in
    one of `sections` (section ids)."""
    guide = guide or load_guide()
    wanted = frozenset(sections)
    return tuple(
        option
        for option in guide.question(AUDIENCE_QUESTION).options
        if any(_can_show(item, wanted, {AUDIENCE_QUESTION: option.id}) for item in guide.items)
    )


def _can_show(item: Item, sections: frozenset[str], answers: Mapping[str, str]) -> bool:
    if evaluate(item.when, answers) is False or evaluate(item.unless, answers) is True:
        return False
    return item.section in sections or any(
        move.section in sections and evaluate(move.when, answers) is not False
        for move in item.moves
    )


def particular_items(
    sections: Iterable[str], situation: str, guide: Guide | None = None
) -> tuple[str, ...]:
    """The ids of the items that can show in `sections` (section ids) for a reader in
    `situation` but not for every situation: the advice held there for that reader in
    particular, by which the book finds the chapter that fits them best."""
    guide = guide or load_guide()
    wanted = frozenset(sections)
    everyone = guide.question(AUDIENCE_QUESTION).options
    return tuple(
        item.id
        for item in guide.items
        if _can_show(item, wanted, {AUDIENCE_QUESTION: situation})
        and not all(_can_show(item, wanted, {AUDIENCE_QUESTION: o.id}) for o in everyone)
    )


def chapter_for(
    situation: str, chapters: Mapping[Name, Iterable[str]], guide: Guide | None = None
) -> Name | None:
    """Of `chapters` (a name for each, mapped to its sections), the first whose sections are
    most particular to readers in `situation`: the most :func:`particular_items` for them,
    less the most any other situation has there. None when none can hold advice for them."""
    guide = guide or load_guide()
    others = [o.id for o in guide.question(AUDIENCE_QUESTION).options if o.id != situation]
    best: tuple[int, Name] | None = None
    for name, sections in chapters.items():
        wanted = tuple(sections)
        if situation not in {o.id for o in situations_for(wanted, guide)}:
            continue
        score = len(particular_items(wanted, situation, guide)) - max(
            (len(particular_items(wanted, other, guide)) for other in others), default=0
        )
        if best is None or score > best[0]:
            best = (score, name)
    return None if best is None else best[1]
