"""The guide's vocabulary: questions, checklist items, sources and the checklist itself."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .conditions import Condition, Predicate, compile_condition, questions_in
from .errors import TeleworkError

Answers = Mapping[str, str]
"""A reader's answers: question id → option id. Unanswered questions are simply absent."""


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
    _is_asked: Predicate = field(init=False, repr=False, compare=False)
    """`applies` compiled: the engine's fast test of whether the question is asked."""
    _option_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_is_asked", compile_condition(self.applies))
        object.__setattr__(self, "_option_ids", tuple(option.id for option in self.options))

    def option_ids(self) -> tuple[str, ...]:
        return self._option_ids

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
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Item:
    """A piece of advice, shown when its condition `when` holds for the reader's answers."""

    id: str
    section: str
    text: str
    why: str
    sources: tuple[Source, ...]
    link: str
    """The book section explaining the item, as ``docname#label``."""
    when: Condition
    conflicts: tuple[str, ...] = ()
    _shows: Predicate = field(init=False, repr=False, compare=False)
    """`when` compiled: the engine's fast test of whether the item shows."""
    _mentions: frozenset[str] = field(init=False, repr=False, compare=False)
    """The questions `when` depends on."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_shows", compile_condition(self.when))
        object.__setattr__(self, "_mentions", questions_in(self.when))

    def href(self, link_base: str = "") -> str:
        """The item's book link as a URL relative to the site root, prefixed by `link_base`."""
        docname, _, label = self.link.partition("#")
        return f"{link_base}{docname}.html#{label}"


@dataclass(frozen=True)
class Guide:
    """Everything the planner knows, loaded from the package's data files."""

    questions: tuple[Question, ...]
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    sources: tuple[Source, ...]
    _index: dict[str, dict[str, object]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _items_by_section: tuple[tuple[Section, tuple[Item, ...]], ...] = field(
        init=False, repr=False, compare=False, default=()
    )
    """Each section with its items, in the guide's order: the engine's walk."""

    def __post_init__(self) -> None:
        for kind, entries in (
            ("question", self.questions),
            ("section", self.sections),
            ("item", self.items),
            ("source", self.sources),
        ):
            self._index[kind] = {entry.id: entry for entry in entries}
        by_section = tuple(
            (section, tuple(item for item in self.items if item.section == section.id))
            for section in self.sections
        )
        object.__setattr__(self, "_items_by_section", by_section)

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
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    """The advice for one set of answers: ordered sections of ordered items."""

    answers: Mapping[str, str]
    sections: tuple[ChecklistSection, ...]
    refine: tuple[str, ...]
    """Unanswered questions, asked for these answers, whose answer could change the list."""
    guide: Guide = field(repr=False, compare=False)

    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items())
