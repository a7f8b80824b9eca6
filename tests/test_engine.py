from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from guide_data import write_guide

import telework
from telework import AnswerError
from telework.analysis import closure, mentions, valid_answer_sets
from telework.conditions import ALWAYS, Condition, Is
from telework.engine import shows
from telework.errors import ArgumentError
from telework.model import Guide, Item, Move, Option, Phase, Question, Section


def test_no_answers_still_give_a_checklist_and_ask_where_you_stand() -> None:
    checklist = telework.plan({})
    assert checklist.item_ids() == ("check-job-fit",)
    assert checklist.refine[0] == "situation"


def test_unanswered_questions_leave_their_items_out_and_are_offered_to_refine() -> None:
    checklist = telework.plan({"situation": "interviewing"})
    assert "raise-early" not in checklist.item_ids()
    assert "raise-later" not in checklist.item_ids()
    assert "motive" in checklist.refine
    assert "trust" not in checklist.refine, "only questions asked in this situation refine"


def test_every_refining_question_changes_the_checklist_for_some_further_answers() -> None:
    guide = telework.load_guide()
    before = {"situation": "interviewing"}
    for question_id in telework.plan(before).refine:
        related = set().union(
            *(
                telework.questions_in(i.when)
                for i in guide.items
                if question_id in telework.questions_in(i.when)
            )
        )
        assert any(
            telework.plan({**before, **more}).item_ids()
            != telework.plan(
                {k: v for k, v in {**before, **more}.items() if k != question_id}
            ).item_ids()
            for more in valid_answer_sets(guide, related)
            if question_id in more and more.get("situation", "interviewing") == "interviewing"
        ), f"{question_id} never changes the checklist"


def test_sections_and_items_follow_the_guides_order() -> None:
    guide = telework.load_guide()
    checklist = telework.plan({"situation": "current", "stage": "yes", "arrangement": "trial"})
    section_order = [s.id for s in guide.sections]
    item_order = [i.id for i in guide.items]
    ids = [s.id for s in checklist.sections]
    assert ids == sorted(ids, key=section_order.index)
    assert list(checklist.item_ids()) == sorted(checklist.item_ids(), key=item_order.index)
    assert all(section.items for section in checklist.sections), "no empty sections"


def test_plan_can_be_limited_to_some_sections() -> None:
    checklist = telework.plan({"situation": "current", "stage": "no"}, sections=["after-no"])
    assert [s.id for s in checklist.sections] == ["after-no"]
    with pytest.raises(AnswerError, match="unknown section “later”; allowed: prepare"):
        telework.plan({}, sections=["later"])


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"situaton": "current"}, "unknown question “situaton”; allowed: situation, motive"),
        (
            {"situation": "boss"},
            "unknown option “boss”; allowed: interviewing, elsewhere, current",
        ),
        ({"situation": 1}, "(“Where do you stand?”): an option id (a string) is needed"),
        ({"situation": None}, "not nothing; allowed: interviewing"),
        ({1: "x"}, "unknown question “1”; allowed"),
        (
            {"trust": "new"},
            "'trust' is not asked for these answers; it is asked only when Where do you stand?",
        ),
        ({"situation": "interviewing", "trust": "new"}, "question 'trust' is not asked"),
        ("situation=current", "answers must be a mapping of question id to option id, not str"),
    ],
)
def test_bad_answers_raise_an_error_naming_the_question_and_what_is_allowed(
    answers: object, message: str
) -> None:
    with pytest.raises(AnswerError) as raised:
        telework.plan(answers)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_plan_relevant_sets_aside_answers_to_questions_no_longer_asked() -> None:
    answers = {"situation": "interviewing", "trust": "new", "motive": "need"}
    checklist = telework.plan_relevant(answers)
    assert checklist.answers == {"situation": "interviewing", "motive": "need"}
    assert checklist.item_ids() == telework.plan(checklist.answers).item_ids()


