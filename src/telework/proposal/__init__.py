"""A written proposal to work from home, drafted from the planner's answers and a few details.

The wording and the conditions under which each part appears are data (proposal.toml,
checked when loaded, like the guide). :func:`draft_proposal` fills it in for one reader;
:func:`telework.proposal.web.respond` does the same for untrusted input from the browser
and never raises.

The reader's details are in :mod:`.details`, the drafted proposal in :mod:`.model`, the
template in :mod:`.template`, drafting in :mod:`.draft` and the browser's entry point in
:mod:`.web`.
"""

from __future__ import annotations

from .details import (
    DAYS_RANGE,
    DETAIL_FIELDS,
    TEXT_LIMITS,
    TRIAL_WEEKS_RANGE,
    DetailsError,
    ProposalDetails,
)
from .draft import draft_proposal, sample_proposal
from .model import Block, Bullet, BulletList, Paragraph, Proposal, ProposalSection
from .template import Concern, Line, ProposalTemplate, SectionTemplate, load_proposal_template

__all__ = [
    "DAYS_RANGE",
    "DETAIL_FIELDS",
    "TEXT_LIMITS",
    "TRIAL_WEEKS_RANGE",
    "Block",
    "Bullet",
    "BulletList",
    "Concern",
    "DetailsError",
    "Line",
    "Paragraph",
    "Proposal",
    "ProposalDetails",
    "ProposalSection",
    "ProposalTemplate",
    "SectionTemplate",
    "draft_proposal",
    "load_proposal_template",
    "sample_proposal",
]
