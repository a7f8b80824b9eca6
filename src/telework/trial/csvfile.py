"""The log as a CSV file a spreadsheet can open, edit and save, and back again without loss.

The file's first two lines hold the trial (a header, then its values), the third line is
the entries' header, and each line after it is one entry:

    start,weeks,review,home_days,measures,agreed,revisit
    2026-03-02,6,2026-04-17,mon fri,meetings,Deliverables and meetings,
    date,place,delivered,response_hours,hours_available,meetings,notes
    2026-03-02,home,Quarterly report; two reviews,,,3,

Lists (days at home, measures) are separated by spaces; empty cells are empty values;
a bad file is answered with one line naming the line and the column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TypeVar

from .model import ENTRY_FIELDS, TRIAL_FIELDS, Entry, Trial, TrialLog, check_entry
from .values import TrialError, show_number

T = TypeVar("T")

MAX_CHARACTERS = 2_000_000
"""The largest log file read, in characters (a full trial with every text at its limit fits)."""
MAX_LINES = 3 + 7 * 26
"""Two lines of trial, a header, and at most one entry for each day of the longest trial."""


def log_to_csv(log: TrialLog) -> str:
    """The log as CSV text (lines end in CRLF, as RFC 4180 has them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    trial = log.trial.to_dict()
    writer.writerow(TRIAL_FIELDS)
    writer.writerow([_cell(trial[name]) for name in TRIAL_FIELDS])
    writer.writerow(ENTRY_FIELDS)
    return out.getvalue() + "".join(entry_to_csv(entry) for entry in log.entries)


def entry_to_csv(entry: Entry) -> str:
    """One entry as a line of the log file, ending in CRLF."""
    out = io.StringIO()
    values = entry.to_dict()
    csv.writer(out, lineterminator="\r\n").writerow(
        [_cell(values.get(name, "")) for name in ENTRY_FIELDS]
    )
    return out.getvalue()


def log_from_csv(text: str) -> TrialLog:
    """The log in `text`; :class:`TrialError` names the line and column of the first problem."""
    if len(text) > MAX_CHARACTERS:
        raise TrialError(
            f"the file is too large ({len(text)} characters; at most {MAX_CHARACTERS} allowed)"
        )
    rows = _rows(text.removeprefix("\ufeff"))
    trial_header = _next(rows, "the trial's header", TRIAL_FIELDS)
    _check_header(trial_header, TRIAL_FIELDS)
    trial_values = _next(rows, "the trial's values", TRIAL_FIELDS)
    trial = _read(Trial.from_mapping, trial_values, TRIAL_FIELDS)
    _check_header(_next(rows, "the entries' header", ENTRY_FIELDS), ENTRY_FIELDS)
    entries: list[Entry] = []
    days: set[date] = set()
    for row in rows:
        entry = _read(Entry.from_mapping, row, ENTRY_FIELDS)
        try:
            check_entry(trial, entry, days)
        except TrialError as error:
            raise _at(row, error) from None
        days.add(entry.day)
        entries.append(entry)
    return TrialLog(trial, tuple(entries))


class _Row(list[str]):
    """A CSV record and the line it starts on."""

    line: int


def _rows(text: str) -> Iterator[_Row]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise TrialError(f"line {line}: not valid CSV ({error})") from None
        if line > MAX_LINES:
            raise TrialError(f"line {line}: too many lines; a log has at most {MAX_LINES}")
        if any(cell.strip() for cell in cells):  # spreadsheets add empty rows
            row = _Row(cells)
            row.line = line
            yield row


def _next(rows: Iterator[_Row], what: str, columns: Sequence[str]) -> _Row:
    row = next(rows, None)
    if row is None:
        raise TrialError(f"the file ends before {what} ({','.join(columns)})")
    return row


def _check_header(row: _Row, columns: Sequence[str]) -> None:
    _check_length(row, columns)
    for cell, name in zip(row, columns, strict=True):
        if cell.strip() != name:
            raise TrialError(
                f"line {row.line}, column {name}: the header must be {','.join(columns)}"
            )


def _check_length(row: _Row, columns: Sequence[str]) -> None:
    if len(row) != len(columns):
        raise TrialError(
            f"line {row.line}: expected {len(columns)} columns ({','.join(columns)}), "
            f"found {len(row)}"
        )


def _read(make: Callable[[object], T], row: _Row, columns: Sequence[str]) -> T:
    _check_length(row, columns)
    try:
        return make(dict(zip(columns, row, strict=True)))
    except TrialError as error:
        raise _at(row, error) from None


def _at(row: _Row, error: TrialError) -> TrialError:
    where = f"line {row.line}, column {error.field}" if error.field else f"line {row.line}"
    return TrialError(f"{where}: {error.problem}")


def _cell(value: object) -> str:
    if isinstance(value, list):
        return " ".join(value)
    if isinstance(value, float):
        return show_number(value)
    return str(value)
