"""The plan as plain text for terminals, wrapped to a width."""

from __future__ import annotations

from ..arguments import check
from ..model import Checklist
from .common import (
    EMPTY,
    OWN_SUGGESTION,
    REFINE,
    SOURCES,
    TITLE,
    phase_heading,
    refine_prompts,
    shows_phases,
    source_names,
    tool_links,
)

BOOK = "Book"


def render_text(checklist: Checklist, width: int = 88) -> str:
    check(checklist=checklist, width=width)
    import textwrap  # only terminals need it: keeps `import telework` light

    def wrap(text: str, first: str, rest: str) -> list[str]:
        wrapped = textwrap.wrap(
            text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
        )
        return wrapped or [first]

    lines = [TITLE, "=" * len(TITLE), ""]
    if not checklist.phases:
        lines += [EMPTY, ""]
    for phase in checklist.phases:
        if shows_phases(checklist):
            heading = phase_heading(checklist, phase)
            lines += [heading, "=" * len(heading), ""]
        for section in phase.sections:
            lines += [section.title, "-" * len(section.title)]
            for item in section.items:
                lines += wrap(item.text, "[ ] ", "    ")
                lines += wrap(f"Why: {item.why}", "    ", "    ")
                sources = "; ".join(source_names(item) or [OWN_SUGGESTION])
                lines += wrap(f"{SOURCES}: {sources}.", "    ", "    ")
                lines.append(f"    {BOOK}: {item.href()}")
                for label, href in tool_links(item):
                    lines += [*wrap(f"{label}:", "    ", "    "), f"      {href}"]
            lines.append("")
    prompts = refine_prompts(checklist)
    if prompts:
        lines += [REFINE] + [line for p in prompts for line in wrap(p, "  - ", "    ")]
    return "\n".join(lines).rstrip() + "\n"
