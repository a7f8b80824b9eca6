"""The checklist as an HTML fragment: the same markup in the book, the browser and notebooks."""

from __future__ import annotations

from html import escape

from ..arguments import check
from ..model import Checklist, Item
from .common import EMPTY, READ_MORE, REFINE, SOURCES, WHY, refine_prompts, source_href


def render_html(checklist: Checklist, link_base: str = "", heading_level: int = 3) -> str:
    """Render `checklist` as escaped HTML; `link_base` is the path from the page to the root."""
    check(checklist=checklist, link_base=link_base, heading_level=heading_level)
    h = f"h{min(max(heading_level, 1), 6)}"
    parts = ['<div class="tw-checklist">']
    if not checklist.sections:
        parts.append(f'<p class="tw-empty">{escape(EMPTY)}</p>')
    for section in checklist.sections:
        parts.append(
            f'<section class="tw-section" data-section="{escape(section.id)}">'
            f"<{h}>{escape(section.title)}</{h}>"
            '<ul class="tw-items">'
        )
        parts.extend(_item(item, link_base) for item in section.items)
        parts.append("</ul></section>")
    prompts = refine_prompts(checklist)
    if prompts:
        entries = "".join(f"<li>{escape(p)}</li>" for p in prompts)
        parts.append(f'<div class="tw-refine"><p>{escape(REFINE)}</p><ul>{entries}</ul></div>')
    parts.append("</div>")
    return "".join(parts)


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
        f'<p class="tw-sources">{escape(SOURCES)}: {sources}</p>'
        f'<p><a class="tw-link" href="{escape(item.href(link_base))}">{escape(READ_MORE)}</a></p>'
        "</details></li>"
    )
