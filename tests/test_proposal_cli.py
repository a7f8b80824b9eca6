"""`telework proposal` run as a real process: formats, details from a file, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import telework
from telework.render.proposal import PROPOSAL_RENDERERS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "telework", "proposal", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


ANSWERS = {"situation": "current", "stage": "maybe", "maybe_offer": "work", "sensitive_data": "yes"}
ANSWER_ARGS = [arg for key, value in ANSWERS.items() for arg in ("--answer", f"{key}={value}")]


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_each_format_prints_the_librarys_rendering_of_the_draft(fmt: str) -> None:
    result = run(
        *ANSWER_ARGS, "--name", "Sam", "--manager", "Alex", "--days", "2",
        "--trial-weeks", "4", "--review-date", "2026-05-04", "--format", fmt,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    details = {"name": "Sam", "manager": "Alex", "days": 2, "trial_weeks": 4}
    proposal = telework.draft_proposal(ANSWERS, {**details, "review_date": "2026-05-04"})
    assert result.stdout == PROPOSAL_RENDERERS[fmt](proposal)
    assert result.stderr == ""


def test_text_is_the_default_format() -> None:
    result = run("--name", "Sam")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Proposal: working from home\n=====")


def test_details_file_is_read_and_options_override_it(tmp_path: Path) -> None:
    details = tmp_path / "details.toml"
    details.write_text('name = "Sam"\nrole = "Analyst"\ndays = 3\n', encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    result = run("--answers", str(answers), "--details", str(details), "--full-time")
    assert result.returncode == 0, result.stderr
    assert "work from home full time," in result.stdout
    assert result.stdout.rstrip().endswith("Sam\n\nAnalyst")


def test_markup_in_the_details_comes_out_escaped_in_html() -> None:
    payload = "<script>alert(1)</script>"
    result = run("--name", payload, "--notes", '" onerror=alert(1) x="', "--format", "html")
    assert result.returncode == 0, result.stderr
    assert "<script>" not in result.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout
    assert "&quot; onerror=alert(1) x=&quot;" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], "--name: required (the name to sign with, 1 to 120 characters)"),
        (["--name", "x" * 121], "--name: too long (121 characters); at most 120 allowed"),
        (["--name", "S", "--notes", "n" * 2001], "--notes: too long (2001 characters)"),
        (["--name", "S", "--review-date", "4/5/26"],
         "--review-date: “4/5/26” is not a date; use YYYY-MM-DD"),
        (["--name", "S", "--review-date", "2026-13-01"],
         "--review-date: “2026-13-01” is not a real calendar date"),
        (["--name", "S", "--days", "7"],
         "--days: 7 is out of range; use a whole number of days a week from 1 to 5"),
        (["--name", "S", "--trial-weeks", "many"],
         "--trial-weeks: “many” is not a whole number; use a whole number of weeks from 1 to 26"),
        (["--name", "S", "--role", "a\x1b[2Jb"], "--role: contains a control character (U+001B)"),
        (["--name", "S", "--answer", "stage=later"],
         "answer to 'stage' (“Has the employer answered yet?”): unknown option “later”; allowed:"),
        (["--name", "S", "--answer", "stage"], "--answer “stage” must look like QUESTION=OPTION"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_one_line_naming_the_problem(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("telework: error: ")
    assert expected in result.stderr


def test_several_bad_details_are_all_reported_on_the_one_line() -> None:
    result = run("--name", "S", "--days", "0", "--trial-weeks", "0")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "--days: 0 is out of range" in result.stderr
    assert "--trial-weeks: 0 is out of range" in result.stderr


@pytest.mark.parametrize(
    ("content", "suffix", "expected"),
    [
        ('{"name": "S", "salary": 1}', ".json", "“salary”: unknown field; allowed: name, role"),
        ('{"name": "S", "days": 9}', ".json", "days: 9 is out of range"),
        ('["S"]', ".json", "must hold an object of fields"),
        ("{not json", ".json", "is not valid json"),
        ("name = ", ".toml", "is not valid toml"),
        ("name: S", ".yaml", "must end in .json or .toml"),
    ],
)
def test_bad_details_files_are_reported_by_their_keys(
    tmp_path: Path, content: str, suffix: str, expected: str
) -> None:
    details = tmp_path / f"details{suffix}"
    details.write_text(content, encoding="utf-8")
    result = run("--details", str(details))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert expected in result.stderr


def test_days_and_full_time_cannot_both_be_given() -> None:
    result = run("--name", "S", "--days", "2", "--full-time")
    assert result.returncode == 2
    assert "not allowed with argument" in result.stderr
