"""What the renderers share: wording of the fixed parts and the links they print."""

from __future__ import annotations

from ..model import Checklist, Source

TITLE = "Your remote-work plan"
WHY = "Why?"
SOURCES = "Sources"
READ_MORE = "Read more in the book"
REFINE = "Answer these to refine your plan:"
EMPTY = "Nothing here yet: answer the questions above to see your advice."
SOURCES_PAGE = "reference/sources.html"


def source_href(source: Source, link_base: str) -> str:
    return f"{link_base}{SOURCES_PAGE}#src-{source.id}"


def refine_prompts(checklist: Checklist) -> list[str]:
    return [checklist.guide.question(q).prompt for q in checklist.refine]
