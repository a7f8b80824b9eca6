"""The checklist as Markdown with task-list boxes, for downloading and pasting."""

from __future__ import annotations

import re

from ..model import Checklist
from .common import EMPTY, READ_MORE, REFINE, SOURCES, TITLE, refine_prompts, source_href

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
    lines = [f"# {escape_markdown(title)}", ""]
    if not checklist.sections:
        lines += [EMPTY, ""]
    for section in checklist.sections:
        lines += [f"## {escape_markdown(section.title)}", ""]
        for item in section.items:
            sources = ", ".join(
                f"[{escape_markdown(s.short)}]({source_href(s, link_base)})" for s in item.sources
            )
            lines += [
                f"- [ ] {escape_markdown(item.text)}",
                f"  *Why:* {escape_markdown(item.why)}",
                f"  {SOURCES}: {sources} · [{READ_MORE}]({item.href(link_base)})",
            ]
        lines.append("")
    prompts = refine_prompts(checklist)
    if prompts:
        lines += [REFINE, ""] + [f"- {escape_markdown_block(p)}" for p in prompts] + [""]
    return "\n".join(lines)
