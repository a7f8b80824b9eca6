"""The rehearsal: its data checked when loaded, who is asked what, replies and the prep sheet."""

from __future__ import annotations

import copy
import operator
import tomllib
from collections.abc import Callable, Mapping
from functools import reduce
from importlib.resources import files
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_proposal import tags

import telework
from telework.analysis import mentions, valid_answer_sets
from telework.conditions import questions_in
from telework.engine import shows
from telework.errors import AnswerError, DataError
from telework.rehearse import (
    REPLY_LIMIT,
    ReplyError,
    add_prepared_points,
    check_replies,
    every_question,
    load_rehearsal,
    prep_sheet,
    rehearsal,
    rehearsal_from_data,
    render_sheet_html,
    render_sheet_markdown,
    render_sheet_text,
    respond,
)

GUIDE = telework.load_guide()
DATA = load_rehearsal()


def ids(answers: Mapping[str, str]) -> list[str]:
    return [question.id for question in rehearsal(answers)]


# --- who is asked what ------------------------------------------------------------------------

ARTICLE_CONCERNS = {
    # the five business concerns the persuasion article lists
    "data-security", "sensitive-material", "productivity", "performance", "management-control",
    # what the boss must be persuaded of (persuasion article) and Hurwitz's three ways
    "motive", "cost", "reachability", "benefit",
    # trust, from the advice column and Pophal; colleagues' complaints, from Hurwitz
    "trust", "colleagues",
    # an employer with no remote workers yet (advice column)
    "no-precedent",
    # the risk a maybe weighs, and the recruiter's backup plan for changing needs
    "risk", "changing-needs",
}  # fmt: skip


def test_every_concern_in_the_articles_has_questions() -> None:
    assert {concern.id for concern in DATA.concerns} == ARTICLE_CONCERNS
    asked_about = {question.concern.id for question in DATA.questions}
    assert asked_about == ARTICLE_CONCERNS


def all_answer_sets() -> list[dict[str, str]]:
    mentioned = set(DATA.assume).union(*(questions_in(q.when) for q in DATA.questions))
    return list(valid_answer_sets(GUIDE, mentioned))


def test_every_question_and_concern_is_reachable_by_some_answers() -> None:
    reached = {question.id for answers in all_answer_sets() for question in rehearsal(answers)}
    assert reached == {question.id for question in DATA.questions}


# Who each question is for, written from the articles: a question listed here must never
# be asked of a reader who is not in its audience.
def seeker(answers: Mapping[str, str]) -> bool:
    return answers.get("situation") in ("interviewing", "elsewhere")


def employee(answers: Mapping[str, str]) -> bool:
    return answers.get("situation") == "current"


def stage(*stages: str) -> Callable[[Mapping[str, str]], bool]:
    return lambda answers: answers.get("stage", "not_asked") in stages


AUDIENCE: dict[str, Callable[[Mapping[str, str]], bool]] = {
    "need-or-want": lambda a: a.get("situation") == "interviewing",
    "based-elsewhere": lambda a: a.get("situation") == "elsewhere",
    "new-hire-trust": seeker,
    "still-new": lambda a: employee(a) and a.get("trust") == "new",
    "what-changed": stage("no"),
    "cost": employee,
    "trial-results": stage("yes"),
    "data-safe": lambda a: a.get("sensitive_data") == "yes",
    "confidential-files": lambda a: a.get("sensitive_data") == "yes",
    "slipping": employee,
    "manage-unseen": employee,
    "colleagues": employee,
    "first-remote": lambda a: a.get("employer_experience") == "none",
    "why-full-time": lambda a: employee(a) and a.get("arrangement") == "full_time",
    "try-it": stage("maybe"),
    "what-would-work": stage("maybe"),
    "in-return": stage("maybe"),
    "in-office-need": lambda a: "situation" in a,
    "keep-going": stage("yes"),
}  # fmt: skip


def test_no_question_is_asked_of_a_reader_it_cannot_apply_to() -> None:
    wrong = []
    for answers in all_answer_sets():
        for question in ids(answers):
            if question in AUDIENCE and not AUDIENCE[question](answers):
                wrong.append((question, answers))
    assert wrong == []


def test_a_plan_item_linked_to_a_card_is_shown_only_with_that_card_until_a_yes() -> None:
    """After a yes, the questions of the ask are behind the reader; the plan moves on too."""
    items = {item.id: item for item in GUIDE.items}
    wrong = []
    for question in DATA.questions:
        for item in map(items.__getitem__, question.items):
            mentioned = {*mentions(item, GUIDE), *questions_in(question.when), *DATA.assume}
            for answers in valid_answer_sets(GUIDE, mentioned):
                shown = shows(item, answers, GUIDE) is not None
                if shown and answers.get("stage") != "yes" and question not in rehearsal(answers):
                    wrong.append((item.id, question.id, answers))
    assert wrong == []


