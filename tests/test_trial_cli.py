"""``telework log``: start, add, summary and calendar; bad input is one line and exit 2."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from telework.cli import main

START = ["log", "start", "--start", "2026-03-02", "--weeks", "2", "--review", "2026-03-20",
         "--home-days", "tue thu", "--measures", "meetings", "--revisit", "2026-06-01"]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def log_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "log.csv"
    assert run(capsys, *START, "--file", str(path))[0] == 0
    return path


def test_start_writes_the_trial_and_the_entries_header(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert log_file.read_bytes() == (
        b"start,weeks,review,home_days,measures,agreed,revisit\r\n"
        b"2026-03-02,2,2026-03-20,tue thu,meetings,,2026-06-01\r\n"
        b"date,place,delivered,response_hours,hours_available,meetings,notes\r\n"
    )
    status, _, err = run(capsys, *START, "--file", str(log_file))
    assert status == 2 and "already exists" in err


def test_add_appends_one_line_and_keeps_the_file_as_it_was(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = log_file.read_bytes()
    status, out, _ = run(capsys, "log", "add", "--file", str(log_file), "--date", "2026-03-03",
                         "--place", "home", "--delivered", "report, final; slides",
                         "--meetings", "2")  # fmt: skip
    assert status == 0 and out == f"Added 2026-03-03 (home) to {log_file}; it has 1 entry.\n"
    assert log_file.read_bytes() == before + b'2026-03-03,home,"report, final; slides",,,2,\r\n'


def test_summary_in_each_format(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for day, place, delivered in [("2026-03-02", "office", "a"), ("2026-03-03", "home", "a;b;c")]:
        run(capsys, "log", "add", "--file", str(log_file), "--date", day, "--place", place,
            "--delivered", delivered)  # fmt: skip
    args = ["log", "summary", "--file", str(log_file), "--today", "2026-03-04"]
    _, text, _ = run(capsys, *args)
    # deliverables: 3 at home, 1 at the office; Wednesday 4 March has no entry
    assert re.search(r"^Deliverables +3 +1$", text, re.MULTILINE)
    assert "Working days with no entry (1): 2026-03-04." in text
    assert "| Deliverables | 3 | 1 |" in run(capsys, *args, "--format", "md")[1]
    assert "<td>3</td><td>1</td>" in run(capsys, *args, "--format", "html")[1]


def test_calendar_prints_the_review_and_revisit(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "log", "calendar", "--file", str(log_file))
    assert status == 0 and out.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20260320" in out and "DTSTART;VALUE=DATE:20260601" in out


def test_add_defaults_to_today(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "log.csv"
    today = date.today().isoformat()
    run(capsys, "log", "start", "--file", str(path), "--start", today, "--weeks", "1",
        "--review", today)  # fmt: skip
    assert run(capsys, "log", "add", "--file", str(path), "--place", "office")[0] == 0
    assert path.read_bytes().endswith(f"\r\n{today},office,,,,,\r\n".encode())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--date", "2026-04-01", "--place", "home"], "--date: 2026-04-01 is outside the trial"),
        (["--date", "2026-03-03", "--place", "home", "--meetings", "-2"], "--meetings: “-2” is"),
        (["--date", "2026-03-03", "--place", "home", "--hours-available", "8"],
         "--hours-available: was not agreed"),
        (["--date", "3/3/2026", "--place", "home"], "--date: “3/3/2026” is not a date"),
    ],
)  # fmt: skip
def test_bad_entries_exit_2_with_one_line_and_leave_the_file_alone(
    log_file: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = log_file.read_bytes()
    status, out, err = run(capsys, "log", "add", "--file", str(log_file), *argv)
    assert (status, out) == (2, "")
    assert err.startswith(f"telework: error: {message}") and err.count("\n") == 1
    assert log_file.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist; start one with telework log start"),
        (b"\xff\xfe", "is not UTF-8 text"),
        (b"start,weeks\n", ": line 1: expected 7 columns"),
    ],
)
def test_bad_files_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "log.csv"
    if content is not None:
        path.write_bytes(content)
    status, _, err = run(capsys, "log", "summary", "--file", str(path))
    assert status == 2 and message in err and err.count("\n") == 1


def test_a_bad_trial_names_the_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trial = ["--start", "2026-03-02", "--weeks", "30", "--review", "2026-03-20"]
    status, _, err = run(capsys, "log", "start", "--file", str(tmp_path / "x.csv"), *trial)
    assert status == 2 and err.startswith("telework: error: --weeks: “30” is impossible")
    assert not (tmp_path / "x.csv").exists()
