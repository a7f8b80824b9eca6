"""``telework rehearse``: practise the employer's questions and print a prep sheet.

On a terminal it asks the planner's questions (unless answers are given), then each
rehearsal question in turn; ``--replies FILE`` takes the replies from a file instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .model import EmployerQuestion
from .render import SHEET_RENDERERS
from .replies import REPLY_LIMIT
from .select import prep_sheet, rehearsal

REPLY_PROMPT = "Your reply (an empty line ends it; Enter at once to skip):"


def add_parser(commands: Any) -> None:
    """Add the ``rehearse`` subcommand to the command line's subparsers."""
    parser = commands.add_parser(
        "rehearse",
        help="rehearse the questions your employer may ask",
        description="Rehearse the conversation: the questions an employer may ask someone in "
        "your situation, your replies and which marks of a strong answer they cover, printed "
        "as a prep sheet. With no replies file on a terminal, asks each question in turn.",
    )
    given = parser.add_mutually_exclusive_group()
    given.add_argument("--answer", "-a", action="append", default=[], metavar="QUESTION=OPTION")
    given.add_argument(
        "--answers", type=Path, metavar="FILE", help="answers in a .json or .toml file"
    )
    parser.add_argument(
        "--replies",
        type=Path,
        metavar="FILE",
        help="replies in a .json or .toml file: question id = {reply, covered = [element ids]}",
    )
    parser.add_argument("--format", choices=tuple(SHEET_RENDERERS), default="text")


def run(args: argparse.Namespace) -> str:
    """The prep sheet for the command's arguments, in the chosen format."""
    import sys

    from ..cli import _answers  # the plan command's own reader of answers
    from ..datafile import read_data_file

    answers = _answers(args)
    if args.replies is not None:
        replies = read_data_file(args.replies, "replies")
    elif sys.stdin.isatty():
        replies = ask_replies(rehearsal(answers), sys.stdin, sys.stdout)
    else:
        replies = {}
    return SHEET_RENDERERS[args.format](prep_sheet(answers, replies))


def ask_replies(
    questions: tuple[EmployerQuestion, ...], stdin: TextIO, stdout: TextIO
) -> dict[str, dict[str, Any]]:
    """Ask each question in turn: the reply, then which elements it covers."""
    replies: dict[str, dict[str, Any]] = {}
    for number, question in enumerate(questions, 1):
        print(f"\n{number}/{len(questions)}. {question.prompt}", file=stdout)
        print("  A strong reply:", file=stdout)
        for index, element in enumerate(question.elements, 1):
            print(f"    {index}. {element.text}", file=stdout)
        print(f"  {REPLY_PROMPT}", file=stdout)
        lines: list[str] = []
        while sum(map(len, lines)) <= REPLY_LIMIT:
            line = stdin.readline()
            if not line.strip():
                break
            lines.append(line.rstrip("\n"))
        if not lines:
            continue
        text = "\n".join(lines)[:REPLY_LIMIT]
        covered = _ask_covered(question, stdin, stdout)
        replies[question.id] = {"reply": text, "covered": covered}
    return replies


def _ask_covered(question: EmployerQuestion, stdin: TextIO, stdout: TextIO) -> list[str]:
    count = len(question.elements)
    while True:
        stdout.write(f"  Which of 1-{count} does it cover? (numbers, e.g. 1 3; Enter for none): ")
        stdout.flush()
        words = stdin.readline().replace(",", " ").split()
        if all(w.isascii() and w.isdigit() and 1 <= int(w) <= count for w in words):
            return [question.elements[int(w) - 1].id for w in words]
        print(f"  Please enter numbers from 1 to {count}.", file=stdout)
