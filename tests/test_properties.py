"""Properties over the whole answer space (by reasoning over conditions) and fuzzing."""

import copy
import json
import tomllib
from importlib.resources import files
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import telework
from telework import DataError, TeleworkError
from telework.analysis import analyse, closure, valid_answer_sets
from telework.conditions import All, Condition, Is, Not, compile_condition, evaluate
from telework.conditions import Any as AnyOf
from telework.loader import FILES, guide_from_data
from telework.web import respond

GUIDE = telework.load_guide()


def test_whole_answer_space_has_no_unreachable_item_conflict_or_unused_question() -> None:
    report = analyse(GUIDE)
    assert report.problems() == []


def test_every_item_has_a_book_link_and_cites_a_source_unless_it_is_the_books_own() -> None:
    own = [item.id for item in GUIDE.items if not item.sources]
    assert own == ["yes-confirm-terms"], "the articles do not say these: are they ours?"
    for item in GUIDE.items:
        docname, _, label = item.link.partition("#")
        assert docname and label, item.id


def test_conflict_check_finds_conflicts_that_exist() -> None:
    """The check is not vacuous: declaring a conflict between items that co-occur is caught."""
    from dataclasses import replace

    items = tuple(
        replace(i, conflicts=("raise-early",)) if i.id == "frame-benefit" else i
        for i in GUIDE.items
    )
    guide = telework.Guide(GUIDE.questions, GUIDE.phases, GUIDE.sections, items, GUIDE.sources)
    report = analyse(guide)
    assert [(c.first, c.second) for c in report.conflicts] == [("raise-early", "frame-benefit")]
    both = telework.plan(report.conflicts[0].answers).item_ids()
    assert "raise-early" in both and "frame-benefit" in both


def test_valid_answer_sets_cover_exactly_the_valid_combinations() -> None:
    sets = list(valid_answer_sets(GUIDE, ["maybe_offer"]))
    assert closure(GUIDE, ["maybe_offer"]) == ("situation", "stage", "maybe_offer")
    # situation: 3 options or none; stage only when situation is answered; maybe_offer only on maybe
    assert len(sets) == 1 + 3 * (1 + 3 + 4)
    for answers in sets:
        telework.plan(answers)  # every set is valid


QUESTIONS = ("q1", "q2", "q3")
OPTIONS = ("a", "b", "c")
conditions = st.recursive(
    st.builds(
        Is,
        st.sampled_from(QUESTIONS),
        st.lists(st.sampled_from(OPTIONS), min_size=1, max_size=3, unique=True).map(tuple),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda parts: All(tuple(parts))),
        st.lists(inner, max_size=4).map(lambda parts: AnyOf(tuple(parts))),
        st.builds(Not, inner),
    ),
    max_leaves=12,
)


@settings(deadline=None)
@given(conditions, st.dictionaries(st.sampled_from(QUESTIONS), st.sampled_from(OPTIONS)))
def test_compiled_conditions_agree_with_the_reference_evaluation(
    condition: Condition, answers: dict[str, str]
) -> None:
    assert compile_condition(condition)(answers) is evaluate(condition, answers)


answer_values = st.one_of(
    st.sampled_from([o.id for q in GUIDE.questions for o in q.options]),
    st.text(max_size=12),
    st.integers(),
    st.none(),
    st.lists(st.text(max_size=3), max_size=2),
)
answer_keys = st.one_of(st.sampled_from([q.id for q in GUIDE.questions]), st.text(max_size=12))
raw_answers = st.dictionaries(answer_keys, answer_values, max_size=8)


def valid_answers() -> st.SearchStrategy[dict[str, str]]:
    """Answers built question by question, answering only questions that are asked."""

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, str]:
        answers: dict[str, str] = {}
        for question in GUIDE.questions:
            if telework.evaluate(question.applies, answers) and draw(st.booleans()):
                answers[question.id] = draw(st.sampled_from(question.option_ids()))
        return answers

    return build()


@settings(deadline=None)
@given(valid_answers())
def test_valid_answers_give_a_deterministic_conflict_free_plan_once_situation_is_known(
    answers: dict[str, str],
) -> None:
    first, second = telework.plan(answers), telework.plan(dict(reversed(answers.items())))
    assert first.item_ids() == second.item_ids() and first.refine == second.refine
    ids = set(first.item_ids())
    assert ids or "situation" not in answers
    for item in first.items():
        assert not ids & set(item.conflicts)
    assert telework.render_html(first) == telework.render_html(second)