def test_a_job_seeker_gets_interview_questions_and_none_of_a_managers() -> None:
    asked = ids({"situation": "interviewing", "employer_experience": "many"})
    assert {"need-or-want", "new-hire-trust", "work-done", "reach-you"} <= set(asked)
    assert not {"cost", "slipping", "manage-unseen", "colleagues", "still-new"} & set(asked)


def test_a_reader_without_sensitive_data_is_not_asked_about_it() -> None:
    assert "data-safe" not in ids({"situation": "current", "sensitive_data": "no"})
    assert "data-safe" in ids({"situation": "current", "sensitive_data": "yes"})


def test_each_stage_has_its_own_questions() -> None:
    first_ask = ids({"situation": "current", "stage": "not_asked"})
    maybe = ids({"situation": "current", "stage": "maybe"})
    review = ids({"situation": "current", "stage": "yes"})
    after_no = ids({"situation": "current", "stage": "no"})
    assert {"cost", "slipping", "manage-unseen"} <= set(first_ask)
    assert {"try-it", "what-would-work", "in-return"} <= set(maybe) - set(first_ask)
    assert {"trial-results", "keep-going"} <= set(review) - set(maybe)
    assert "what-changed" in set(after_no) - set(first_ask)


def test_a_reader_who_has_not_said_whether_they_asked_is_preparing_to_ask() -> None:
    assert ids({"situation": "current"}) == ids({"situation": "current", "stage": "not_asked"})


def test_questions_follow_the_conversation_from_reasons_to_terms() -> None:
    answers = {"situation": "current", "stage": "maybe", "sensitive_data": "yes"}
    assert ids(answers) == [
        "why-remote",
        "whats-in-it", "cost",
        "data-safe", "confidential-files", "work-done", "slipping", "manage-unseen",
        "reach-you", "colleagues",
        "try-it", "what-would-work", "in-return", "in-office-need",
    ]  # fmt: skip


def test_with_no_answers_only_the_questions_everyone_faces_are_asked() -> None:
    assert ids({}) == ["why-remote", "whats-in-it", "work-done", "reach-you"]


def test_answers_are_checked_strictly() -> None:
    with pytest.raises(AnswerError, match="question 'stage' is not asked"):
        rehearsal({"stage": "maybe"})
    with pytest.raises(AnswerError, match=r"unknown option .boss."):
        rehearsal({"situation": "boss"})


def test_the_lazy_public_name_is_the_function() -> None:
    assert telework.rehearsal is rehearsal
    assert "rehearsal" in telework.__all__


# --- the data file is checked when loaded -----------------------------------------------------


RAW = tomllib.loads((files("telework") / "data" / "rehearsal.toml").read_text("utf-8"))


def _edit(path: list[Any], value: Any) -> dict[str, Any]:
    """A copy of rehearsal.toml's data with the value at `path` replaced."""
    data = copy.deepcopy(RAW)
    reduce(operator.getitem, path[:-1], data)[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["questions", 0, "when"], {"mood": ["good"]}, "unknown question 'mood'"),
        (["questions", 0, "when"], {"stage": ["later"]}, "has no option 'later'"),
        (["questions", 0, "when"], {"stage": "maybe"}, "non-empty list of option ids"),
        (["questions", 0, "sources"], ["blog"], "unknown source 'blog'"),
        (["concerns", 0, "sources"], ["blog"], "unknown source 'blog'"),
        (["questions", 1, "id"], "why-remote", "duplicate question id 'why-remote'"),
        (["concerns", 1, "id"], "motive", "duplicate concern id 'motive'"),
        (["questions", 0, "moment"], "coffee", "unknown moment 'coffee'; allowed: opening"),
        (["questions", 0, "concern"], "weather", "unknown concern 'weather'"),
        (["questions", 0, "link"], "realistic/employer-concerns", "must look like 'docname#label'"),
        (["questions", 0, "items"], ["no-such-item"], "unknown checklist item 'no-such-item'"),
        (["questions", 0, "elements"], [{"id": "a", "text": "one"}], "1 elements; give 2 to 4"),
        (["questions", 0, "elements", 1, "id"], "genuine", "duplicate element id 'genuine'"),
        (["questions", 0, "prompt"], "", "field 'prompt' must be a non-empty str"),
        (["questions", 0, "colour"], "red", "unknown field(s) 'colour'"),
        (["assume"], {"stage": "later"}, "assume: question 'stage' has no option 'later'"),
        (["sample", "replies"], {"work-done": {"covered": ["x"]}}, "unknown element “x”"),
        (["moments"], [], "non-empty array of tables [[moments]]"),
    ],
)  # fmt: skip
def test_mistakes_in_the_rehearsal_data_are_reported_with_their_place(
    path: list[Any], value: Any, message: str
) -> None:
    with pytest.raises(DataError) as caught:
        rehearsal_from_data(_edit(path, value), GUIDE)
    assert message in str(caught.value)
    assert "rehearsal.toml" in str(caught.value)


