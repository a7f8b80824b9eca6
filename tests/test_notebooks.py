"""The book's notebooks run top to bottom in a fresh kernel and show what the engine computes."""

from __future__ import annotations

import json
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import telework

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((Path(__file__).parents[1] / "docs" / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# Appended to each notebook after its own cells: prints every set of answers the notebook
# defined (a dict of question ids to option ids, a dict of such dicts, or a planner's).
PROBE = """
import json as _json
import sys as _sys
import telework as _telework

def _answer_sets(value):
    _widgets = _sys.modules.get("telework.widgets")
    if _widgets is not None and isinstance(value, _widgets.Planner):
        return [value.answers]
    if isinstance(value, dict) and value:
        if all(isinstance(v, dict) for v in value.values()):
            return [a for v in value.values() for a in _answer_sets(v)]
        try:
            _telework.plan_relevant(value)
        except (_telework.AnswerError, TypeError):
            return []
        return [value]
    return []

print(_json.dumps([a for name, v in list(globals().items()) if not name.startswith("_")
                   for a in _answer_sets(v)]))
"""


# Then: prints what each proposal the notebook drafted was made from (its given answers,
# without the ones the draft assumed, and the reader's details).
PROPOSAL_PROBE = """
import json as _json
import telework as _telework

print(_json.dumps([
    {"answers": {k: v for k, v in value.answers.items() if k not in value.assumed},
     "details": value.details.to_dict()}
    for name, value in list(globals().items())
    if not name.startswith("_") and isinstance(value, _telework.Proposal)
]))
"""


class Executed(NamedTuple):
    notebook: Any
    answer_sets: list[dict[str, str]]
    """Every set of answers the notebook defined."""
    proposals: list[dict[str, Any]]
    """What each drafted proposal was made from: {"answers": ..., "details": ...}."""


def run(path: Path, tmp_path: Path) -> Executed:
    """Execute the notebook in a fresh python3 kernel; return it and what it used."""
    notebook = nbformat.read(path, as_version=4)
    probes = [PROBE, PROPOSAL_PROBE]
    notebook.cells.extend(nbformat.v4.new_code_cell(probe) for probe in probes)
    client = nbclient.NotebookClient(
        notebook, kernel_name="python3", timeout=60, resources={"metadata": {"path": tmp_path}}
    )
    client.execute()
    printed = [json.loads(cell.outputs[0]["text"]) for cell in notebook.cells[-len(probes) :]]
    del notebook.cells[-len(probes) :]
    return Executed(notebook, *printed)


def shown_text(notebook: Any) -> str:
    """Everything the notebook's cells printed or displayed, HTML entities decoded."""
    parts: list[str] = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.extend(v for v in output.get("data", {}).values() if isinstance(v, str))
    return unescape("\n".join(parts))


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Executed]:
    """Run each notebook at most once per test module, on demand, by name."""
    done: dict[str, Executed] = {}

    def get(stem: str) -> Executed:
        if stem not in done:
            path = next(p for p in NOTEBOOKS if p.stem == stem)
            done[stem] = run(path, tmp_path_factory.mktemp(stem))
        return done[stem]

    return get


def test_the_book_has_its_notebooks() -> None:
    assert [p.stem for p in NOTEBOOKS] == [
        "build-your-plan",
        "inside-the-planner",
        "rehearse",
        "review-your-trial",
        "what-changes-the-advice",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    assert "widgets" not in notebook.metadata


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_open_with_a_title_and_how_to_run_them_locally(path: Path) -> None:
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "Run this notebook locally" in first.source and "make notebooks" in first.source


@pytest.mark.parametrize("stem", [p.stem for p in NOTEBOOKS if p.stem != "review-your-trial"])
def test_notebook_shows_every_item_for_the_answers_it_uses(
    executed: Callable[[str], Executed], stem: str
) -> None:
    notebook, answer_sets, _ = executed(stem)
    assert answer_sets, f"{stem} defines no answers to check"
    text = shown_text(notebook)
    for answers in answer_sets:
        for item in telework.plan_relevant(answers).items():
            assert item.text in text or item.id in text, (
                f"{stem}: item {item.id!r} for {answers} is not shown"
            )


def test_planner_notebook_shows_a_live_form_with_a_static_fallback(
    executed: Callable[[str], Executed],
) -> None:
    notebook = executed("build-your-plan").notebook
    planners = [
        output["data"]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if WIDGET_VIEW in output.get("data", {})
    ]
    assert len(planners) >= 2  # a blank form, then one started from typed answers
    for data in planners:
        assert 'class="tw-checklist"' in data["text/html"]
        assert "tools/planner.html" in data["text/html"]


def test_planner_notebook_drafts_a_proposal_from_its_answers(
    executed: Callable[[str], Executed],
) -> None:
    notebook, answer_sets, proposals = executed("build-your-plan")
    assert proposals, "build-your-plan drafts no proposal"
    text = shown_text(notebook)
    for made_from in proposals:
        assert made_from["answers"] in answer_sets  # drafted from the answers the plan used
        details = telework.ProposalDetails.from_mapping(made_from["details"])
        proposal = telework.draft_proposal(made_from["answers"], details)
        assert details.name in text
        for title in [proposal.title, *(s.title for s in proposal.sections if s.title)]:
            assert title in text, f"proposal section {title!r} is not shown"


def test_rehearsal_notebook_shows_live_cards_and_the_sheet_of_its_replies(
    executed: Callable[[str], Executed],
) -> None:
    notebook, answer_sets, _ = executed("rehearse")
    views = [
        o for c in notebook.cells for o in c.get("outputs", []) if WIDGET_VIEW in o.get("data", {})
    ]
    assert len(views) == 2  # the planner, then the cards
    text = shown_text(notebook)
    for question in telework.rehearsal(answer_sets[0]):
        assert question.prompt in text, f"question {question.id!r} is not shown"
    assert "[x] offers regular status reports" in text  # the typed replies' sheet
    assert "I connect only through the company VPN, on the laptop IT gave me." in text
    assert "unknown element “charm”" in text
    assert "Questions you may have" in text  # the prepared points in the proposal


def test_trial_notebook_shows_the_sample_summary_and_its_charts(
    executed: Callable[[str], Executed],
) -> None:
    notebook = executed("review-your-trial").notebook
    text = shown_text(notebook)
    # the shipped sample: Tuesdays and Thursdays at home for six weeks from 2 March 2026,
    # with no entry on 18 and 26 March, nor over Easter (3 and 6 April)
    assert "Days logged: 11 at home, 15 at the office." in text
    assert "2026-03-18, 2026-03-26, 2026-04-03, 2026-04-06" in text
    assert "Internet down for 40 minutes" in text  # a day's note
    charts = [
        o for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})
    ]
    assert len(charts) == 2