@settings(deadline=None)
@given(raw_answers)
def test_any_answers_either_plan_or_raise_the_librarys_own_error(raw: dict[Any, Any]) -> None:
    try:
        telework.plan(raw)
    except TeleworkError as error:
        assert str(error)


@settings(deadline=None)
@given(st.one_of(raw_answers, st.text(), st.lists(st.integers()), st.none()))
def test_the_browser_entry_point_never_raises_and_never_echoes_markup(raw: object) -> None:
    result = respond(raw)
    assert set(result) >= {"answers", "notices", "applicable", "items", "html", "markdown"}
    kept, _ = telework.clean_answers(raw)
    assert result["answers"] == kept
    for key, value in kept.items():
        assert GUIDE.question(key).label(value)
    assert "<script" not in result["html"]
    json.dumps(result)  # crosses into JavaScript as plain data


def test_tampered_answers_are_dropped_with_notices() -> None:
    result = respond({"situation": "<img src=x onerror=alert(1)>", "<script>": "current"})
    assert result["answers"] == {}
    assert len(result["notices"]) == 2
    assert "onerror" not in result["html"]


def test_the_browser_entry_point_renders_what_the_widget_asks_for() -> None:
    answers = {"situation": "interviewing", "motive": "need"}
    result = respond(answers, link_base="../", sections=["timing"], heading_level=4)
    checklist = telework.plan(answers, sections=["timing"])
    assert result["items"] == list(checklist.item_ids())
    assert result["html"] == telework.render_html(checklist, "../", heading_level=4)
    assert "<h4>" in result["html"] and "<h3>" not in result["html"]


def test_the_browser_entry_point_words_every_answer_in_use_whatever_the_sections() -> None:
    # "job_fit" is asked in the full planner but not by the timing chapter; "maybe_offer" is
    # asked only after a maybe, so that answer is kept but not in use.
    answers = {"situation": "interviewing", "motive": "need", "job_fit": "networked"}
    result = respond({**answers, "maybe_offer": "pay"}, sections=["timing"])
    assert result["answered"] == [
        ["Where do you stand?", "I'm applying or interviewing for a new job"],
        ["Is working from home a need or a want?", "A need: I won't take the job without it"],
        [
            "How much of your work could be done from home?",
            "Nearly all: it runs through computers, files and networks",
        ],
    ]


def _data() -> dict[str, dict[str, Any]]:
    return {
        name: tomllib.loads((files("telework") / "data" / name).read_text(encoding="utf-8"))
        for name in FILES
    }


DATA = _data()
PLACES = [
    (file, key)
    for file, content in DATA.items()
    for key, entries in content.items()
    if isinstance(entries, list) and entries and all(isinstance(e, dict) for e in entries)
]
"""Every list of entries in the data files, as (file, key)."""
DELETED = object()
"""A mutation's value that removes the field instead of setting it."""
junk = st.one_of(
    st.integers(),
    st.text(max_size=8),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=6), st.lists(st.text(max_size=4), max_size=2), max_size=2),
)


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str, int, str, object]:
    """One change to one entry: a field it has removed, or a field set to a new value."""
    file, key = draw(st.sampled_from(PLACES))
    entries = DATA[file][key]
    index = draw(st.integers(0, len(entries) - 1))
    fields = sorted(entries[index])
    if draw(st.booleans()):
        return file, key, index, draw(st.sampled_from(fields)), DELETED
    field = draw(st.sampled_from([*fields, "extra"]))
    return file, key, index, field, draw(junk.filter(lambda v: v != entries[index].get(field)))


def test_every_list_of_entries_in_the_data_can_be_mangled() -> None:
    assert {("questions.toml", "questions"), ("checklist.toml", "items")} <= set(PLACES)
    assert {("checklist.toml", "sections"), ("sources.toml", "sources")} <= set(PLACES)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutations(), min_size=1, max_size=3))
def test_mangled_data_files_raise_only_data_errors(
    changes: list[tuple[str, str, int, str, object]],
) -> None:
    data = copy.deepcopy(DATA)
    for file, key, index, field, value in changes:
        entry = data[file][key][index]
        if value is DELETED:
            entry.pop(field, None)
        else:
            entry[field] = value
    assert data != DATA  # every run changes the data
    try:
        guide = guide_from_data(data)
    except DataError as error:
        assert str(error)
    else:
        telework.plan({}, guide)
