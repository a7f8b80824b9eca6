import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import telework


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "telework", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_questions_lists_every_question_as_text_or_json() -> None:
    text = run("questions")
    assert text.returncode == 0
    assert "situation: Where do you stand?" in text.stdout
    data = json.loads(run("questions", "--format", "json").stdout)
    assert [q["id"] for q in data] == [q.id for q in telework.load_guide().questions]
    assert data[0]["options"][0] == {"id": "interviewing", "label": data[0]["options"][0]["label"]}


@pytest.mark.parametrize("fmt", ["md", "html", "json", "text"])
def test_plan_prints_the_engines_checklist_in_each_format(fmt: str) -> None:
    answers = {"situation": "current", "stage": "no"}
    args = [arg for k, v in answers.items() for arg in ("--answer", f"{k}={v}")]
    result = run("plan", *args, "--format", fmt)
    assert result.returncode == 0, result.stderr
    checklist = telework.plan(answers)
    expected = {
        "md": telework.render_markdown(checklist),
        "html": telework.render_html(checklist) + "\n",
        "json": telework.render_json(checklist),
        "text": telework.render_text(checklist),
    }[fmt]
    assert result.stdout == expected


def test_plan_reads_answers_from_json_and_toml_files(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"situation": "interviewing", "motive": "need"}')
    (tmp_path / "a.toml").write_text('situation = "interviewing"\nmotive = "need"\n')
    outputs = [
        run("plan", "--answers", str(tmp_path / name), "--format", "json").stdout
        for name in ("a.json", "a.toml")
    ]
    assert outputs[0] == outputs[1]
    assert "raise-early" in [
        i["id"] for s in json.loads(outputs[0])["sections"] for i in s["items"]
    ]


def test_plan_reads_back_its_own_json_output(tmp_path: Path) -> None:
    saved = run("plan", "-a", "situation=current", "-a", "stage=yes", "--format", "json").stdout
    (tmp_path / "plan.json").write_text(saved)
    again = run("plan", "--answers", str(tmp_path / "plan.json"), "--format", "json").stdout
    assert again == saved


@pytest.mark.parametrize(
    ("args", "files", "message"),
    [
        (
            ["plan", "-a", "situation=boss"],
            {},
            "unknown option “boss”; allowed: interviewing, elsewhere, current",
        ),
        (["plan", "-a", "mood=good"], {}, "unknown question “mood”; allowed: situation"),
        (["plan", "-a", "situation"], {}, "--answer “situation” must look like QUESTION=OPTION"),
        (["plan", "-a", "trust=new"], {}, "question 'trust' is not asked for these answers"),
        (["plan", "--answers", "missing.json"], {}, "cannot read answers file “missing.json”"),
        (["plan", "--answers", "bad.json"], {"bad.json": "{situation"}, "is not valid json"),
        (["plan", "--answers", "bad.toml"], {"bad.toml": "situation = "}, "is not valid toml"),
        (
            ["plan", "--answers", "list.json"],
            {"list.json": "[1, 2]"},
            "must hold an object of question = option pairs",
        ),
        (["plan", "--answers", "a.yaml"], {"a.yaml": "x: y"}, "must end in .json or .toml"),
        (
            ["plan", "--answers", "n.json"],
            {"n.json": '{"situation": 3}'},
            "an option id (a string) is needed, not an int",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_problem(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    files: dict[str, str],
    message: str,
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_format_is_refused_by_the_parser_with_the_allowed_ones() -> None:
    result = run("plan", "--format", "pdf")
    assert result.returncode == 2
    assert "invalid choice: 'pdf'" in result.stderr and "'md'" in result.stderr


def test_usage_errors_are_one_line_pointing_to_the_commands_help() -> None:
    result = run("proposal", "--days", "2", "--full-time")
    assert result.returncode == 2
    assert result.stderr == (
        "telework: error: argument --full-time: not allowed with argument --days; "
        "see `telework proposal --help`\n"
    )


def test_version_prints_the_version_in_pyproject() -> None:
    import tomllib

    pyproject = Path(__file__).parent.parent / "pyproject.toml"
    version = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"telework {version}\n")


def test_help_states_the_limits_on_answers_and_details_files() -> None:
    for command in ("plan", "proposal"):
        help_text = " ".join(run(command, "--help").stdout.split())
        assert "a regular .json or .toml file of at most 1 MB" in help_text


def run_writing_to(stdout: object, *args: str, **options: object) -> tuple[int, str]:
    """Exit status and standard error of the command with its output sent to `stdout`."""
    result = subprocess.run(
        [sys.executable, "-m", "telework", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        **options,
    )
    return result.returncode, result.stderr


NO_SPACE = "telework: error: cannot write the output: No space left on device\n"
needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


def test_a_closed_pipe_ends_the_command_quietly() -> None:
    """As `telework questions | head -1` does once head has read its line."""
    reader, writer = os.pipe()
    os.close(reader)  # closed before the command writes: every write fails
    assert run_writing_to(writer, "questions") == (141, "")
    os.close(writer)


@needs_dev_full
def test_a_full_disk_is_one_line_and_exit_status_1() -> None:
    with open("/dev/full", "w") as full:
        assert run_writing_to(full, "plan", "--format", "html") == (1, NO_SPACE)


@needs_dev_full
def test_help_that_cannot_be_written_is_not_reported_as_done() -> None:
    with open("/dev/full", "w") as full:
        assert run_writing_to(full, "--help") == (1, NO_SPACE)


def test_a_closed_standard_output_is_one_line_and_exit_status_1() -> None:
    closed = "telework: error: cannot write the output: standard output is closed\n"
    assert run_writing_to(None, "questions", preexec_fn=lambda: os.close(1)) == (1, closed)


def test_without_answers_and_without_a_terminal_the_default_plan_is_printed() -> None:
    result = run("plan", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["refine"][0] == "situation"


def test_interactive_questions_ask_only_what_applies() -> None:
    from telework.cli import ask

    # For a current employee the questions come in this order; a blank line skips one.
    asked = [
        "situation",
        "trust",
        "job_fit",
        "sensitive_data",
        "employer_experience",
        "arrangement",
        "home_setup",
        "experience",
        "stage",
        "maybe_offer",
    ]
    replies = {"situation": "7\n\u00b2\n3", "stage": "3", "maybe_offer": "pay"}
    script = "".join(replies.get(q, "") + "\n" for q in asked)
    out = io.StringIO()
    result = ask(telework.load_guide(), io.StringIO(script), out)
    assert result == {"situation": "current", "stage": "maybe", "maybe_offer": "pay"}
    shown = out.getvalue()
    assert "Please enter a number from 1 to 3." in shown
    assert "How established are you with your employer?" in shown
    assert "Is working from home a need or a want?" not in shown
    assert shown.count("Choose a number") == len(asked) + 2  # "7" and "\u00b2" asked again


def test_interactive_questions_stop_cleanly_at_end_of_input() -> None:
    from telework.cli import ask

    assert ask(telework.load_guide(), io.StringIO("1\n"), io.StringIO()) == {
        "situation": "interviewing"
    }
