"""`telework rehearse`: the sheet from files, questions asked in turn, and bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from telework.rehearse import SHEET_RENDERERS, prep_sheet, rehearsal
from telework.rehearse.cli import ask_replies


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "telework", "rehearse", *args],
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )


ANSWERS = {"situation": "current", "stage": "maybe", "sensitive_data": "yes"}
REPLIES = {
    "data-safe": {
        "reply": "Only over the VPN, on the company laptop.",
        "covered": ["secure-access"],
    },
    "in-return": {"reply": "One extra report a week.", "covered": ["one-offer"]},
}


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_answers_and_replies_from_files_print_the_sheet_in_each_format(
    tmp_path: Path, fmt: str
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    replies = tmp_path / "replies.toml"
    replies.write_text(
        '[data-safe]\nreply = "Only over the VPN, on the company laptop."\n'
        'covered = ["secure-access"]\n\n'
        '[in-return]\nreply = "One extra report a week."\ncovered = ["one-offer"]\n',
        encoding="utf-8",
    )
    result = run("--answers", str(answers), "--replies", str(replies), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert result.stdout == SHEET_RENDERERS[fmt](prep_sheet(ANSWERS, REPLIES))
    assert "Only over the VPN, on the company laptop." in result.stdout


def test_without_replies_or_a_terminal_the_sheet_lists_the_questions_unanswered() -> None:
    result = run("--answer", "situation=interviewing")
    assert result.returncode == 0, result.stderr
    assert "Would you still take this job if it meant coming to the office" in result.stdout
    assert "No reply prepared yet." in result.stdout
    assert "0 of 3 covered" in result.stdout


def test_on_a_terminal_each_question_is_asked_and_the_reply_recorded() -> None:
    questions = rehearsal({"situation": "interviewing"})
    first, second = questions[0], questions[1]
    # first: two lines, then elements 1 and 3 (after one bad try); second: skipped
    stdin = io.StringIO("I live far from the office.\nThe work is all online.\n\n9\n1, 3\n\n")
    stdout = io.StringIO()
    replies = ask_replies(questions[:2], stdin, stdout)
    assert replies == {
        first.id: {
            "reply": "I live far from the office.\nThe work is all online.",
            "covered": [first.elements[0].id, first.elements[2].id],
        }
    }
    shown = stdout.getvalue()
    assert f"1/2. {first.prompt}" in shown and f"2/2. {second.prompt}" in shown
    assert "Please enter numbers from 1 to 3." in shown
    for element in first.elements:
        assert element.text in shown


@pytest.mark.parametrize(
    ("replies", "expected"),
    [
        ('{"why": "x"}', "unknown question “why”; allowed: why-remote"),
        ('{"work-done": {"covered": ["nope"]}}', "unknown element “nope”; allowed: visible-result"),
        ('{"work-done": {"reply": "a\\u001bb"}}', "control character (U+001B)"),
        ('["a list"]', "replies must be a mapping of question id to a reply, not list"),
        ("{not json", "is not valid json"),
    ],
)
def test_bad_replies_exit_2_with_one_line_naming_the_problem(
    tmp_path: Path, replies: str, expected: str
) -> None:
    path = tmp_path / "replies.json"
    path.write_text(replies, encoding="utf-8")
    result = run("--replies", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("telework: error: ")
    assert expected in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--answer", "stage=maybe"], "question 'stage' is not asked for these answers"),
        (["--answer", "situation"], "must look like QUESTION=OPTION"),
        (["--replies", "missing.json"], "cannot read replies file “missing.json”"),
        (["--format", "pdf"], "invalid choice: 'pdf'"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
