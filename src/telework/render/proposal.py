"""The drafted proposal as HTML, Markdown or plain text, for the CLI, the book and the browser.

The reader's own words run through every format, so everything is escaped: HTML-escaped
in HTML; in Markdown, markup characters are backslash-escaped and a paragraph cannot open
a list, heading or code fence.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from html import escape

from ..arguments import check
from ..proposal.model import Block, Bullet, Paragraph, Proposal
from .markdown import escape_markdown, escape_markdown_block


def render_proposal_html(proposal: Proposal, heading_level: int = 2) -> str:
    """The proposal as an escaped HTML fragment; sections are headed one level below the title."""
    check(proposal=proposal, heading_level=heading_level)
    level = min(max(heading_level, 1), 5)
    parts = [
        '<article class="tw-proposal">',
        f'<h{level} class="tw-proposal-title">{escape(proposal.title)}</h{level}>',
    ]
    for section in proposal.sections:
        parts.append(f'<section class="tw-proposal-part" data-section="{escape(section.id)}">')
        if section.title:
            parts.append(f"<h{level + 1}>{escape(section.title)}</h{level + 1}>")
        parts.extend(_html_block(block) for block in section.blocks)
        parts.append("</section>")
    parts.append("</article>")
    return "".join(parts)


def _html_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>"
    items = "".join(
        f"<li><strong>{escape(bullet.lead)}:</strong> {escape(bullet.text)}</li>"
        if bullet.lead
        else f"<li>{escape(bullet.text)}</li>"
        for bullet in block.items
    )
    return f"<ul>{items}</ul>"


def render_proposal_markdown(proposal: Proposal) -> str:
    """The proposal as Markdown, ready to paste into an email or a document."""
    check(proposal=proposal)
    lines = [f"# {escape_markdown(proposal.title)}", ""]
    for section in proposal.sections:
        if section.title:
            lines += [f"## {escape_markdown(section.title)}", ""]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines.append(escape_markdown_block(block.text))
            else:
                lines += [f"- {_markdown_bullet(bullet)}" for bullet in block.items]
            lines.append("")
    return "\n".join(lines)


def _markdown_bullet(bullet: Bullet) -> str:
    text = escape_markdown(bullet.text)
    return f"**{escape_markdown(bullet.lead)}:** {text}" if bullet.lead else text


def render_proposal_text(proposal: Proposal, width: int = 78) -> str:
    """The proposal as plain text, wrapped to `width` columns."""
    check(proposal=proposal, width=width)

    def wrap(text: str, first: str = "", rest: str = "") -> list[str]:
        wrapped = textwrap.wrap(
            text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
        )
        return wrapped or [first.rstrip()]

    lines = [proposal.title, "=" * len(proposal.title), ""]
    for section in proposal.sections:
        if section.title:
            lines += [section.title, "-" * len(section.title)]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines += wrap(block.text)
            else:
                for bullet in block.items:
                    text = f"{bullet.lead}: {bullet.text}" if bullet.lead else bullet.text
                    lines += wrap(text, "- ", "  ")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


PROPOSAL_RENDERERS: dict[str, Callable[[Proposal], str]] = {
    "md": render_proposal_markdown,
    "html": lambda proposal: render_proposal_html(proposal) + "\n",
    "text": render_proposal_text,
}
"""Each output format of the proposal by name, as the command line offers them."""

__all__ = [
    "PROPOSAL_RENDERERS",
    "escape_markdown_block",
    "render_proposal_html",
    "render_proposal_markdown",
    "render_proposal_text",
]
