"""The ``telework`` command: list the questions, or turn answers into a plan."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from . import __version__
from .answers import check_answers
from .datafile import LIMITS, read_data_file
from .engine import applicable_questions, plan
from .errors import TeleworkError, UsageError, printable, quote
from .loader import load_guide
from .model import Checklist, Guide
from .proposal import DETAIL_FIELDS, DetailsError, Proposal, draft_proposal
from .rehearse import cli as rehearse
from .render import render_html, render_json, render_markdown, render_text
from .render.proposal import PROPOSAL_RENDERERS
from .trial import cli as log_cli

RENDERERS: dict[str, Callable[[Checklist], str]] = {
    "md": render_markdown,
    "html": lambda checklist: render_html(checklist) + "\n",
    "json": render_json,
    "text": render_text,
}

USAGE_LIMIT = 300
"""The longest usage error printed, in characters (it may repeat what was typed)."""
BROKEN_PIPE = 141
"""The exit status of a command whose reader closed the pipe (128 + SIGPIPE), as Unix tools."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line pointing to --help."""

    def error(self, message: str) -> NoReturn:
        where = f"see `{self.prog} --help`"
        self.exit(2, f"telework: error: {printable(message, USAGE_LIMIT)}; {where}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="telework",
        description="Turn your situation into a personalised plan for asking to work from home.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
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
    given.add_argument("--answers", type=Path, metavar="FILE", help=f"answers in {LIMITS}")
    plan_cmd.add_argument("--format", choices=tuple(RENDERERS), default="text")

    proposal = commands.add_parser(
        "proposal",
        help="draft a written proposal to your employer",
        description="Draft a written proposal to work from home from your answers and a few "
        "details. Options override the same fields of --details.",
    )
    given = proposal.add_mutually_exclusive_group()
    given.add_argument("--answer", "-a", action="append", default=[], metavar="QUESTION=OPTION")
    given.add_argument("--answers", type=Path, metavar="FILE", help=f"answers in {LIMITS}")
    proposal.add_argument(
        "--details", type=Path, metavar="FILE", help=f"the details below in {LIMITS}"
    )
    proposal.add_argument("--name", help="the name you sign with (required)")
    proposal.add_argument("--role", help="your job title")
    proposal.add_argument("--manager", help="the name of the person you write to")
    days = proposal.add_mutually_exclusive_group()
    days.add_argument("--days", metavar="N", help="days a week at home, 1 to 5")
    days.add_argument("--full-time", action="store_true", help="work from home full time")
    proposal.add_argument("--trial-weeks", metavar="N", help="length of the trial, 1 to 26")
    proposal.add_argument("--review-date", metavar="YYYY-MM-DD", help="when to review the trial")
    proposal.add_argument("--notes", help="anything else to include, in your own words")
    proposal.add_argument("--format", choices=tuple(PROPOSAL_RENDERERS), default="text")
    rehearse.add_parser(commands)
    log_cli.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status: 0, 1 (output failed) or 2 (bad input)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # after --help, --version or a usage error
        return _write("") or (done.code if isinstance(done.code, int) else 2)
    try:
        text = _output(args)
    except TeleworkError as error:
        return _fail(str(error), 2)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    return _write(text)


def _write(text: str) -> int:
    """Print `text`; a closed pipe ends quietly, any other failure is one line with status 1."""
    if sys.stdout is None:  # started with standard output closed
        return _fail("cannot write the output: standard output is closed", 1)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader has gone, as `| head` does: end quietly
        _discard_output()
        return BROKEN_PIPE
    except OSError as error:  # a full disk, a closed terminal, …
        _discard_output()
        return _fail(f"cannot write the output: {error.strerror}", 1)
    return 0


def _output(args: argparse.Namespace) -> str:
    if args.command == "questions":
        return _questions(load_guide(), args.format)
    if args.command == "proposal":
        return PROPOSAL_RENDERERS[args.format](_proposal(args))
    if args.command == "rehearse":
        return rehearse.run(args)
    if args.command == "log":
        return log_cli.run(args)
    return RENDERERS[args.format](plan(_answers(args)))


def _fail(message: str, status: int) -> int:
    print(f"telework: error: {message}", file=sys.stderr)
    return status


def _discard_output() -> None:
    """Point standard output at the null device, so the text left unwritten is dropped at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


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
        return check_answers(_read_answers_file(args.answers), guide)
    if args.answer:
        pairs: dict[str, str] = {}
        for text in args.answer:
            key, sep, value = (part.strip() for part in text.partition("="))
            if not sep or not key or not value:
                raise UsageError(
                    f"--answer {quote(text)} must look like QUESTION=OPTION, e.g. stage=maybe"
                )
            if pairs.setdefault(key, value) != value:
                raise UsageError(
                    f"--answer {quote(key)} is given twice, as {quote(pairs[key])} and "
                    f"{quote(value)}; give one"
                )
            pairs[key.strip()] = value.strip()
        return check_answers(pairs, guide)
    if sys.stdin.isatty():
        return ask(guide, sys.stdin, sys.stdout)
    return {}


def _read_answers_file(path: Path) -> object:
    data = read_data_file(path, "answers")
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = data["answers"]  # the output of `telework plan --format json`
    if not isinstance(data, dict):
        raise UsageError(
            f"answers file {quote(str(path))} must hold an object of question = option pairs"
        )
    return data


def _proposal(args: argparse.Namespace) -> Proposal:
    """Draft the proposal; a bad detail is reported by its option, or its key in --details."""
    raw: dict[str, object] = {}
    if args.details is not None:
        data = read_data_file(args.details, "details")
        if not isinstance(data, dict):
            raise UsageError(
                f"details file {quote(str(args.details))} must hold an object of fields"
            )
        raw.update(data)
    options = {name: getattr(args, name) for name in DETAIL_FIELDS}
    if args.full_time:
        options["days"] = "full-time"
    options = {name: value for name, value in options.items() if value is not None}
    raw.update(options)
    try:
        return draft_proposal(_answers(args), raw)
    except DetailsError as error:
        where = {name: f"--{name.replace('_', '-')}" for name in options}
        if "name" not in raw:
            where["name"] = "--name"
        raise UsageError(
            "; ".join(f"{where.get(name, name)}: {message}" for name, message in error.problems)
        ) from None


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
            if reply.isascii() and reply.isdigit() and 1 <= int(reply) <= len(question.options):
                answers[question.id] = question.options[int(reply) - 1].id
                break
            if reply in question.option_ids():
                answers[question.id] = reply
                break
            print(f"  Please enter a number from 1 to {len(question.options)}.", file=stdout)
