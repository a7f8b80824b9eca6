"""The written proposal: which parts appear for which answers, the details' checks, escaping."""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from html.parser import HTMLParser
from importlib.resources import files
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import telework
from telework import AnswerError, DataError, DetailsError, ProposalDetails, TeleworkError
from telework.analysis import valid_answer_sets
from telework.conditions import questions_in
from telework.proposal import (
    TEXT_LIMITS,
    BulletList,
    Paragraph,
    Proposal,
    load_proposal_template,
)
from telework.proposal.template import template_from_data
from telework.proposal.web import respond

GUIDE = telework.load_guide()
TEMPLATE = load_proposal_template()
NAME_ONLY = ProposalDetails(name="Sam Rivera")
PAYLOADS = [
    "<script>alert(1)</script>",
    '" onerror=alert(1) x="',
    "](javascript:alert(1))",
    "[click](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "- list\n# heading\n1. numbered\n~~~\n<b>bold</b>",
]
TEXT_FIELDS = tuple(TEXT_LIMITS)


def draft(answers: dict[str, str], **details: Any) -> Proposal:
    return telework.draft_proposal(answers, {"name": "Sam Rivera", **details})


def paragraphs(proposal: Proposal, section: str | None = None) -> list[str]:
    return [
        block.text
        for s in proposal.sections
        if section in (None, s.id)
        for block in s.blocks
        if isinstance(block, Paragraph)
    ]


def bullets(proposal: Proposal, section: str | None = None) -> list[str]:
    return [
        f"{bullet.lead}: {bullet.text}" if bullet.lead else bullet.text
        for s in proposal.sections
        if section in (None, s.id)
        for block in s.blocks
        if isinstance(block, BulletList)
        for bullet in block.items
    ]


def all_text(proposal: Proposal) -> str:
    return "\n".join(paragraphs(proposal) + bullets(proposal))


# --- which parts appear -----------------------------------------------------------------------


def test_each_concern_appears_exactly_when_its_condition_holds() -> None:
    for concern in TEMPLATE.concerns:
        asked = questions_in(concern.when) | set(TEMPLATE.assume)
        for answers in valid_answer_sets(GUIDE, asked):
            proposal = telework.draft_proposal(answers, NAME_ONLY)
            applies = telework.evaluate(concern.when, proposal.answers) is True
            assert (concern.id in proposal.concerns) is applies, (concern.id, answers)
            assert (f"{concern.title}: {concern.answer}" in bullets(proposal)) is applies


def test_every_paragraph_bullet_and_concern_of_the_template_can_appear() -> None:
    """No part of the wording is dead: some answers and details show each one."""
    everything = {"role": "Analyst", "manager": "Alex", "notes": "A note."}

    def ever_shown(fixed: str, condition: telework.Condition) -> bool:
        for answers in valid_answer_sets(GUIDE, questions_in(condition) | set(TEMPLATE.assume)):
            for details in ({}, everything):
                if fixed in all_text(draft(answers, **details)):
                    return True
        return False

    for section in TEMPLATE.sections:
        for line in section.lines:
            assert ever_shown(line.text.split("{")[0], line.when), (section.id, line.text)
    for concern in TEMPLATE.concerns:
        assert ever_shown(concern.answer, concern.when), concern.id


def test_unanswered_situation_and_stage_are_assumed_and_reported() -> None:
    proposal = draft({})
    assert proposal.assumed == ("situation", "stage")
    assert proposal.answers == {"situation": "current", "stage": "not_asked"}
    assert "I would like to propose that I work from home" in paragraphs(proposal)[1]
    given_answers = draft({"situation": "interviewing"})
    assert given_answers.assumed == ("stage",)
    assert given_answers.answers["situation"] == "interviewing"