def test_every_question_has_two_to_four_elements_and_links_a_book_section() -> None:
    for question in DATA.questions:
        assert 2 <= len(question.elements) <= 4, question.id
        assert question.href().endswith(".html#" + question.link.partition("#")[2])


# --- replies ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("replies", "message"),
    [
        ([], "replies must be a mapping of question id to a reply, not list"),
        ({"why": "x"}, "unknown question “why”; allowed: why-remote"),
        ({"work-done": {"reply": 5}}, "'reply' must be text, not int"),
        ({"work-done": {"reply": "x" * (REPLY_LIMIT + 1)}}, f"at most {REPLY_LIMIT} allowed"),
        ({"work-done": {"reply": "a\x1b[2Jb"}}, "control character (U+001B)"),
        ({"work-done": {"reply": "a\u202eb"}}, "control character (U+202E)"),
        ({"work-done": {"covered": "log"}}, "'covered' must be a list of element ids"),
        ({"work-done": {"covered": ["vibes"]}}, "unknown element “vibes”; allowed: visible-result"),
        ({"work-done": {"answer": "x"}}, "unknown field “answer”; allowed: reply, covered"),
        ({"work-done": 3}, "expected a table with 'reply' and 'covered'"),
    ],
)  # fmt: skip
def test_bad_replies_are_refused_with_what_is_allowed(replies: object, message: str) -> None:
    with pytest.raises(ReplyError) as caught:
        check_replies(replies, DATA)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_replies_are_tidied_and_covered_elements_kept_in_the_questions_order() -> None:
    checked = check_replies(
        {"work-done": {"reply": "  Weekly report\r\nand a log  ", "covered": ["log", "reports"]}},
        DATA,
    )
    assert checked["work-done"].text == "Weekly report\nand a log"
    assert checked["work-done"].covered == ("reports", "log")
    assert check_replies({"work-done": "Just text"}, DATA)["work-done"].covered == ()


def test_a_reply_to_a_question_not_asked_stays_off_the_sheet() -> None:
    sheet = prep_sheet({"situation": "interviewing"}, {"cost": "It costs nothing."})
    assert "cost" not in sheet.replies
    assert "It costs nothing." not in render_sheet_text(sheet)


# --- the prep sheet ---------------------------------------------------------------------------

REPLY = {"reply": "You get a report every Friday.", "covered": ["reports"]}


def test_the_sheet_shows_each_question_its_reply_and_which_elements_it_covers() -> None:
    sheet = prep_sheet({"situation": "current"}, {"work-done": REPLY})
    text = render_sheet_text(sheet)
    assert "How will I know the work is getting done?" in text
    assert "| You get a report every Friday." in text
    assert "[x] offers regular status reports" in text
    assert "[ ] offers a log of what you finish" in text
    assert "1 of 3 covered" in text
    markdown = render_sheet_markdown(sheet)
    assert "- [x] offers regular status reports" in markdown
    assert "> You get a report every Friday." in markdown
    html = render_sheet_html(sheet)
    assert '<li data-element="reports" data-covered="true">' in html
    assert html.count('class="tw-rehearsal-question"') == len(rehearsal({"situation": "current"}))


def test_every_question_gets_its_card_anchor_only_when_asked_for() -> None:
    sheet = every_question()
    with_anchors = render_sheet_html(sheet, anchors=True)
    for question in DATA.questions:
        assert f'id="rehearse-{question.id}"' in with_anchors
    assert 'id="rehearse-' not in render_sheet_html(sheet)


PAYLOADS = [
    "<script>alert(1)</script>",
    '" onmouseover=alert(1) x="',
    "[click](javascript:alert(1)) ![x](http://example.com/x.png)",
    "- not a list\n+ nor this\n1. nor this\n# not a heading\n===\n~~~\n```\n> not a quote",
    "*bold* _em_ `code` <b>b</b> &amp; | a | b |",
]