def test_applicable_questions_follow_the_situation() -> None:
    def asked(answers: dict[str, str]) -> set[str]:
        return {q.id for q in telework.applicable_questions(answers)}

    assert "situation" in asked({}) and "motive" not in asked({})
    assert {"motive", "demand", "field", "stage"} <= asked({"situation": "interviewing"})
    assert "trust" in asked({"situation": "current"})
    assert {"role_design", "connections"} <= asked({"situation": "elsewhere"})
    assert "maybe_offer" not in asked({"situation": "current", "stage": "no"})
    assert "maybe_offer" in asked({"situation": "current", "stage": "maybe"})
    assert "maybe_offer" not in asked({"stage": "maybe"}), "stage is not asked yet"


def test_clean_answers_keeps_the_valid_part_and_explains_the_rest() -> None:
    raw = {"situation": "current", "stage": "later", "colour": "red", "trust": "new", "motive": 5}
    kept, notices = telework.clean_answers(raw)
    assert kept == {"situation": "current", "trust": "new"}
    assert len(notices) == 3
    assert any("unknown question “colour”" in n for n in notices)
    assert any("“later”" in n and "not_asked, yes, maybe, no" in n for n in notices)
    assert telework.clean_answers(["not", "a", "mapping"])[0] == {}


def test_notices_shorten_long_input() -> None:
    _, (notice,) = telework.clean_answers({"x" * 500: "y"})
    assert len(notice) < 100


def test_an_item_every_completion_of_the_answers_agrees_on_is_shown() -> None:
    """Partial answers: where every way of answering the rest shows an item, it shows now."""
    guide = telework.load_guide()
    missing = []
    for item in guide.items:
        questions = closure(guide, mentions(item, guide))
        sets = list(valid_answer_sets(guide, questions))
        complete = [
            a
            for a in sets
            if all(q.id in a for q in telework.applicable_questions(a) if q.id in questions)
        ]
        assert complete, item.id
        shown_in = [a for a in complete if shows(item, a, guide)]
        for partial in sets:
            completions = [a for a in complete if partial.items() <= a.items()]
            agreed = completions and all(a in shown_in for a in completions)
            if agreed and not shows(item, partial, guide):
                missing.append((item.id, partial))
    assert missing == []


def test_refine_lists_only_unanswered_questions_that_could_change_the_plan() -> None:
    checklist = telework.plan({"situation": "interviewing", "motive": "want"})
    assert checklist.refine[:2] == ("demand", "field"), "they decide when to raise it"
    assert not set(checklist.refine) & set(checklist.answers)
    assert "stage" in checklist.refine
    assert "trust" not in checklist.refine, "not asked of job seekers"
    everything = {"situation": "current", "stage": "yes", "arrangement": "trial"}
    assert "maybe_offer" not in telework.plan(everything).refine, "not asked after a yes"
    assert "sensitive_data" not in telework.plan({**everything, "sensitive_data": "no"}).refine


def test_plan_relevant_uses_the_guide_and_sections_it_is_given(tmp_path: Path) -> None:
    edited = ('text = "Ask what would have', 'text = "First ask what would have')
    guide = telework.load_guide(write_guide(tmp_path, checklist=edited))
    answers = {"situation": "current", "stage": "no", "motive": "need"}
    checklist = telework.plan_relevant(answers, guide, sections=["after-no"])
    assert checklist.guide is guide
    assert [s.id for s in checklist.sections] == ["after-no"]
    assert checklist.items()[0].text.startswith("First ask what would have")
    assert checklist.answers == {"situation": "current", "stage": "no"}


# --- the engine's rules on a small guide written by hand ---------------------------------


def _question(id_: str, prompt: str, applies: Condition = ALWAYS) -> Question:
    return Question(id_, prompt, "", (Option("yes", "Yes"), Option("no", "No")), applies)


def _item(id_: str, section: str, when: Condition = ALWAYS, **conditions: Any) -> Item:
    return Item(id_, section, id_.title(), "Because.", (), f"page#{id_}", when, **conditions)