def test_current_employee_with_sensitive_data_and_no_remote_colleagues() -> None:
    proposal = draft(
        {
            "situation": "current",
            "trust": "established",
            "sensitive_data": "yes",
            "employer_experience": "none",
            "stage": "not_asked",
        }
    )
    assert proposal.section_ids() == (
        "greeting", "request", "business", "working", "concerns", "trial", "changes", "closing",
    )  # fmt: skip
    assert proposal.concerns == (
        "data-security", "sensitive-material", "productivity", "performance", "oversight",
        "colleagues", "first-remote",
    )  # fmt: skip
    leads = [b.split(":")[0] for b in bullets(proposal, "business")]
    assert "A proven record" in leads
    assert "Evidence from elsewhere" in leads
    assert "What I bring" not in leads


def test_job_seeker_is_offered_the_interview_opening_and_no_colleague_concern() -> None:
    proposal = draft(
        {"situation": "interviewing", "motive": "need", "demand": "high", "field": "open"}
    )
    assert paragraphs(proposal, "request")[0].startswith("While we discuss the terms")
    assert any(b.startswith("What I bring:") for b in bullets(proposal, "business"))
    assert "colleagues" not in proposal.concerns
    assert "data-security" not in proposal.concerns  # sensitive data is asked only of employees


def test_after_a_yes_the_proposal_records_the_agreement_instead_of_asking() -> None:
    proposal = draft({"situation": "current", "stage": "yes"}, days=2)
    text = all_text(proposal)
    assert "We agreed that I will work from home two days a week." in text
    assert "Specifically, I am asking" not in text
    assert "Thank you again" in paragraphs(proposal, "closing")[0]


@pytest.mark.parametrize(
    ("offer", "shown", "hidden"),
    [("pay", "Lower pay during the trial", "Extra output"), ("work", "Extra output", "Lower pay")],
)
def test_a_maybe_carries_the_one_concession_chosen_and_never_both(
    offer: str, shown: str, hidden: str
) -> None:
    proposal = draft({"situation": "current", "stage": "maybe", "maybe_offer": offer})
    leads = [b.split(":")[0] for b in bullets(proposal, "business")]
    assert shown in leads
    assert not any(lead.startswith(hidden) for lead in leads)
    assert paragraphs(proposal, "request")[0].startswith("Thank you for considering")


def test_optional_details_add_their_parts_and_their_absence_removes_them() -> None:
    bare = draft({})
    assert paragraphs(bare, "greeting") == ["Hello,"]
    assert "notes" not in bare.section_ids()
    assert paragraphs(bare, "closing")[-1] == "Sam Rivera"

    full = draft({}, manager="Alex", role="Claims analyst", notes="Line one.\r\n\n  Line two.  ")
    assert paragraphs(full, "greeting") == ["Dear Alex,"]
    assert paragraphs(full, "notes") == ["Line one.", "Line two."]
    assert paragraphs(full, "closing")[-2:] == ["Sam Rivera", "Claims analyst"]


@pytest.mark.parametrize(
    ("answers", "details", "phrase"),
    [
        ({}, {"days": 5}, "work from home full time,"),
        ({}, {"days": "full-time"}, "work from home full time,"),
        ({"arrangement": "full_time"}, {}, "work from home full time,"),
        ({"arrangement": "full_time"}, {"days": 1}, "work from home one day a week,"),
        ({}, {"days": "3"}, "work from home three days a week,"),
        ({}, {}, "work from home on agreed days each week,"),
        ({}, {"trial_weeks": 1}, "a trial over the first week,"),
        ({}, {"trial_weeks": 12}, "a trial over the first 12 weeks,"),
        ({}, {}, "a trial over the first few weeks,"),
        ({}, {"review_date": "2026-05-04"}, "review together on 4 May 2026."),
        ({}, {"review_date": date(2027, 1, 31)}, "review together on 31 January 2027."),
        ({}, {}, "review together at the end of the trial."),
    ],
)
def test_the_request_states_the_arrangement_trial_and_review_in_words(
    answers: dict[str, str], details: dict[str, Any], phrase: str
) -> None:
    assert phrase in paragraphs(draft(answers, **details), "request")[-1]


def test_answers_are_checked_strictly() -> None:
    with pytest.raises(AnswerError, match="unknown option “nope”"):
        draft({"situation": "nope"})
    with pytest.raises(AnswerError, match="not asked"):
        draft({"trust": "new"})  # trust is asked only of current employees


