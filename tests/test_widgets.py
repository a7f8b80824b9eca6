"""The notebook planner, driven from Python as a reader would drive it with the mouse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import telework

widgets = pytest.importorskip("telework.widgets")
if TYPE_CHECKING:
    from telework.widgets import Planner

MAYBE_AT_WORK = {
    "situation": "current",
    "trust": "established",
    "sensitive_data": "yes",
    "stage": "maybe",
    "maybe_offer": "work",
}


def choose(planner: Planner, answers: dict[str, str]) -> None:
    """Click through `answers` in question order, as a reader fills in the form."""
    for question in telework.load_guide().questions:
        if question.id in answers:
            planner.controls[question.id].value = answers[question.id]


def test_clicked_answers_give_the_engines_checklist_and_html() -> None:
    planner = widgets.Planner()
    choose(planner, MAYBE_AT_WORK)
    expected = telework.plan(MAYBE_AT_WORK)
    assert planner.answers == MAYBE_AT_WORK
    assert planner.checklist.item_ids() == expected.item_ids()
    assert planner.output.value == telework.render_html(expected, planner.link_base)


def test_save_button_writes_the_markdown_plan(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    planner = widgets.Planner(save_path=target)
    choose(planner, MAYBE_AT_WORK)
    planner.save_button.click()
    expected = telework.render_markdown(telework.plan(MAYBE_AT_WORK), planner.link_base)
    assert target.read_text(encoding="utf-8") == expected
    assert str(target) in planner.status.value


def test_save_to_a_missing_folder_explains_instead_of_raising(tmp_path: Path) -> None:
    planner = widgets.Planner(save_path=tmp_path / "no-such-folder" / "plan.md")
    planner.save_button.click()
    assert "Could not save" in planner.status.value
    assert not (tmp_path / "no-such-folder").exists()


def test_default_save_path_is_my_remote_work_plan() -> None:
    assert widgets.Planner().save_path.value == "my-remote-work-plan.md"


def test_questions_for_the_situation_appear_and_others_hide() -> None:
    planner = widgets.Planner()

    def shown() -> set[str]:
        return {q for q, row in planner._rows.items() if row.layout.display != "none"}

    assert shown() == set(planner.asked) == {q.id for q in telework.applicable_questions({})}
    for situation in ("current", "interviewing", "elsewhere"):
        planner.controls["situation"].value = situation
        expected = {q.id for q in telework.applicable_questions({"situation": situation})}
        assert shown() == set(planner.asked) == expected
    assert "trust" not in shown() and "role_design" in shown()


def test_answers_to_hidden_questions_are_set_aside_and_come_back() -> None:
    planner = widgets.Planner(MAYBE_AT_WORK)
    planner.controls["situation"].value = "interviewing"
    assert "trust" not in planner.answers
    assert (
        planner.checklist.item_ids()
        == telework.plan_relevant({**MAYBE_AT_WORK, "situation": "interviewing"}).item_ids()
    )
    planner.controls["situation"].value = "current"
    assert planner.answers == MAYBE_AT_WORK


def test_unanswered_button_removes_an_answer() -> None:
    planner = widgets.Planner(MAYBE_AT_WORK)
    planner.controls["maybe_offer"].value = widgets.UNANSWERED
    remaining = {k: v for k, v in MAYBE_AT_WORK.items() if k != "maybe_offer"}
    assert planner.answers == remaining
    assert "maybe_offer" in planner.checklist.refine


def test_starting_answers_are_restored_in_the_controls() -> None:
    planner = widgets.Planner(MAYBE_AT_WORK)
    for question_id, control in planner.controls.items():
        assert control.value == MAYBE_AT_WORK.get(question_id, widgets.UNANSWERED)
    assert planner.checklist.item_ids() == telework.plan(MAYBE_AT_WORK).item_ids()


def test_reset_button_clears_every_answer() -> None:
    planner = widgets.Planner(MAYBE_AT_WORK)
    planner.reset_button.click()
    assert planner.answers == {}
    assert all(c.value == widgets.UNANSWERED for c in planner.controls.values())
    assert planner.checklist.item_ids() == telework.plan({}).item_ids()


@pytest.mark.parametrize(
    ("answers", "named"),
    [
        ({"situation": "nowhere"}, "“nowhere”"),
        ({"mood": "good"}, "“mood”"),
        ({"stage": 3}, "'stage'"),
    ],
)
def test_bad_starting_answers_raise_answer_error_naming_the_problem(
    answers: dict[str, object], named: str
) -> None:
    with pytest.raises(telework.AnswerError, match="allowed") as raised:
        widgets.Planner(answers)
    assert named in str(raised.value)


def test_static_page_gets_the_checklist_and_a_pointer_instead_of_a_dead_form() -> None:
    planner = widgets.Planner(MAYBE_AT_WORK, link_base="../")
    bundle = planner._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    html = bundle["text/html"]
    assert telework.render_html(telework.plan(MAYBE_AT_WORK), "../") in html
    assert 'href="../tools/planner.html"' in html and "make notebooks" in html
    assert '<input type="radio"' not in html and "<button" not in html
    assert telework.render_text(telework.plan(MAYBE_AT_WORK)) in bundle["text/plain"]


def test_importing_telework_does_not_import_ipywidgets() -> None:
    code = "import sys, telework; telework.plan({}); print('ipywidgets' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
