"""What the renderers share: wording of the fixed parts, phase headings and the links they print."""

from __future__ import annotations

from ..model import Checklist, ChecklistPhase, Item, Source, book_href

TITLE = "Your remote-work plan"
NEXT_STEPS = "your next steps"
WHY = "Why?"
SOURCES = "Sources"
OWN_SUGGESTION = "the book's own suggestion"
READ_MORE = "Read more in the book"
REHEARSE = "Rehearse your answer to “{}”"
REFINE = "Answer these to refine your plan:"
EMPTY = "Nothing here yet: answer the questions above to see your advice."
SOURCES_PAGE = "reference/sources.html"


def source_href(source: Source, link_base: str) -> str:
    return f"{link_base}{SOURCES_PAGE}#src-{source.id}"


def refine_prompts(checklist: Checklist) -> list[str]:
    return [checklist.guide.question(q).prompt for q in checklist.refine]


def shows_phases(checklist: Checklist) -> bool:
    """Phases get headings of their own when the plan spans more than one."""
    return len(checklist.phases) > 1


def phase_heading(checklist: Checklist, phase: ChecklistPhase) -> str:
    """The first phase holds the reader's next steps, and its heading says so."""
    return f"{phase.title} — {NEXT_STEPS}" if phase is checklist.phases[0] else phase.title


def tool_links(item: Item, link_base: str = "") -> list[tuple[str, str]]:
    """(label, URL) of each of the book's tools that helps with `item`: the tools it names,
    then the rehearsal's cards that practise it."""
    from ..rehearse.load import cards_by_item  # the rehearsal is loaded on first use
    from ..rehearse.model import ANCHOR_PREFIX, PAGE

    links = [(tool.label, tool.href(link_base)) for tool in item.tools]
    for card in cards_by_item().get(item.id, ()):
        link = book_href(f"{PAGE}#{ANCHOR_PREFIX}{card.id}", link_base)
        links.append((REHEARSE.format(card.prompt), link))
    return links


def source_names(item: Item) -> list[str] | None:
    """The short names of the item's sources; None for the book's own suggestion."""
    return [source.short for source in item.sources] or None