# --- checking the details ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({}, "name", ["required", "120"]),
        ({"name": "   "}, "name", ["required"]),
        ({"name": "x" * 121}, "name", ["too long (121 characters)", "at most 120"]),
        ({"name": "S", "role": "r" * 121}, "role", ["at most 120"]),
        ({"name": "S", "manager": "m" * 500}, "manager", ["at most 120"]),
        ({"name": "S", "notes": "n" * 2001}, "notes", ["at most 2000"]),
        ({"name": "S", "review_date": "31/12/2026"}, "review_date", ["not a date", "YYYY-MM-DD"]),
        ({"name": "S", "review_date": "2026-02-30"}, "review_date", ["real calendar", "YYYY"]),
        ({"name": "S", "review_date": 20260101}, "review_date", ["not a date", "YYYY-MM-DD"]),
        ({"name": "S", "days": 0}, "days", ["out of range", "1 to 5", "full-time"]),
        ({"name": "S", "days": 6}, "days", ["out of range", "1 to 5"]),
        ({"name": "S", "days": "two"}, "days", ["not a whole number", "1 to 5"]),
        ({"name": "S", "days": True}, "days", ["not a whole number"]),
        ({"name": "S", "days": 2.5}, "days", ["not a whole number"]),
        (
            {"name": "S", "days": "\u00b2"},
            "days",
            ["not a whole number"],
        ),  # isdigit(), not a number
        ({"name": "S", "review_date": "\u0662026-01-01"}, "review_date", ["not a date"]),
        ({"name": "S", "trial_weeks": 27}, "trial_weeks", ["out of range", "1 to 26"]),
        ({"name": "S", "trial_weeks": -1}, "trial_weeks", ["1 to 26"]),
        ({"name": "S\x07am"}, "name", ["control character (U+0007)"]),
        ({"name": "S", "notes": "ok\x1b[31m"}, "notes", ["U+001B", "line breaks are allowed"]),
        ({"name": "S", "role": "evil\u202eexe"}, "role", ["U+202E"]),
        ({"name": "Sam\nRivera"}, "name", ["single line"]),
        ({"name": 42}, "name", ["must be text, not int"]),
        ({"name": "S", "salary": "more"}, "“salary”", ["unknown field", "allowed: name, role"]),
    ],
)
def test_bad_details_are_refused_with_the_field_and_what_is_allowed(
    raw: dict[str, Any], field: str, words: list[str]
) -> None:
    with pytest.raises(DetailsError) as caught:
        ProposalDetails.from_mapping(raw)
    fields = [name for name, _ in caught.value.problems]
    assert field in fields
    message = dict(caught.value.problems)[field]
    for word in words:
        assert word in message
    assert f"{field}: " in str(caught.value)
    assert "\n" not in str(caught.value)


def test_details_errors_are_value_errors_of_the_library_and_list_every_problem() -> None:
    with pytest.raises(DetailsError) as caught:
        ProposalDetails.from_mapping({"days": 9, "trial_weeks": 0})
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, TeleworkError)
    assert [name for name, _ in caught.value.problems] == ["name", "days", "trial_weeks"]
    with pytest.raises(DetailsError, match="details: must be a mapping"):
        ProposalDetails.from_mapping(["Sam"])


def test_constructing_details_directly_checks_them_too() -> None:
    with pytest.raises(DetailsError, match="at most 120"):
        ProposalDetails(name="x" * 121)
    details = ProposalDetails(name="  Sam  ", notes="a\tb\r\nc", days=5)
    assert (details.name, details.notes, details.days) == ("Sam", "a b\nc", 5)


def test_details_at_the_limits_are_accepted() -> None:
    details = ProposalDetails.from_mapping(
        {
            "name": "n" * 120,
            "role": "r" * 120,
            "manager": "m" * 120,
            "notes": "x" * 2000,
            "days": "1",
            "trial_weeks": 26.0,
            "review_date": " 2028-02-29 ",
        }
    )
    assert details.days == 1 and details.trial_weeks == 26
    assert details.review_date == date(2028, 2, 29)
    assert details.to_dict()["review_date"] == "2028-02-29"


