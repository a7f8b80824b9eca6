"""The plan as JSON-ready data (its shape is documented on the book's CLI page)."""

from __future__ import annotations

import json
from typing import Any

from ..arguments import check
from ..model import Checklist
from .common import phase_heading, tool_links


def checklist_to_dict(checklist: Checklist, link_base: str = "") -> dict[str, Any]:
    check(checklist=checklist, link_base=link_base)
    return {
        "answers": dict(checklist.answers),
        "asked": [question.id for question in checklist.asked],
        "phases": [
            {
                "id": phase.id,
                "title": phase.title,
                "heading": phase_heading(checklist, phase),
                "sections": [section.id for section in phase.sections],
            }
            for phase in checklist.phases
        ],
        "sections": [
            {
                "id": section.id,
                "title": section.title,
                "phase": section.phase,
                "items": [
                    {
                        "id": item.id,
                        "text": item.text,
                        "why": item.why,
                        "sources": [s.id for s in item.sources],
                        "link": item.href(link_base),
                        "tools": [
                            {"label": label, "link": href}
                            for label, href in tool_links(item, link_base)
                        ],
                    }
                    for item in section.items
                ],
            }
            for section in checklist.sections
        ],
        "refine": list(checklist.refine),
    }


def render_json(checklist: Checklist, link_base: str = "") -> str:
    return json.dumps(checklist_to_dict(checklist, link_base), indent=2, ensure_ascii=False) + "\n"
