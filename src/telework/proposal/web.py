"""The proposal page's entry point for the browser worker: untrusted input in, a draft out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..answers import clean_answers
from ..engine import plan_relevant
from ..loader import load_guide
from ..render.proposal import render_proposal_html, render_proposal_markdown, render_proposal_text
from .details import NAME_REQUIRED, ProposalDetails, read_details
from .draft import draft_checked
from .template import load_proposal_template


def respond(raw_answers: object, raw_details: object) -> dict[str, Any]:
    """Draft a proposal from untrusted answers and details; never raises for bad input.

    Invalid answers are dropped (``notices``); each invalid detail is left out of the draft
    and explained in ``errors`` as ``{"field", "message"}``; a missing name is listed in
    ``missing`` and shown as a placeholder.
    """
    guide = load_guide()
    template = load_proposal_template()
    answers, notices = clean_answers(raw_answers, guide)
    answers = dict(plan_relevant(answers, guide).answers)
    errors: list[dict[str, str]] = []
    values: dict[str, Any] = {}
    if isinstance(raw_details, Mapping):
        values, problems = read_details(raw_details)
        errors = [{"field": f, "message": m} for f, m in problems if m != NAME_REQUIRED]
    elif raw_details is not None:
        kind = type(raw_details).__name__
        errors = [{"field": "details", "message": f"expected a mapping, not {kind}"}]
    missing = [] if "name" in values else ["name"]
    given = ProposalDetails(**{"name": template.phrases["missing_name"], **values})
    proposal = draft_checked(answers, given, guide, template)
    details = given.to_dict()
    if missing:
        del details["name"]
    return {
        "answers": answers,
        "details": details,
        "assumed": list(proposal.assumed),
        "notices": list(notices),
        "errors": errors,
        "missing": missing,
        "sections": list(proposal.section_ids()),
        "concerns": list(proposal.concerns),
        "html": render_proposal_html(proposal),
        "markdown": render_proposal_markdown(proposal),
        "text": render_proposal_text(proposal),
    }
