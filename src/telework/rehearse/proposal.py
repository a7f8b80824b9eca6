"""The reader's prepared replies as a short "Questions you may have" part of their proposal."""

from __future__ import annotations

from dataclasses import replace

from ..proposal import Bullet, BulletList, Proposal, ProposalSection
from .model import PrepSheet

SECTION_ID = "prepared-points"
TITLE = "Questions you may have"
AFTER = "concerns"
"""The proposal part the prepared points follow; without it they go just before the last part."""


def add_prepared_points(proposal: Proposal, sheet: PrepSheet) -> Proposal:
    """`proposal` with a part listing each question of `sheet` that has a reply, and the reply.

    Each reply becomes one bullet led by its question, its lines joined into one. Without
    any reply the proposal is returned unchanged.
    """
    bullets = tuple(
        Bullet(" ".join(sheet.reply(q).text.split()), q.prompt)
        for q in sheet.questions
        if sheet.reply(q).text
    )
    if not bullets:
        return proposal
    part = ProposalSection(SECTION_ID, TITLE, (BulletList(bullets),))
    sections = list(proposal.sections)
    ids = proposal.section_ids()
    at = ids.index(AFTER) + 1 if AFTER in ids else max(len(sections) - 1, 0)
    sections.insert(at, part)
    return replace(proposal, sections=tuple(sections))
