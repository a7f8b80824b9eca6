from pathlib import Path

import pytest
from guide_data import write_guide

import telework
from telework import AnswerError
from telework.analysis import closure, mentions, valid_answer_sets
from telework.engine import shows


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