# --- escaping ---------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


HTML_TAGS = {"article", "h2", "h3", "section", "p", "ul", "li", "strong"}


def assert_only_the_renderers_markup(html: str) -> None:
    for tag, attrs in tags(html):
        assert tag in HTML_TAGS, (tag, html)
        assert all(name in ("class", "data-section") for name, _ in attrs), (tag, attrs)


def markdown_to_html(text: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return str(markdown_it.MarkdownIt("commonmark", {"html": True}).render(text))


MARKDOWN_TAGS = {"h1", "h2", "p", "ul", "li", "strong"}


def assert_markdown_is_inert(text: str) -> None:
    for tag, attrs in tags(markdown_to_html(text)):
        assert tag in MARKDOWN_TAGS, (tag, text)
        assert attrs == [], (tag, attrs)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_markup_in_any_free_text_field_is_shown_as_text_in_every_format(
    field: str, payload: str
) -> None:
    details = {"name": "Sam", field: payload}
    if field != "notes":
        details[field] = payload.replace("\n", " ")
    proposal = telework.draft_proposal({}, details)
    shown = getattr(proposal.details, field)
    html = telework.render_proposal_html(proposal)
    assert_only_the_renderers_markup(html)
    assert (field != "notes" or "<b>" not in html) and "<script" not in html
    markdown = telework.render_proposal_markdown(proposal)
    assert_markdown_is_inert(markdown)
    text = telework.render_proposal_text(proposal)
    for line in shown.split("\n"):
        assert line in " ".join(text.split()) or line in text


def test_notes_cannot_open_lists_headings_or_fences_in_markdown() -> None:
    notes = "- not a list\n+ nor this\n1. nor this\n2) nor this\n# not a heading\n===\n~~~"
    markdown = telework.render_proposal_markdown(draft({}, notes=notes))
    html = markdown_to_html(markdown)
    assert html.count("<li>") == len(bullets(draft({}))), "only the proposal's own bullets"
    assert "<pre" not in html and html.count("<h1>") == 1
    for line in notes.split("\n"):
        assert line.replace("\\", "") in html.replace("\\", "")


def test_html_has_one_section_per_part_with_headings_for_titled_parts() -> None:
    proposal = draft({"situation": "current", "sensitive_data": "yes"}, notes="Hi")
    html = telework.render_proposal_html(proposal, heading_level=3)
    found = [dict(attrs)["data-section"] for tag, attrs in tags(html) if tag == "section"]
    assert found == list(proposal.section_ids())
    titled = [s for s in proposal.sections if s.title]
    assert html.count("<h4>") == len(titled) and html.count("<h3 ") == 1


def test_text_is_wrapped_and_keeps_every_word() -> None:
    proposal = draft({"situation": "current"}, notes="word " * 60)
    text = telework.render_proposal_text(proposal, width=60)
    assert max(len(line) for line in text.splitlines()) <= 60
    assert " ".join(text.split()).count("word") == 60


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            **{f: st.one_of(st.text(max_size=150), st.sampled_from(PAYLOADS)) for f in TEXT_FIELDS},
            "days": st.one_of(st.integers(-2, 8), st.text(max_size=5), st.none(), st.floats()),
            "trial_weeks": st.one_of(st.integers(-2, 30), st.text(max_size=5), st.booleans()),
            "review_date": st.one_of(st.dates().map(str), st.text(max_size=12), st.integers()),
        },
    )
)
def test_any_details_either_draft_safely_or_raise_the_librarys_error(raw: dict[str, Any]) -> None:
    try:
        proposal = telework.draft_proposal({}, raw)
    except DetailsError as error:
        assert error.problems and "\n" not in str(error)
        return
    assert_only_the_renderers_markup(telework.render_proposal_html(proposal))
    assert_markdown_is_inert(telework.render_proposal_markdown(proposal))


# --- the browser's entry point ----------------------------------------------------------------


