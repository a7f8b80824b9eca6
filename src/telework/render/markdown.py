"""The checklist as Markdown with task-list boxes, for downloading and pasting."""

from __future__ import annotations

import re

from ..arguments import check
from ..model import Checklist
from .common import EMPTY, READ_MORE, REFINE, SOURCES, TITLE, refine_prompts, source_href

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def escape_markdown(text: str) -> str:
    """Backslash-escape characters Markdown would otherwise read as markup."""
    return _SPECIAL.sub(r"\\\1", text)


def render_markdown(checklist: Checklist, link_base: str = "", title: str = TITLE) -> str:
    check(checklist=checklist, link_base=link_base, title=title)
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
        lines += [REFINE, ""] + [f"- {escape_markdown(p)}" for p in prompts] + [""]
    return "\n".join(lines)
