"""The plan as Markdown with task-list boxes, for downloading and pasting."""

from __future__ import annotations

import re

from ..arguments import check
from ..model import Checklist, ChecklistSection
from .common import (
    EMPTY,
    OWN_SUGGESTION,
    READ_MORE,
    REFINE,
    SOURCES,
    TITLE,
    phase_heading,
    refine_prompts,
    shows_phases,
    source_href,
    tool_links,
)

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")
_LIST_NUMBER = re.compile(r"\d+(?=[.)])")
_BLOCK_CHARS = frozenset("-+=~")


def escape_markdown(text: str) -> str:
    """Backslash-escape characters Markdown would otherwise read as markup."""
    return _SPECIAL.sub(r"\\\1", text)


def escape_markdown_block(text: str) -> str:
    """Escape `text` to open a Markdown paragraph or list item: inline markup, and blocks.

    The text must not start a list ("- ", "+ ", "1. ", "1) "), a heading underline or a
    code fence ("~~~"); other markup characters are escaped wherever they are.
    """
    text = escape_markdown(text)
    number = _LIST_NUMBER.match(text)
    if number:
        return f"{text[: number.end()]}\\{text[number.end() :]}"
    return f"\\{text}" if text[:1] in _BLOCK_CHARS else text


def render_markdown(checklist: Checklist, link_base: str = "", title: str = TITLE) -> str:
    check(checklist=checklist, link_base=link_base, title=title)
    lines = [f"# {escape_markdown(title)}", ""]
    if not checklist.phases:
        lines += [EMPTY, ""]
    if shows_phases(checklist):
        for phase in checklist.phases:
            lines += [f"## {escape_markdown(phase_heading(checklist, phase))}", ""]
            for section in phase.sections:
                lines += _section(section, "###", link_base)
    else:
        for section in checklist.sections:
            lines += _section(section, "##", link_base)
    prompts = refine_prompts(checklist)
    if prompts:
        lines += [REFINE, ""] + [f"- {escape_markdown_block(p)}" for p in prompts] + [""]
    return "\n".join(lines)


def _section(section: ChecklistSection, hashes: str, link_base: str) -> list[str]:
    lines = [f"{hashes} {escape_markdown(section.title)}", ""]
    for item in section.items:
        sources = ", ".join(
            f"[{escape_markdown(s.short)}]({source_href(s, link_base)})" for s in item.sources
        )
        lines += [
            f"- [ ] {escape_markdown(item.text)}",
            f"  *Why:* {escape_markdown(item.why)}",
            f"  {SOURCES}: {sources or OWN_SUGGESTION} · [{READ_MORE}]({item.href(link_base)})",
            *(f"  [{label}]({href})" for label, href in tool_links(item, link_base)),
        ]
    lines.append("")
    return lines
