"""Drafting a proposal: the parts of the template that apply, filled in with the details."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..arguments import check
from ..conditions import evaluate
from ..engine import applicable_questions, plan
from ..loader import load_guide
from ..model import Guide
from .details import DAYS_RANGE, ProposalDetails
from .model import Block, Bullet, BulletList, Paragraph, Proposal, ProposalSection
from .template import Line, ProposalTemplate, load_proposal_template


def draft_proposal(
    answers: Mapping[str, str],
    details: ProposalDetails | Mapping[str, object],
    guide: Guide | None = None,
    template: ProposalTemplate | None = None,
) -> Proposal:
    """The proposal for these planner answers and details.

    Answers are checked strictly (AnswerError), details too (DetailsError). Questions the
    reader has not answered leave out the parts that depend on them, except the few the
    template assumes (see `Proposal.assumed`).
    """
    check(guide=guide, template=template)
    guide = guide or load_guide()
    checked = plan(answers, guide).answers
    if not isinstance(details, ProposalDetails):
        details = ProposalDetails.from_mapping(details)
    return draft_checked(checked, details, guide, template or load_proposal_template())


def draft_checked(
    answers: Mapping[str, str], details: ProposalDetails, guide: Guide, template: ProposalTemplate
) -> Proposal:
    """The proposal for answers and details already checked (see :func:`draft_proposal`)."""
    effective = dict(answers)
    assumed: list[str] = []
    for question_id, option in template.assume.items():
        asked = {q.id for q in applicable_questions(effective, guide)}
        if question_id not in effective and question_id in asked:
            effective[question_id] = option
            assumed.append(question_id)
    values = _placeholder_values(effective, details, template.phrases)

    def shows(line: Line) -> bool:
        return (
            evaluate(line.when, effective) is True
            and all(details.given(name) for name in line.needs)
            and not any(details.given(name) for name in line.without)
        )

    concerns = tuple(c for c in template.concerns if evaluate(c.when, effective) is True)
    sections: list[ProposalSection] = []
    for section in template.sections:
        if evaluate(section.when, effective) is not True or (section.concerns and not concerns):
            continue
        blocks: list[Block] = []
        for line in filter(shows, section.lines):
            text = line.text.format_map(values)
            if not line.bullet:
                blocks.extend(Paragraph(part) for part in text.split("\n") if part.strip())
            elif blocks and isinstance(blocks[-1], BulletList):
                blocks[-1] = BulletList((*blocks[-1].items, Bullet(text, line.lead)))
            else:
                blocks.append(BulletList((Bullet(text, line.lead),)))
        if section.concerns:
            blocks.append(BulletList(tuple(Bullet(c.answer, c.title) for c in concerns)))
        if blocks:
            sections.append(ProposalSection(section.id, section.title, tuple(blocks)))
    return Proposal(
        title=template.title,
        sections=tuple(sections),
        answers=effective,
        assumed=tuple(assumed),
        details=details,
        concerns=tuple(c.id for c in concerns),
    )


def _placeholder_values(
    answers: Mapping[str, str], details: ProposalDetails, phrases: Mapping[str, Any]
) -> dict[str, str]:
    def count(number: int) -> str:
        words: list[str] = phrases["numbers"]
        return words[number - 1] if number <= len(words) else str(number)

    days = details.days
    if days is None and answers.get("arrangement") == "full_time":
        days = DAYS_RANGE[1]
    if days is None:
        arrangement = phrases["some_days"]
    elif days == DAYS_RANGE[1]:
        arrangement = phrases["full_time"]
    elif days == 1:
        arrangement = phrases["one_day"]
    else:
        arrangement = phrases["days"].format(count=count(days))

    weeks = details.trial_weeks
    if weeks is None:
        trial = phrases["few_weeks"]
    elif weeks == 1:
        trial = phrases["one_week"]
    else:
        trial = phrases["weeks"].format(count=count(weeks))

    when = details.review_date
    if when is None:
        review = phrases["review_at_end"]
    else:
        day = phrases["date"].format(
            day=when.day, month=phrases["months"][when.month - 1], year=when.year
        )
        review = phrases["review_on"].format(date=day)

    return {
        "name": details.name,
        "role": details.role,
        "manager": details.manager,
        "notes": details.notes,
        "arrangement": arrangement,
        "trial": trial,
        "review": review,
    }


def sample_proposal() -> Proposal:
    """The draft the book shows before its scripts run (from the template's [sample])."""
    template = load_proposal_template()
    return draft_proposal(template.sample_answers, template.sample_details, template=template)
