import importlib
from pathlib import Path
from types import ModuleType

import pytest
from guide_data import write_guide

import telework
from telework import DataError
from telework.loader import load_guide


def test_packaged_guide_loads_with_every_part() -> None:
    guide = load_guide()
    assert {q.id for q in guide.questions} >= {"situation", "motive", "stage", "maybe_offer"}
    assert len(guide.items) >= 50
    assert {s.id for s in guide.sources} == {
        "recruiter-qa",
        "advice-column",
        "persuade-employer",
        "negotiate-home",
    }
    assert load_guide() is load_guide(), "the default guide is cached"


def test_an_unedited_copy_loads_like_the_packaged_guide(tmp_path: Path) -> None:
    copy = load_guide(write_guide(tmp_path))
    assert copy.items == load_guide().items


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            {
                "checklist": (
                    'when = { situation = ["interviewing"], motive = ["need"] }',
                    'when = { situaton = ["interviewing"], motive = ["need"] }',
                )
            },
            "checklist.toml: item 'raise-early'.when: unknown question 'situaton'; allowed: situ",
        ),
        (
            {"checklist": ('motive = ["need"] }', 'motive = ["needs"] }')},
            "item 'raise-early'.when: question 'motive' has no option 'needs'; allowed: need, want",
        ),
        (
            {"checklist": ('id = "raise-later"', 'id = "raise-early"')},
            "duplicate item id 'raise-early'",
        ),
        (
            {
                "checklist": (
                    'sources = ["recruiter-qa"]\nlink = "job-search/need-or-want#raise',
                    'sources = ["recruiter"]\nlink = "job-search/need-or-want#raise',
                )
            },
            "('raise-early'): unknown source 'recruiter'; allowed: recruiter-qa,",
        ),
        (
            {"checklist": ('section = "timing"', 'section = "timings"')},
            "item 'raise-early': unknown section 'timings'; allowed: prepare,",
        ),
        (
            {"checklist": ('conflicts = ["maybe-extra-work"]', 'conflicts = ["maybe-extra"]')},
            "item 'maybe-pay-cut': conflicts with unknown item 'maybe-extra'",
        ),
        (
            {
                "checklist": (
                    'link = "job-search/need-or-want#raise-it-early"',
                    'link = "job-search/need-or-want"',
                )
            },
            "link 'job-search/need-or-want' must look like 'docname#label'",
        ),
        (
            {"checklist": ('id = "raise-early"\n', 'id = "raise-early"\ncolour = "red"\n')},
            "('raise-early'): unknown field(s) 'colour'",
        ),
        (
            {"checklist": ('conflicts = ["maybe-extra-work"]', 'conflicts = ["maybe-pay-cut"]')},
            "item 'maybe-pay-cut': conflicts with itself",
        ),
        (
            {
                "checklist": (
                    'motive = ["want"], not = { demand = ["ordinary"], field = ["crowded"] } }',
                    'motive = ["want"] }',
                )
            },
            "items 'raise-later' and 'wait-until-earned' are declared in conflict but both show",
        ),
        (
            {"checklist": ('phase = "ask"', 'phase = "later"')},
            "section 'framing': unknown phase 'later'; allowed: now, ask, after, mind",
        ),
        (
            {"checklist": ('section = "after-no" }]', 'section = "after-nope" }]')},
            ".moves[0]: unknown section 'after-nope'; allowed: prepare,",
        ),
        (
            {"checklist": ('moves = [{ when = { stage = ["yes"] }, section', "moves = [{ section")},
            ".moves[0]: missing field 'when'",
        ),
        (
            {"checklist": ("sources = []\n", "")},
            "('yes-confirm-terms'): missing field 'sources' ([] marks the book's own suggestion)",
        ),
        (
            {
                "checklist": (
                    'unless = { stage = ["yes", "no", "maybe"] }',
                    'unless = { stag = ["yes"] }',
                )
            },
            "phase 'now'.unless: unknown question 'stag'",
        ),
        (
            {"questions": ('applies = { stage = ["maybe"] }', 'applies = { stage = "maybe" }')},
            "question 'stage' takes a non-empty list of option ids",
        ),
        (
            {
                "questions": (
                    'applies = { situation = ["current"] }\noptions = [\n    { id = "established"',
                    'applies = { stage = ["yes"] }\noptions = [\n    { id = "established"',
                )
            },
            "question 'trust'.applies: may only depend on questions asked before it, not 'stage'",
        ),
        (
            {"sources": ('short = "Ask A Recruiter"\n', "")},
            "sources.toml: sources[0] ('recruiter-qa'): missing field 'short'",
        ),
        (
            {"checklist": ("[[sections]]", "[[sections]\n")},
            "checklist.toml: not valid TOML",
        ),
    ],
)
def test_bad_data_fails_at_load_naming_file_entry_and_problem(
    tmp_path: Path, edit: dict[str, tuple[str, str]], message: str
) -> None:
    with pytest.raises(DataError) as raised:
        load_guide(write_guide(tmp_path, **edit))
    assert message in str(raised.value)


def test_a_missing_data_file_is_named(tmp_path: Path) -> None:
    write_guide(tmp_path)
    (tmp_path / "sources.toml").unlink()
    with pytest.raises(DataError, match=r"sources\.toml: file not found"):
        load_guide(tmp_path)


def test_lookups_of_unknown_ids_name_the_allowed_ones() -> None:
    guide = telework.load_guide()
    with pytest.raises(
        telework.TeleworkError,
        match="unknown item 'nope'; allowed: elsewhere-find-roles, check-job-fit",
    ):
        guide.item("nope")
    with pytest.raises(telework.TeleworkError, match="has no option 'x'; allowed: need, want"):
        guide.question("motive").label("x")


def test_every_public_name_is_listed_and_importable_on_first_use() -> None:
    import subprocess
    import sys

    lazy = set(telework._HOME_OF)
    assert set(telework.__all__) == lazy | {"AnswerError", "DataError", "TeleworkError"}
    for module in ("answers", "explain", "engine", "render", "proposal"):
        importlib.import_module(f"telework.{module}")  # must not shadow any public name
    for name in telework.__all__:
        assert not isinstance(getattr(telework, name), ModuleType), name
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        telework.nothing  # noqa: B018
    script = "import sys, telework; print(sorted(m for m in sys.modules if 'telework.' in m))"
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert loaded.stdout.strip() == "['telework.errors']", "import telework loads only errors"
