"""The ``telework`` command: list the questions, or turn answers into a plan."""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from .answers import applicable_questions, check_values
from .engine import plan
from .errors import TeleworkError
from .loader import load_guide
from .model import Checklist, Guide
from .render import render_html, render_json, render_markdown, render_text

RENDERERS: dict[str, Callable[[Checklist], str]] = {
    "md": render_markdown,
    "html": lambda checklist: render_html(checklist) + "\n",
    "json": render_json,
    "text": render_text,
}


class UsageError(TeleworkError):
    """Bad command-line input; reported in one line with exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="telework",
        description="Turn your situation into a personalised plan for asking to work from home.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    questions = commands.add_parser("questions", help="list the questions and their options")
    questions.add_argument("--format", choices=("text", "json"), default="text")

    plan_cmd = commands.add_parser(
        "plan",
        help="build your checklist from answers",
        description="Build your checklist. With no answers given on a terminal, asks the "
        "questions one by one.",
    )
    given = plan_cmd.add_mutually_exclusive_group()
    given.add_argument(
        "--answer",
        "-a",
        action="append",
        default=[],
        metavar="QUESTION=OPTION",
        help="one answer; repeat for more (see `telework questions`)",
    )
    given.add_argument(
        "--answers", type=Path, metavar="FILE", help="answers in a .json or .toml file"
    )
    plan_cmd.add_argument("--format", choices=tuple(RENDERERS), default="text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "questions":
            sys.stdout.write(_questions(load_guide(), args.format))
        else:
            sys.stdout.write(RENDERERS[args.format](plan(_answers(args))))
    except TeleworkError as error:
        print(f"telework: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    return 0


def _questions(guide: Guide, fmt: str) -> str:
    if fmt == "json":
        data = [
            {
                "id": q.id,
                "prompt": q.prompt,
                "help": q.help,
                "options": [{"id": o.id, "label": o.label} for o in q.options],
            }
            for q in guide.questions
        ]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    lines = []
    for q in guide.questions:
        lines.append(f"{q.id}: {q.prompt}")
        lines += [f"    {o.id:<12} {o.label}" for o in q.options]
    return "\n".join(lines) + "\n"


def _answers(args: argparse.Namespace) -> dict[str, str]:
    guide = load_guide()
    if args.answers is not None:
        return check_values(_read_answers_file(args.answers), guide)
    if args.answer:
        pairs: dict[str, str] = {}
        for text in args.answer:
            key, sep, value = text.partition("=")
            if not sep or not key.strip() or not value.strip():
                raise UsageError(
                    f"--answer {text!r} must look like QUESTION=OPTION, e.g. stage=maybe"
                )
            pairs[key.strip()] = value.strip()
        return check_values(pairs, guide)
    if sys.stdin.isatty():
        return ask(guide, sys.stdin, sys.stdout)
    return {}


def _read_answers_file(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read answers file {str(path)!r}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"answers file {str(path)!r} is not UTF-8 text") from None
    data: Any
    try:
        if path.suffix == ".toml":
            data = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            raise UsageError(f"answers file {str(path)!r} must end in .json or .toml")
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
        kind = path.suffix[1:]
        raise UsageError(f"answers file {str(path)!r} is not valid {kind}: {error}") from None
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = data["answers"]  # the output of `telework plan --format json`
    if not isinstance(data, dict):
        raise UsageError(
            f"answers file {str(path)!r} must hold an object of question = option pairs"
        )
    return data


def ask(guide: Guide, stdin: TextIO, stdout: TextIO) -> dict[str, str]:
    """Ask each question that applies, in order; a blank reply skips it."""
    answers: dict[str, str] = {}
    asked: set[str] = set()
    while True:
        pending = [q for q in applicable_questions(answers, guide) if q.id not in asked]
        if not pending:
            return answers
        question = pending[0]
        asked.add(question.id)
        print(f"\n{question.prompt}", file=stdout)
        if question.help:
            print(f"  ({question.help})", file=stdout)
        for number, option in enumerate(question.options, 1):
            print(f"  {number}. {option.label}", file=stdout)
        while True:
            stdout.write("Choose a number (Enter to skip): ")
            stdout.flush()
            reply = stdin.readline()
            if not reply:  # end of input
                return answers
            reply = reply.strip()
            if not reply:
                break
            if reply.isdigit() and 1 <= int(reply) <= len(question.options):
                answers[question.id] = question.options[int(reply) - 1].id
                break
            if reply in question.option_ids():
                answers[question.id] = reply
                break
            print(f"  Please enter a number from 1 to {len(question.options)}.", file=stdout)