def test_respond_reports_bad_details_per_field_and_drafts_with_the_rest() -> None:
    result = respond(
        {"situation": "current", "stage": "maybe", "bogus": "x"},
        {"name": "Sam", "days": "9", "manager": "Alex", "review_date": "soon"},
    )
    assert [e["field"] for e in result["errors"]] == ["days", "review_date"]
    assert result["missing"] == []
    assert result["details"] == {"name": "Sam", "manager": "Alex"}
    assert result["answers"] == {"situation": "current", "stage": "maybe"}
    assert len(result["notices"]) == 1 and "bogus" in result["notices"][0]
    expected = telework.draft_proposal(result["answers"], result["details"])
    assert result["html"] == telework.render_proposal_html(expected)
    assert result["markdown"] == telework.render_proposal_markdown(expected)
    assert result["sections"] == list(expected.section_ids())


def test_respond_without_a_name_marks_it_missing_and_shows_a_placeholder() -> None:
    result = respond({}, {})
    assert result["missing"] == ["name"] and result["errors"] == []
    assert "name" not in result["details"]
    assert TEMPLATE.phrases["missing_name"] in result["text"]
    assert respond(None, None)["missing"] == ["name"]


def test_respond_answers_only_from_the_questions_asked() -> None:
    result = respond({"situation": "interviewing", "trust": "new"}, {"name": "Sam"})
    assert result["answers"] == {"situation": "interviewing"}
    assert result["assumed"] == ["stage"]


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(st.none(), st.integers(), st.dictionaries(st.text(max_size=8), st.text(max_size=8))),
    st.one_of(
        st.none(),
        st.lists(st.text()),
        st.dictionaries(
            st.sampled_from([*TEXT_FIELDS, "days", "trial_weeks", "review_date", "other"]),
            st.one_of(st.text(max_size=40), st.integers(), st.none(), st.floats()),
        ),
    ),
)
def test_respond_never_raises_and_never_lets_markup_through(raw_answers: Any, raw: Any) -> None:
    result = respond(raw_answers, raw)
    assert set(result) >= {"html", "markdown", "text", "errors", "missing", "notices"}
    assert_only_the_renderers_markup(result["html"])


# --- the data file is checked when loaded -----------------------------------------------------


def _data() -> dict[str, Any]:
    text = (files("telework") / "data" / "proposal.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _edit(path: list[Any], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_data())
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["sections", 1, "lines", 0, "text"], "Hi {boss}", "unknown placeholder {boss}"),
        (["sections", 1, "lines", 0, "text"], "As {role}", "must list 'role' in needs"),
        (["sections", 1, "lines", 0, "text"], "Hi {name!r}", "unknown placeholder"),
        (["sections", 1, "lines", 0, "when"], {"mood": ["good"]}, "unknown question 'mood'"),
        (["sections", 1, "lines", 0, "when"], {"stage": ["later"]}, "has no option 'later'"),
        (["sections", 1, "lines", 0, "bullet"], "Both", "exactly one of 'text'"),
        (["sections", 0, "lines", 0, "needs"], ["boss"], "unknown detail 'boss'"),
        (["sections", 0, "colour"], "red", "unknown field(s) 'colour'"),
        (["concerns", 0, "when"], {"situation": "current"}, "non-empty list of option ids"),
        (["concerns", 1, "id"], "data-security", "duplicate concern id 'data-security'"),
        (["assume"], {"situation": "remote"}, "assume: answer to 'situation'"),
        (["phrases", "days"], "{n} days", "unknown placeholder {n}"),
        (["phrases", "months"], ["May"], "'months' must list 12"),
        (["sample", "details"], {"name": "S", "days": 9}, "sample.details: days"),
    ],
)
def test_mistakes_in_the_proposal_data_are_reported_with_their_place(
    path: list[Any], value: Any, message: str
) -> None:
    with pytest.raises(DataError) as caught:
        template_from_data(_edit(path, value), GUIDE)
    assert message in str(caught.value)
    assert "proposal.toml" in str(caught.value)


def test_the_packaged_data_loads_and_its_sample_drafts() -> None:
    assert template_from_data(_data(), GUIDE) == TEMPLATE
    sample = telework.proposal.sample_proposal()
    assert sample.details == TEMPLATE.sample_details
    assert "concerns" in sample.section_ids()
