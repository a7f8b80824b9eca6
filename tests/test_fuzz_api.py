"""Fuzzing every public function's arguments: only the library's own errors, in one short line.

Each argument is drawn either from values of the right kind (so that the checks deeper in
are reached too) or from anything at all: None, numbers of any size, text with control
and bidirectional characters, nested lists and dicts, and the library's other objects.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import telework
import telework.proposal
import telework.proposal.web
import telework.web
from telework.errors import TeleworkError
from telework.proposal import DETAIL_FIELDS, DetailsError

GUIDE = telework.load_guide()
CHECKLIST = telework.plan({"situation": "current"})
PROPOSAL = telework.draft_proposal({}, {"name": "Sam"})
TEMPLATE = telework.load_proposal_template()
DATA = Path(telework.__file__).parent / "data"
MESSAGE_LIMIT = 300

question_ids = st.sampled_from([q.id for q in GUIDE.questions])
option_ids = st.sampled_from(sorted({o.id for q in GUIDE.questions for o in q.options}))
section_ids = st.sampled_from([s.id for s in GUIDE.sections])
text = st.text(max_size=60) | st.sampled_from(["", " ", "\u202eevil", "a\x00b", "x" * 5000])
numbers = (
    st.integers()
    | st.integers(min_value=-10, max_value=30)
    | st.floats()
    | st.sampled_from([5000, 400, 64]).map(lambda n: 10**n)  # drawn: its repr would fail
)
digits = st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n)
scalars = st.none() | st.booleans() | numbers | text | digits | st.binary(max_size=8)
library_objects = st.sampled_from([GUIDE, CHECKLIST, PROPOSAL, TEMPLATE, DATA, GUIDE.questions])
anything = st.recursive(
    scalars | library_objects,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner)
        | st.dictionaries(text | question_ids, inner, max_size=3)
    ),
    max_leaves=6,
)

answers = anything | st.dictionaries(question_ids | text, option_ids | text | anything, max_size=4)
details = anything | st.dictionaries(
    st.sampled_from(DETAIL_FIELDS) | text, text | numbers | digits | anything, max_size=4
)
ARGUMENTS: dict[str, st.SearchStrategy[Any]] = {
    "answers": answers,
    "raw": answers,
    "details": details,
    "guide": st.none() | st.just(GUIDE) | anything,
    "sections": st.none() | st.lists(section_ids | text, max_size=3) | section_ids | anything,
    "checklist": st.just(CHECKLIST) | anything,
    "proposal": st.just(PROPOSAL) | anything,
    "template": st.none() | st.just(TEMPLATE) | anything,
    "link_base": text | anything,
    "title": text | anything,
    "heading_level": st.integers(min_value=-3, max_value=9) | anything,
    "width": st.integers(min_value=-3, max_value=120) | anything,
    "directory": st.sampled_from([None, str(DATA), DATA, __file__, "/nonexistent"]) | anything,
}
PUBLIC: dict[str, tuple[Callable[..., object], tuple[str, ...]]] = {
    "applicable_questions": (telework.applicable_questions, ("answers", "guide")),
    "clean_answers": (telework.clean_answers, ("raw", "guide")),
    "plan": (telework.plan, ("answers", "guide", "sections")),
    "plan_relevant": (telework.plan_relevant, ("answers", "guide", "sections")),
    "render_html": (telework.render_html, ("checklist", "link_base", "heading_level")),
    "render_markdown": (telework.render_markdown, ("checklist", "link_base", "title")),
    "render_text": (telework.render_text, ("checklist", "width")),
    "render_json": (telework.render_json, ("checklist", "link_base")),
    "checklist_to_dict": (telework.checklist_to_dict, ("checklist", "link_base")),
    "draft_proposal": (telework.draft_proposal, ("answers", "details", "guide", "template")),
    "ProposalDetails.from_mapping": (telework.ProposalDetails.from_mapping, ("details",)),
    "render_proposal_html": (telework.render_proposal_html, ("proposal", "heading_level")),
    "render_proposal_markdown": (telework.render_proposal_markdown, ("proposal",)),
    "render_proposal_text": (telework.render_proposal_text, ("proposal", "width")),
    "load_guide": (telework.load_guide, ("directory",)),
    "load_proposal_template": (telework.load_proposal_template, ("directory", "guide")),
}
KEYWORD_ONLY = {"sections"}
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


def messages(error: TeleworkError) -> list[str]:
    """What a reader is shown: DetailsError joins one message per field, each held to the limit."""
    if isinstance(error, DetailsError):
        return [f"{field}: {message}" for field, message in error.problems]
    return [str(error)]


@pytest.mark.parametrize("name", PUBLIC)
@FUZZ
@given(data=st.data())
def test_only_library_errors_escape_and_each_message_is_one_short_line(
    name: str, data: st.DataObject
) -> None:
    function, parameters = PUBLIC[name]
    args, kwargs = [], {}
    signature = inspect.signature(function).parameters.values()
    required = sum(1 for p in signature if p.default is p.empty)
    given_count = data.draw(st.integers(required, len(parameters)), label="given")
    for parameter in parameters[:given_count]:
        value = data.draw(ARGUMENTS[parameter], label=parameter)
        if parameter in KEYWORD_ONLY:
            kwargs[parameter] = value
        else:
            args.append(value)
    try:
        function(*args, **kwargs)
    except TeleworkError as error:
        for message in messages(error):
            assert "\n" not in message and len(message) <= MESSAGE_LIMIT, message[:500]


@FUZZ
@given(raw=answers, sections=ARGUMENTS["sections"])
def test_the_planners_entry_point_never_raises_for_bad_answers_or_sections(
    raw: object, sections: Any
) -> None:
    result = telework.web.respond(raw, sections=sections)
    assert all("\n" not in n and len(n) <= MESSAGE_LIMIT for n in result["notices"])


@FUZZ
@given(raw_answers=answers, raw_details=details)
def test_the_proposal_pages_entry_point_never_raises(
    raw_answers: object, raw_details: object
) -> None:
    result = telework.proposal.web.respond(raw_answers, raw_details)
    shown = [*result["notices"], *(e["message"] for e in result["errors"])]
    assert all("\n" not in n and len(n) <= MESSAGE_LIMIT for n in shown)
