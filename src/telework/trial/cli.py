"""``telework log``: start a trial's log, add a day, see the summary, export the calendar."""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from .calendar import render_trial_calendar
from .csvfile import MAX_CHARACTERS, entry_to_csv, log_from_csv, log_to_csv
from .model import ENTRY_FIELDS, MEASURES, PLACES, TRIAL_FIELDS, WEEKDAYS, Entry, Trial, TrialLog
from .render import render_summary_html, render_summary_markdown, render_summary_text
from .summary import summarise
from .values import DATE_FORMAT, TrialError, read_date

SUMMARY_RENDERERS = {
    "md": render_summary_markdown,
    "html": lambda summary: render_summary_html(summary) + "\n",
    "text": render_summary_text,
}


def add_parser(commands: Any) -> None:
    """Add ``log`` and its subcommands to the ``telework`` command's subparsers."""
    log = commands.add_parser(
        "log",
        help="keep a log of a work-from-home trial and summarise it for the review",
        description="Keep a log of a work-from-home trial in a CSV file a spreadsheet can open.",
    )
    actions = log.add_subparsers(dest="log_command", required=True, metavar="ACTION")

    start = actions.add_parser("start", help="start a new log for a trial")
    _file(start)
    start.add_argument("--start", required=True, metavar=DATE_FORMAT, help="the trial's first day")
    start.add_argument("--weeks", required=True, metavar="N", help="the trial's length in weeks")
    start.add_argument("--review", required=True, metavar=DATE_FORMAT, help="the review's date")
    start.add_argument(
        "--home-days",
        default="",
        metavar="DAYS",
        help=f"the days at home, e.g. 'tue thu' ({' '.join(WEEKDAYS)})",
    )
    start.add_argument(
        "--measures",
        default="",
        metavar="MEASURES",
        help=f"what was agreed to measure, from: {' '.join(MEASURES)}",
    )
    start.add_argument("--agreed", default="", help="what was agreed, in your words")
    start.add_argument(
        "--revisit", default="", metavar=DATE_FORMAT, help="when to ask again if the answer is no"
    )

    add = actions.add_parser("add", help="add one day's entry to the log")
    _file(add)
    add.add_argument("--date", default=None, metavar=DATE_FORMAT, help="the day (default: today)")
    add.add_argument("--place", required=True, choices=PLACES)
    add.add_argument(
        "--delivered", default="", help="what you finished, items separated by semicolons"
    )
    for measure in MEASURES.values():
        add.add_argument(f"--{measure.id.replace('_', '-')}", metavar="N", help=measure.label)
    add.add_argument("--notes", default="")

    summary = actions.add_parser("summary", help="summarise the log for the review")
    _file(summary)
    summary.add_argument("--format", choices=tuple(SUMMARY_RENDERERS), default="text")
    summary.add_argument("--today", metavar=DATE_FORMAT, help="count days up to this one")

    calendar = actions.add_parser("calendar", help="the review and revisit dates as .ics")
    _file(calendar)


def run(args: argparse.Namespace) -> str:
    """Carry out ``telework log ACTION``; what to print. Bad input raises TrialError."""
    path: Path = args.file
    if args.log_command == "start":
        if path.exists():
            raise TrialError(f"{str(path)!r} already exists; choose another file for a new log")
        try:
            trial = Trial.from_mapping({name: getattr(args, name) for name in TRIAL_FIELDS})
        except TrialError as error:
            raise _by_option(error) from None
        _write(path, log_to_csv(TrialLog(trial)))
        return f"Started a log of the trial from {trial.start} to {trial.end} in {path}.\n"
    text, log = _read(path)
    if args.log_command == "add":
        raw = {name: getattr(args, name) for name in ENTRY_FIELDS}
        raw["date"] = raw["date"] or date.today().isoformat()
        try:
            entry = Entry.from_mapping(raw)
            log = log.add(entry)  # checks it fits the trial and the days already logged
        except TrialError as error:
            raise _by_option(error) from None
        separator = "" if text.endswith(("\n", "\r")) else "\r\n"
        _write(path, text + separator + entry_to_csv(entry))
        count = "1 entry" if len(log.entries) == 1 else f"{len(log.entries)} entries"
        return f"Added {entry.day} ({entry.place}) to {path}; it has {count}.\n"
    if args.log_command == "summary":
        today = read_date(args.today) if args.today else None
        return SUMMARY_RENDERERS[args.format](summarise(log, today))
    return render_trial_calendar(log.trial)


def _by_option(error: TrialError) -> TrialError:
    """`error` naming the command-line option rather than the field."""
    return TrialError(error.problem, f"--{error.field.replace('_', '-')}" if error.field else "")


def _file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--file", required=True, type=Path, metavar="LOG.csv", help="the log's CSV file"
    )


def _read(path: Path) -> tuple[str, TrialLog]:
    """The log file's text, and the log it holds."""
    try:
        with path.open(encoding="utf-8", newline="") as file:
            text = file.read(MAX_CHARACTERS + 1)
    except FileNotFoundError:
        raise TrialError(
            f"{str(path)!r} does not exist; start one with telework log start"
        ) from None
    except OSError as error:
        raise TrialError(f"cannot read {str(path)!r}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise TrialError(f"{str(path)!r} is not UTF-8 text") from None
    try:
        return text, log_from_csv(text)
    except TrialError as error:
        raise TrialError(f"{path}: {error}") from None


def _write(path: Path, text: str) -> None:
    """Write `text` to `path` in one step, so a failure never leaves half a log."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".telework-log-")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.replace(temporary, path)
    except OSError as error:
        raise TrialError(f"cannot write {str(path)!r}: {error.strerror}") from None
