"""The bad-input corpus (tests/bad_inputs/): every case once crashed, flooded or guessed."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import telework
import telework.errors
import telework.proposal
import telework.proposal.web

CORPUS = Path(__file__).parent / "bad_inputs"
LIBRARY = tomllib.loads((CORPUS / "library.toml").read_text(encoding="utf-8"))["call"]
CLI = tomllib.loads((CORPUS / "cli.toml").read_text(encoding="utf-8"))["case"]
NINES = "9" * 5000


def expand(value: Any) -> Any:
    """A corpus value with its "$…" stand-ins replaced by what TOML cannot hold."""
    if isinstance(value, dict):
        return {expand(key): expand(item) for key, item in value.items()}
    if isinstance(value, list):
        return [expand(item) for item in value]
    if not (isinstance(value, str) and value.startswith("$")):
        return value
    kind, _, count = value[1:].partition(":")
    made: dict[str, Any] = {
        "none": lambda: None,
        "checklist": lambda: telework.plan({"situation": "current"}),
        "proposal": lambda: telework.draft_proposal({}, {"name": "Sam"}),
        "file": lambda: __file__,
        "digits": lambda: "9" * int(count),
        "power": lambda: 10 ** int(count),
        "x": lambda: "x" * int(count),
    }
    return made[kind]()


def one_short_line(message: str) -> bool:
    return "\n" not in message and len(message) <= 300


@pytest.mark.parametrize(
    "case", LIBRARY, ids=[f"{c['function']}-{i}" for i, c in enumerate(LIBRARY)]
)
def test_bad_library_arguments_raise_the_librarys_error_in_one_short_line(
    case: dict[str, Any],
) -> None:
    function = getattr(telework, case["function"])
    error = getattr(telework.errors, case["error"], None) or getattr(telework, case["error"])
    with pytest.raises(error) as raised:
        function(*expand(case["args"]), **expand(case.get("kwargs", {})))
    message = str(raised.value)
    assert one_short_line(message), message[:400]
    for fragment in case["says"]:
        assert fragment in message


DETAILS_CASES = [c for c in LIBRARY if c["error"] == "DetailsError"]


@pytest.mark.parametrize("case", DETAILS_CASES, ids=[str(i) for i in range(len(DETAILS_CASES))])
def test_the_proposal_pages_entry_point_reports_the_same_details_without_raising(
    case: dict[str, Any],
) -> None:
    answers, details = expand(case["args"])
    result = telework.proposal.web.respond(answers, details)
    shown = [f"{error['field']}: {error['message']}" for error in result["errors"]]
    assert len(shown) == 1 and one_short_line(shown[0])
    for fragment in case["says"]:
        assert fragment in shown[0]
    assert result["html"].startswith('<article class="tw-proposal">')


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "telework", *args], capture_output=True, text=True, timeout=60
    )


def assert_one_line_usage_error(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stdout == ""
    assert result.stderr.startswith("telework: error: ")
    assert result.stderr.count("\n") == 1 and len(result.stderr) <= 400, result.stderr[:500]


@pytest.mark.parametrize("case", CLI, ids=[" ".join(c["args"])[:60] for c in CLI])
def test_bad_command_line_input_exits_2_with_one_line(case: dict[str, Any], tmp_path: Path) -> None:
    make = case.get("make")
    if make:
        text = make.get("head", "") + make["body"] * make["times"] + make.get("tail", "")
        (tmp_path / make["name"]).write_text(text, encoding="utf-8")
    places = {"{files}": str(CORPUS / "files"), "{tmp}": str(tmp_path), "{nines}": NINES}
    args = list(case["args"])
    for place, path in places.items():
        args = [arg.replace(place, path) for arg in args]
    result = run(args)
    assert_one_line_usage_error(result)
    for fragment in case["says"]:
        assert fragment in result.stderr


def test_20_levels_of_nesting_are_read(tmp_path: Path) -> None:
    """The depth limit is not off by one: the 21-level case above fails, 20 levels are read."""
    answers = tmp_path / "deep-20.json"
    answers.write_text('{"a": ' + "[" * 19 + "]" * 19 + "}", encoding="utf-8")
    result = run(["plan", "--answers", str(answers)])
    assert_one_line_usage_error(result)
    assert "unknown question “a”" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "answers.json"
    os.mkfifo(pipe)  # opening it for reading in the ordinary way would wait for a writer
    result = run(["plan", "--answers", str(pipe)])
    assert_one_line_usage_error(result)
    assert "is not a regular file" in result.stderr


def test_a_folder_named_like_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "details.json").mkdir()
    result = run(["proposal", "--name", "Sam", "--details", str(tmp_path / "details.json")])
    assert_one_line_usage_error(result)
    assert "is not a regular file" in result.stderr
