"""The plan as an HTML fragment: the same markup in the book, the browser and notebooks."""

from __future__ import annotations

from html import escape

from ..arguments import check
from ..model import Checklist, ChecklistSection, Item
from .common import (
    EMPTY,
    OWN_SUGGESTION,
    READ_MORE,
    REFINE,
    SOURCES,
    WHY,
    phase_heading,
    refine_prompts,
    shows_phases,
    source_href,
    tool_links,
)


def render_html(checklist: Checklist, link_base: str = "", heading_level: int = 3) -> str:
    """Render `checklist` as escaped HTML; `link_base` is the path from the page to the root.

    Headings start at `heading_level`: phases, when the plan has more than one, then
    sections one level below.
    """
    check(checklist=checklist, link_base=link_base, heading_level=heading_level)
    parts = ['<div class="tw-checklist">']
    if not checklist.phases:
        parts.append(f'<p class="tw-empty">{escape(EMPTY)}</p>')
    if shows_phases(checklist):
        h, sub = _tag(heading_level), _tag(heading_level + 1)
        for phase in checklist.phases:
            parts.append(
                f'<section class="tw-phase" data-phase="{escape(phase.id)}">'
                f"<{h}>{escape(phase_heading(checklist, phase))}</{h}>"
            )
            parts.extend(_section(section, sub, link_base) for section in phase.sections)
            parts.append("</section>")
    else:
        h = _tag(heading_level)
        parts.extend(_section(section, h, link_base) for section in checklist.sections)
    prompts = refine_prompts(checklist)
    if prompts:
        entries = "".join(f"<li>{escape(p)}</li>" for p in prompts)
        parts.append(f'<div class="tw-refine"><p>{escape(REFINE)}</p><ul>{entries}</ul></div>')
    parts.append("</div>")
    return "".join(parts)


def _tag(level: int) -> str:
    return f"h{min(max(level, 1), 6)}"


def _section(section: ChecklistSection, h: str, link_base: str) -> str:
    items = "".join(_item(item, link_base) for item in section.items)
    return (
        f'<section class="tw-section" data-section="{escape(section.id)}"'
        f' data-phase="{escape(section.phase)}">'
        f'<{h}>{escape(section.title)}</{h}><ul class="tw-items">{items}</ul></section>'
    )


def _item(item: Item, link_base: str) -> str:
    item_id = escape(item.id)
    sources = ", ".join(
        f'<a href="{escape(source_href(s, link_base))}">{escape(s.short)}</a>' for s in item.sources
    )
    return (
        f'<li class="tw-item" data-item="{item_id}">'
        f'<label><input type="checkbox" class="tw-tick" data-item="{item_id}"> '
        f'<span class="tw-text">{escape(item.text)}</span></label>'
        f'<details class="tw-why"><summary>{escape(WHY)}</summary>'
        f"<p>{escape(item.why)}</p>"
        f'<p class="tw-sources">{escape(SOURCES)}: {sources or escape(OWN_SUGGESTION)}</p>'
        f'<p><a class="tw-link" href="{escape(item.href(link_base))}">{escape(READ_MORE)}</a></p>'
        f"{_tools(item, link_base)}</details></li>"
    )


def _tools(item: Item, link_base: str) -> str:
    links = " · ".join(
        f'<a class="tw-tool" href="{escape(href)}">{escape(label)}</a>'
        for label, href in tool_links(item, link_base)
    )
    return f'<p class="tw-tools">{links}</p>' if links else ""
