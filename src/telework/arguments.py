"""Checking the arguments of the library's public functions by their names.

Each public function starts with one call, e.g. ``check(guide=guide, sections=sections)``:
an argument of the wrong kind raises ArgumentError naming the argument and what is
allowed, before anything deeper fails with a bare TypeError. (Answers are checked by
telework.answers, which also knows the questions and options allowed.)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection

from .errors import QUOTE_LIMIT, ArgumentError, printable
from .model import Checklist, Guide


def check(**arguments: object) -> None:
    """Raise for the first argument that is not of the kind its name allows."""
    for name, value in arguments.items():
        accepts, allowed = _RULES[name]
        if not accepts(value):
            raise ArgumentError(f"{name} must be {allowed}, not {_kind(value)}")


def _kind(value: object) -> str:
    return "None" if value is None else printable(type(value).__name__, QUOTE_LIMIT)


def _whole_number(low: int) -> Callable[[object], bool]:
    return lambda value: isinstance(value, int) and not isinstance(value, bool) and value >= low


def _ids(value: object) -> bool:
    return (
        value is None
        or isinstance(value, str)
        or (isinstance(value, Collection) and all(isinstance(v, str) for v in value))
    )


def _directory(value: object) -> bool:
    from importlib.resources.abc import Traversable

    return value is None or isinstance(value, str | os.PathLike | Traversable)


def _proposal(value: object) -> bool:
    from .proposal.model import Proposal  # the proposal package imports this module

    return isinstance(value, Proposal)


def _template(value: object) -> bool:
    from .proposal.template import ProposalTemplate

    return value is None or isinstance(value, ProposalTemplate)


_RULES: dict[str, tuple[Callable[[object], bool], str]] = {
    "guide": (
        lambda value: value is None or isinstance(value, Guide),
        "a Guide from telework.load_guide(), or None for the packaged guide",
    ),
    "checklist": (lambda value: isinstance(value, Checklist), "a Checklist from telework.plan()"),
    "proposal": (_proposal, "a Proposal from telework.draft_proposal()"),
    "template": (_template, "a ProposalTemplate from load_proposal_template(), or None"),
    "sections": (_ids, "a list of section ids, a string of ids separated by spaces, or None"),
    "directory": (_directory, "a path (a string or Path) to a directory, or None"),
    "link_base": (lambda value: isinstance(value, str), "a string (the path to the book's root)"),
    "title": (lambda value: isinstance(value, str), "a string"),
    "heading_level": (_whole_number(1), "a whole number, 1 to 6 (larger ones mean 6)"),
    "width": (_whole_number(1), "a whole number of columns, at least 1"),
}