ASKED = Is("stage", ("yes",))
SMALL = Guide(
    questions=(
        _question("stage", "Have you asked yet?"),
        _question("office", "Is there an office day?"),
        _question("kit", "Do you have a desk at home?"),
        _question("budget", "Did they offer a budget?", applies=ASKED),
    ),
    phases=(Phase("ask", "When you ask", unless=ASKED), Phase("after", "Afterwards", leads=ASKED)),
    sections=(
        Section("pitch", "How to put it", "ask"),
        Section("setup", "Setting up", "after"),
        Section("office-days", "Office days", "after"),
    ),
    items=(
        _item("lead", "pitch"),
        _item(
            "desk",
            "setup",
            unless=Is("kit", ("yes",)),
            moves=(Move(Is("office", ("yes",)), "office-days"),),
        ),
        _item("claim", "setup", when=Is("budget", ("yes",))),
    ),
    sources=(),
)


def _placed(checklist: telework.Checklist) -> list[tuple[str, str, list[str]]]:
    return [(s.phase, s.id, [i.id for i in s.items]) for s in checklist.sections]


def test_refine_names_the_questions_that_decide_a_phase_a_move_or_an_unless() -> None:
    checklist = telework.plan({}, SMALL)
    assert _placed(checklist) == [("ask", "pitch", ["lead"]), ("after", "setup", ["desk"])]
    assert checklist.refine == ("stage", "office", "kit")
    decided = telework.plan({"stage": "no", "office": "yes", "kit": "no"}, SMALL)
    assert _placed(decided) == [("ask", "pitch", ["lead"]), ("after", "office-days", ["desk"])]
    assert decided.refine == ()
    settled = telework.plan({"stage": "yes", "office": "no", "kit": "yes"}, SMALL)
    assert _placed(settled) == [], "the phase has left and the desk is there"
    assert settled.refine == ("budget",)
    after = telework.plan({"stage": "yes", "kit": "no", "budget": "yes"}, SMALL)
    assert _placed(after) == [("after", "setup", ["desk", "claim"])]
    assert [p.title for p in after.phases] == ["Afterwards"]
    assert after.refine == ("office",)


def test_the_phase_whose_leads_holds_comes_first() -> None:
    checklist = telework.plan({"stage": "no"}, SMALL)
    assert [p.id for p in checklist.phases] == ["ask", "after"]
    guide = replace(SMALL, phases=(Phase("ask", "When you ask"), SMALL.phases[1]))
    assert [p.id for p in telework.plan({"stage": "yes"}, guide).phases] == ["after", "ask"]


def test_plan_checks_answers_against_the_guide_it_is_given() -> None:
    assert telework.plan({"office": "yes"}, SMALL).answers == {"office": "yes"}
    assert telework.plan_relevant({"office": "yes"}, SMALL).answers == {"office": "yes"}
    with pytest.raises(AnswerError, match=r"^question 'budget' is not asked for these answers; it"):
        telework.plan({"budget": "yes"}, SMALL)
    assert telework.plan_relevant({"budget": "yes"}, SMALL).answers == {}
    assert [q.id for q in telework.applicable_questions({}, SMALL)] == ["stage", "office", "kit"]
    asked = telework.applicable_questions({"stage": "yes", "budget": "no"}, SMALL)
    assert [q.id for q in asked] == ["stage", "office", "kit", "budget"]


def test_sections_can_be_given_as_one_string_of_ids() -> None:
    checklist = telework.plan({"office": "yes"}, SMALL, sections="pitch office-days")
    assert _placed(checklist) == [("ask", "pitch", ["lead"]), ("after", "office-days", ["desk"])]
    relevant = telework.plan_relevant({}, SMALL, sections="setup")
    assert _placed(relevant) == [("after", "setup", ["desk"])]
    with pytest.raises(AnswerError) as raised:
        telework.plan_relevant({}, SMALL, sections=["pitch", "later"])
    assert str(raised.value) == "unknown section “later”; allowed: pitch, setup, office-days"


@pytest.mark.parametrize("function", [telework.plan, telework.plan_relevant])
@pytest.mark.parametrize(
    ("arguments", "named"),
    [({"guide": "packaged"}, "guide"), ({"sections": 3}, "sections")],
)
def test_plans_name_the_argument_they_cannot_use(
    function: Callable[..., object], arguments: dict[str, object], named: str
) -> None:
    with pytest.raises(ArgumentError, match=f"^{named} must be "):
        function({}, **arguments)
