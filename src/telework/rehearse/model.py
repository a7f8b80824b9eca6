"""The rehearsal's vocabulary: the employer's questions, what makes a strong reply, and replies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..conditions import Condition
from ..model import Source

PAGE = "tools/rehearse"
"""The rehearsal's page in the book."""
ANCHOR_PREFIX = "rehearse-"
"""A question's card on the rehearsal page has the id ``rehearse-<question id>``."""


@dataclass(frozen=True)
class Moment:
    """A part of the conversation; questions are put in the order of their moments."""

    id: str
    title: str


@dataclass(frozen=True)
class Concern:
    """One of the employer's worries that the articles name."""

    id: str
    title: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Element:
    """A short check a reader ticks on their own reply: one mark of a strong answer."""

    id: str
    text: str


@dataclass(frozen=True)
class EmployerQuestion:
    """A question the employer may ask, asked of readers for whom `when` holds."""

    id: str
    moment: Moment
    concern: Concern
    prompt: str
    elements: tuple[Element, ...]
    hint: str
    link: str
    """The book section that covers the question, as ``docname#label``."""
    sources: tuple[Source, ...]
    when: Condition
    items: tuple[str, ...]
    """Checklist items whose advice the question puts to the test."""

    @property
    def anchor(self) -> str:
        return f"{ANCHOR_PREFIX}{self.id}"

    def element_ids(self) -> tuple[str, ...]:
        return tuple(element.id for element in self.elements)

    def href(self, link_base: str = "") -> str:
        """The book link as a URL relative to the site root, prefixed by `link_base`."""
        docname, _, label = self.link.partition("#")
        return f"{link_base}{docname}.html#{label}"


@dataclass(frozen=True)
class Rehearsal:
    """Everything the rehearsal knows, loaded from rehearsal.toml and checked."""

    moments: tuple[Moment, ...]
    concerns: tuple[Concern, ...]
    questions: tuple[EmployerQuestion, ...]
    """In conversation order: by moment, then as listed in the file."""
    assume: Mapping[str, str]
    """Answers taken for granted when the reader was asked the question but left it open."""
    sample_replies: Mapping[str, Reply] = field(repr=False)

    def question(self, id_: str) -> EmployerQuestion | None:
        return next((q for q in self.questions if q.id == id_), None)


@dataclass(frozen=True)
class Reply:
    """The reader's reply to one question and the elements they say it covers."""

    text: str = ""
    covered: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrepSheet:
    """The questions for one reader, in order, each with the reader's reply (if any)."""

    questions: tuple[EmployerQuestion, ...]
    replies: Mapping[str, Reply]
    answers: Mapping[str, str]
    """The answers the questions were chosen for, including the ones assumed."""

    def reply(self, question: EmployerQuestion) -> Reply:
        return self.replies.get(question.id, Reply())