SHEET_TAGS = {
    "article", "section", "h2", "h3", "h4", "h5", "p", "blockquote", "ul", "li", "span", "a"
}  # fmt: skip


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_readers_reply_is_shown_as_text_in_every_format(payload: str) -> None:
    sheet = prep_sheet({}, {"work-done": {"reply": payload, "covered": ["log"]}})
    plain = prep_sheet({}, {"work-done": {"reply": "x", "covered": ["log"]}})
    own = [tag for tag in tags(render_sheet_html(plain)) if tag[0] != "p"]
    html = render_sheet_html(sheet)
    assert "<script" not in html and "<b>" not in html
    assert [tag for tag in tags(html) if tag[0] != "p"] == own, "the reply changed the markup"
    assert {tag for tag, _ in own} <= SHEET_TAGS
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark", {"html": True}).render(
        render_sheet_markdown(sheet)
    )
    empty = markdown_it.MarkdownIt("commonmark", {"html": True}).render(
        render_sheet_markdown(plain)
    )
    found = [tag for tag, _ in tags(rendered)]
    expected = [tag for tag, _ in tags(empty)]
    assert found == expected, "the reply added or changed markup"
    text = render_sheet_text(sheet)
    for line in payload.split("\n"):
        assert line in text


@given(
    st.one_of(st.none(), st.integers(), st.dictionaries(st.text(max_size=9), st.text(max_size=9))),
    st.one_of(
        st.none(),
        st.lists(st.text()),
        st.dictionaries(
            st.sampled_from(["work-done", "why-remote", "cost", "other"]),
            st.one_of(
                st.text(max_size=40),
                st.integers(),
                st.fixed_dictionaries(
                    {"reply": st.text(max_size=40)},
                    optional={"covered": st.lists(st.sampled_from(["log", "reports", "x"]))},
                ),
            ),
        ),
    ),
)  # fmt: skip
def test_respond_never_raises_and_never_lets_markup_through(raw_answers: Any, raw: Any) -> None:
    result = respond(raw_answers, raw)
    assert set(result) == {"answers", "notices", "questions", "html", "markdown"}
    assert {tag for tag, _ in tags(result["html"])} <= SHEET_TAGS
    assert all(isinstance(notice, str) and "\n" not in notice for notice in result["notices"])


def test_respond_gives_cards_in_order_with_anchors_and_links_from_the_page() -> None:
    answers = {"situation": "current", "stage": "maybe"}
    result = respond(answers, {"try-it": REPLY | {"covered": ["trial"]}}, link_base="../")
    assert [card["id"] for card in result["questions"]] == ids(answers)
    card = next(c for c in result["questions"] if c["id"] == "try-it")
    assert card["anchor"] == "rehearse-try-it"
    assert card["href"] == "../conversation/three-answers.html#maybe-trial"
    assert [e["id"] for e in card["elements"]] == ["trial", "measure", "review-date"]
    assert card["sources"][0]["href"] == "../reference/sources.html#src-persuade-employer"
    assert "- [x] offers a trial with an end date" in result["markdown"]
    assert 'id="rehearse-' not in result["html"]


def test_respond_drops_bad_answers_and_replies_with_a_notice_each() -> None:
    result = respond({"situation": "boss"}, {"work-done": {"covered": ["vibes"]}, "cost": "ok"})
    assert result["answers"] == {}
    assert len(result["notices"]) == 2
    assert any("vibes" in notice for notice in result["notices"])


# --- prepared points in the proposal ----------------------------------------------------------


def test_prepared_replies_join_the_proposal_after_its_concerns_when_asked_for() -> None:
    answers = {"situation": "current", "sensitive_data": "yes", "stage": "not_asked"}
    proposal = telework.draft_proposal(answers, {"name": "Sam"})
    replies = {
        "data-safe": {"reply": "Only over the VPN,\non the company laptop.", "covered": []},
        "work-done": {"reply": "A report every Friday.", "covered": ["reports"]},
    }
    sheet = prep_sheet(answers, replies)
    with_points = add_prepared_points(proposal, sheet)
    ids = list(with_points.section_ids())
    assert ids.index("prepared-points") == ids.index("concerns") + 1
    assert ids[: ids.index("prepared-points")] + ids[ids.index("prepared-points") + 1 :] == list(
        proposal.section_ids()
    )
    markdown = telework.render_proposal_markdown(with_points)
    assert "## Questions you may have" in markdown
    assert "- **How will our data stay safe on your home connection?:** Only over the VPN, on " \
        "the company laptop." in markdown  # fmt: skip
    assert "A report every Friday." in markdown
    assert add_prepared_points(proposal, prep_sheet(answers)) == proposal


def test_prepared_replies_are_escaped_in_the_proposal() -> None:
    answers = {"situation": "current"}
    proposal = telework.draft_proposal(answers, {"name": "Sam"})
    sheet = prep_sheet(answers, {"cost": "<script>alert(1)</script>\n- not a list"})
    with_points = add_prepared_points(proposal, sheet)
    html = telework.render_proposal_html(with_points)
    assert "<script>" not in html and "&lt;script&gt;" in html
    markdown = telework.render_proposal_markdown(with_points)
    assert "\n- not a list" not in markdown and "<script>" not in markdown
