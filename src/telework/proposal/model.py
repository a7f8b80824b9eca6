"""The drafted proposal: a title and sections of paragraphs and bullet lists."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias

from .details import ProposalDetails


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullet:
    text: str
    lead: str = ""
    """A short label shown in bold before the text; empty for a plain bullet."""


@dataclass(frozen=True)
class BulletList:
    items: tuple[Bullet, ...]


Block: TypeAlias = Paragraph | BulletList


@dataclass(frozen=True)
class ProposalSection:
    id: str
    title: str
    """Empty for the untitled parts: the greeting and the closing."""
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Proposal:
    """A drafted proposal: a title and ordered sections, leaving out the parts that do not apply."""

    title: str
    sections: tuple[ProposalSection, ...]
    answers: Mapping[str, str]
    """The answers the draft was made from, including the ones it assumed."""
    assumed: tuple[str, ...]
    """Question ids whose answers the draft assumed because none was given."""
    details: ProposalDetails
    concerns: tuple[str, ...]
    """Ids of the employer's concerns the draft answers."""

    def section_ids(self) -> tuple[str, ...]:
        return tuple(section.id for section in self.sections)
