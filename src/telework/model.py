"""The guide's vocabulary: questions, phases, sections, checklist items, sources and the plan."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .conditions import NEVER, Condition
from .errors import TeleworkError

Answers = Mapping[str, str]
"""A reader's answers: question id → option id. Unanswered questions are simply absent."""


def book_href(link: str, link_base: str = "") -> str:
    """A book link (``docname#label``) as a URL relative to the site root, after `link_base`."""
    docname, _, label = link.partition("#")
    return f"{link_base}{docname}.html#{label}"


@dataclass(frozen=True)
class Option:
    id: str
    label: str


@dataclass(frozen=True)
class Question:
    """One thing the planner asks; asked only when `applies` holds for the answers so far."""

    id: str
    prompt: str
    help: str
    options: tuple[Option, ...]
    applies: Condition

    def option_ids(self) -> tuple[str, ...]:
        return self._option_ids

    @cached_property
    def _option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    def label(self, option_id: str) -> str:
        """The label of one of this question's options."""
        for option in self.options:
            if option.id == option_id:
                return option.label
        raise TeleworkError(
            f"question {self.id!r} has no option {option_id!r}; "
            f"allowed: {', '.join(self.option_ids())}"
        )


@dataclass(frozen=True)
class Source:
    """An entry of the bibliography: one of the articles the advice comes from."""

    id: str
    short: str
    title: str
    kind: str
    people: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Phase:
    """A stage of the reader's journey (before asking, when asking, after the answer, …)."""

    id: str
    title: str
    unless: Condition = NEVER
    """Once this is known to hold, the phase's items have left the plan."""
    leads: Condition = NEVER
    """When this holds, the phase comes first: it holds the reader's next steps."""


@dataclass(frozen=True)
class Section:
    """A group of items on one topic, inside one phase."""

    id: str
    title: str
    phase: str


@dataclass(frozen=True)
class Tool:
    """One of the book's interactive tools that helps the reader act on some items."""

    id: str
    label: str
    """What a link to the tool says, e.g. "Keep it in the trial tracker"."""
    link: str
    """The tool's page in the book, as ``docname#label``."""

    def href(self, link_base: str = "") -> str:
        return book_href(self.link, link_base)


@dataclass(frozen=True)
class Move:
    """Where an item goes instead of its own section, when `when` holds."""

    when: Condition
    section: str


@dataclass(frozen=True)
class Item:
    """A piece of advice, shown when `when` holds and `unless` is not known to hold."""

    id: str
    section: str
    text: str
    why: str
    sources: tuple[Source, ...]
    """The articles it comes from; none for the book's own suggestion."""
    link: str
    """The book section explaining the item, as ``docname#label``."""
    when: Condition
    unless: Condition = NEVER
    moves: tuple[Move, ...] = ()
    conflicts: tuple[str, ...] = ()
    tools: tuple[Tool, ...] = ()
    """The book's tools that help with this item."""

    def href(self, link_base: str = "") -> str:
        """The item's book link as a URL relative to the site root, prefixed by `link_base`."""
        return book_href(self.link, link_base)


@dataclass(frozen=True, eq=False)
class Guide:
    """Everything the planner knows, loaded from the package's data files.

    Guides compare by identity: each load is its own guide.
    """

    questions: tuple[Question, ...]
    phases: tuple[Phase, ...]
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    sources: tuple[Source, ...]
    _index: dict[str, dict[str, object]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        for kind, entries in (
            ("question", self.questions),
            ("phase", self.phases),
            ("section", self.sections),
            ("item", self.items),
            ("source", self.sources),
        ):
            self._index[kind] = {entry.id: entry for entry in entries}

    def _get(self, kind: str, id_: str) -> object:
        try:
            return self._index[kind][id_]
        except (KeyError, TypeError):
            allowed = ", ".join(self._index[kind])
            raise TeleworkError(f"unknown {kind} {id_!r}; allowed: {allowed}") from None

    def question(self, id_: str) -> Question:
        found = self._get("question", id_)
        assert isinstance(found, Question)
        return found

    def has_question(self, id_: object) -> bool:
        return isinstance(id_, str) and id_ in self._index["question"]

    def phase(self, id_: str) -> Phase:
        found = self._get("phase", id_)
        assert isinstance(found, Phase)
        return found

    def section(self, id_: str) -> Section:
        found = self._get("section", id_)
        assert isinstance(found, Section)
        return found

    def item(self, id_: str) -> Item:
        found = self._get("item", id_)
        assert isinstance(found, Item)
        return found

    def source(self, id_: str) -> Source:
        found = self._get("source", id_)
        assert isinstance(found, Source)
        return found


@dataclass(frozen=True)
class ChecklistSection:
    id: str
    title: str
    phase: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class ChecklistPhase:
    id: str
    title: str
    sections: tuple[ChecklistSection, ...]


@dataclass(frozen=True)
class Checklist:
    """The plan for one set of answers: phases in the order to act on them, the reader's
    next steps first, each with its sections of items."""

    answers: Mapping[str, str]
    """The answers in use: valid, and to questions asked."""
    asked: tuple[Question, ...]
    """The questions asked for these answers, in order, answered or not."""
    phases: tuple[ChecklistPhase, ...]
    refine: tuple[str, ...]
    """Unanswered questions, asked for these answers, whose answer could change the plan."""
    guide: Guide = field(repr=False, compare=False)

    @property
    def sections(self) -> tuple[ChecklistSection, ...]:
        """Every section of the plan, in order."""
        return tuple(section for phase in self.phases for section in phase.sections)

    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items())
