"""The condition language: its data form, its three-valued truth and its reading in words."""

import pytest

import telework
from telework import DataError
from telework.conditions import (
    ALWAYS,
    NEVER,
    All,
    Any,
    Condition,
    Is,
    Not,
    compile_condition,
    evaluate,
    leaves,
    parse,
)


def test_the_data_form_parses_into_the_combinators_it_names() -> None:
    data = {
        "situation": ["current"],
        "all": [{"trust": ["new"]}, {"stage": ["no", "maybe"]}],
        "any": [{"motive": ["need"]}, {"demand": ["high"]}],
        "not": {"field": ["crowded"]},
    }
    assert parse(data, "here") == All(
        (
            Is("situation", ("current",)),
            All((Is("trust", ("new",)), Is("stage", ("no", "maybe")))),
            Any((Is("motive", ("need",)), Is("demand", ("high",)))),
            Not(Is("field", ("crowded",))),
        )
    )
    assert parse({"stage": ["yes"]}, "here") == Is("stage", ("yes",)), "one test needs no All"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (["stage"], "here: a condition must be a table, not list"),
        ({"all": []}, "here: 'all' takes a non-empty list of tables"),
        ({"any": {"stage": ["yes"]}}, "here: 'any' takes a non-empty list of tables"),
        ({"any": [{"stage": "yes"}]}, "here.any[0]: question 'stage' takes a non-empty list"),
        ({"not": {"stage": []}}, "here.not: question 'stage' takes a non-empty list of option ids"),
        ({"stage": [1]}, "here: question 'stage' takes a non-empty list of option ids"),
    ],
)
def test_malformed_conditions_are_refused_naming_the_place(data: object, message: str) -> None:
    with pytest.raises(DataError) as raised:
        parse(data, "here")
    assert str(raised.value).startswith(message)


def test_unanswered_questions_leave_a_condition_unknown_until_it_is_decided() -> None:
    need_or_high = Any((Is("motive", ("need",)), Is("demand", ("high",))))
    assert evaluate(need_or_high, {}) is None
    assert evaluate(need_or_high, {"demand": "high"}) is True, "one true part decides"
    assert evaluate(need_or_high, {"motive": "want", "demand": "ordinary"}) is False
    both = All((Is("motive", ("need",)), Is("demand", ("high",))))
    assert evaluate(both, {"motive": "want"}) is False, "one false part decides"
    assert evaluate(both, {"motive": "need"}) is None
    assert evaluate(Not(both), {"motive": "need"}) is None
    assert evaluate(ALWAYS, {}) is True and evaluate(NEVER, {}) is False


def test_leaves_lists_every_question_test_in_order() -> None:
    condition = All((Is("a", ("x",)), Not(Any((Is("b", ("y",)), Is("c", ("z",)))))))
    assert [leaf.question for leaf in leaves(condition)] == ["a", "b", "c"]


def test_conditions_read_in_words_with_prompts_and_labels() -> None:
    guide = telework.load_guide()
    assert telework.describe(guide.item("wait-until-earned").when, guide) == (
        "Where do you stand? → “I'm applying or interviewing for a new job” and "
        "Is working from home a need or a want? → “A want: I'd like it, but could do without” "
        "and How sought-after are your skills? → “Useful, but many people have them” and "
        "How many other good candidates are there? → “Many: it's a crowded field”"
    )
    assert telework.describe(ALWAYS, guide) == "always"
    negated = telework.describe(Not(Is("stage", ("yes",))), guide)
    assert negated == "not (Has the employer answered yet? → “They said yes”)"


@pytest.mark.parametrize(
    "value", [None, "stage=yes", {"stage": ["yes"]}, 10**5000], ids=["none", "str", "dict", "huge"]
)
def test_what_is_not_a_condition_is_refused_in_one_short_line(value: object) -> None:
    guide = telework.load_guide()
    calls = [
        lambda: evaluate(value, {}),  # type: ignore[arg-type]
        lambda: compile_condition(value),  # type: ignore[arg-type]
        lambda: telework.questions_in(value),  # type: ignore[arg-type]
        lambda: leaves(value),  # type: ignore[arg-type]
        lambda: telework.describe(value, guide),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(telework.TeleworkError) as raised:
            call()
        message = str(raised.value)
        assert message.startswith("not a condition: “") and len(message) < 120
        assert message.endswith("; conditions are Is, All, Any or Not")


A_YES, B_YES = Is("a", ("yes",)), Is("b", ("yes",))
ANSWER_SETS = [{}, {"b": "yes"}, {"b": "no"}]
ANSWER_SETS += [{"a": a, **rest} for a in ("yes", "no") for rest in ANSWER_SETS[:3]]
TRUTH = {"T": True, "F": False, "?": None}


@pytest.mark.parametrize(
    ("condition", "table"),
    [
        # answers: (a, b) = (-,-) (-,yes) (-,no) (yes,-) (yes,yes) (yes,no) (no,-) (no,yes) (no,no)
        (All((A_YES, Not(B_YES))), "?F??FTFFF"),
        (Any((A_YES, Not(B_YES))), "??TTTT?FT"),
        (Not(A_YES), "???FFFTTT"),
        (All((A_YES, B_YES)), "??F?TFFFF"),
        (Any((A_YES, B_YES)), "?T?TTT?TF"),
        (ALWAYS, "TTTTTTTTT"),
        (NEVER, "FFFFFFFFF"),
    ],
)
def test_compiled_and_evaluated_conditions_follow_three_valued_logic(
    condition: Condition, table: str
) -> None:
    compiled = compile_condition(condition)
    for answers, expected in zip(ANSWER_SETS, table, strict=True):
        assert evaluate(condition, answers) is TRUTH[expected], answers
        assert compiled(answers) is TRUTH[expected], answers
