"""A written proposal to work from home, drafted from the planner's answers and a few details.

The wording and the conditions under which each part appears are data (proposal.toml,
checked when loaded, like the guide). :func:`draft_proposal` fills it in for one reader;
:func:`respond` does the same for untrusted input from the browser and never raises.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Formatter
from typing import Any, TypeAlias

from .answers import applicable_questions, clean_answers, relevant_answers, validate_answers
from .conditions import Condition, evaluate
from .errors import DataError, TeleworkError
from .loader import _check_condition, _Entry, load_guide
from .model import Guide

FILE = "proposal.toml"

TEXT_LIMITS = {"name": 120, "role": 120, "manager": 120, "notes": 2000}
"""The longest text, in characters, each free-text detail may hold."""
DAYS_RANGE = (1, 5)
"""Days a week at home; 5 is full time."""
TRIAL_WEEKS_RANGE = (1, 26)
FULL_TIME_WORDS = frozenset({"full-time", "full_time", "full time", "fulltime"})
DATE_FORMAT = "YYYY-MM-DD"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\x85]")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MAX_ECHO = 40
"""How much of a refused value an error message repeats."""


class DetailsError(TeleworkError, ValueError):
    """A reader's proposal details are invalid; `problems` pairs each field with what is wrong."""

    def __init__(self, problems: Iterable[tuple[str, str]]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.problems))


# --- the reader's details ------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalDetails:
    """What only the reader can say: who they are, whom they write to, what they ask for.

    Values are checked (and text tidied) on construction; DetailsError names each problem.
    """

    name: str
    role: str = ""
    manager: str = ""
    days: int | None = None
    """Days a week at home, 1 to 5 (5 is full time); None leaves it to the answers."""
    trial_weeks: int | None = None
    review_date: date | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        values, problems = _read_details({f.name: getattr(self, f.name) for f in fields(self)})
        if problems:
            raise DetailsError(problems)
        for name, value in values.items():
            object.__setattr__(self, name, value)

    @classmethod
    def from_mapping(cls, raw: object) -> ProposalDetails:
        """Details from untrusted data (a form, a file); numbers and dates may be strings."""
        if not isinstance(raw, Mapping):
            raise DetailsError(
                [("details", f"must be a mapping of field to value, not {type(raw).__name__}")]
            )
        values, problems = _read_details(raw)
        if problems:
            raise DetailsError(problems)
        return cls(**values)

    def given(self, name: str) -> bool:
        return getattr(self, name) not in (None, "")

    def to_dict(self) -> dict[str, object]:
        """The details as JSON-ready data (the date as YYYY-MM-DD); empty fields left out."""
        data: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value not in (None, ""):
                data[f.name] = value.isoformat() if isinstance(value, date) else value
        return data


DETAIL_FIELDS = tuple(f.name for f in fields(ProposalDetails))


def _read_details(raw: Mapping[Any, object]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Check every field of `raw`; return the good values and a problem per bad field."""
    values: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for key in raw:
        if key not in DETAIL_FIELDS:
            problems.append((_echo(key), f"unknown field; allowed: {', '.join(DETAIL_FIELDS)}"))
    for name in DETAIL_FIELDS:
        try:
            value = _READERS[name](name, raw.get(name))
        except _Problem as problem:
            problems.append((name, str(problem)))
            continue
        if value not in (None, ""):
            values[name] = value
    if "name" not in values and not any(name == "name" for name, _ in problems):
        problems.insert(0, ("name", NAME_REQUIRED))
    return values, problems


NAME_REQUIRED = f"required (the name to sign with, 1 to {TEXT_LIMITS['name']} characters)"


class _Problem(Exception):
    pass


def _text(name: str, value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Problem(f"must be text, not {type(value).__name__}")
    multiline = name == "notes"
    text = _LINE_BREAKS.sub("\n", value).replace("\t", " ")
    if "\n" in text.strip() and not multiline:
        raise _Problem("must be a single line (no line breaks)")
    for char in text:
        category = unicodedata.category(char)
        if (category in ("Cc", "Cs") and char != "\n") or char in _BIDI_CONTROLS:
            raise _Problem(
                f"contains a control character (U+{ord(char):04X}); only ordinary text"
                + (" and line breaks are" if multiline else " is")
                + " allowed"
            )
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    limit = TEXT_LIMITS[name]
    if len(text) > limit:
        raise _Problem(f"too long ({len(text)} characters); at most {limit} allowed")
    return text


def _whole_number(name: str, value: object, low: int, high: int, unit: str) -> int | None:
    allowed = f"use a whole number of {unit} from {low} to {high}"
    if value is None or value == "":
        return None
    number: object = value
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    if isinstance(number, bool) or not isinstance(number, int):
        raise _Problem(f"{_echo(value)} is not a whole number; {allowed}")
    if not low <= number <= high:
        raise _Problem(f"{number} is out of range; {allowed}")
    return number


def _days(name: str, value: object) -> int | None:
    if isinstance(value, str) and value.strip().lower() in FULL_TIME_WORDS:
        return DAYS_RANGE[1]
    try:
        return _whole_number(name, value, *DAYS_RANGE, "days a week")
    except _Problem as problem:
        raise _Problem(f"{problem} ({DAYS_RANGE[1]} or 'full-time' means full time)") from None


def _trial_weeks(name: str, value: object) -> int | None:
    return _whole_number(name, value, *TRIAL_WEEKS_RANGE, "weeks")


def _review_date(name: str, value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    expected = f"use {DATE_FORMAT}, e.g. 2026-03-31"
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        raise _Problem(f"{_echo(value)} is not a date; {expected}")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _Problem(f"{_echo(value)} is not a real calendar date; {expected}") from None


_READERS = {
    "name": _text,
    "role": _text,
    "manager": _text,
    "days": _days,
    "trial_weeks": _trial_weeks,
    "review_date": _review_date,
    "notes": _text,
}


def _echo(value: object) -> str:
    """A short, single-line quotation of a refused value for an error message."""
    text = repr(value)
    return text if len(text) <= MAX_ECHO else text[: MAX_ECHO - 1] + "…"


# --- the drafted proposal --------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullet:
    text: str
    lead: str = ""
    """A short label shown in bold before the text; empty for a plain bullet."""


@dataclass(frozen=True)
class BulletList:
    items: tuple[Bullet, ...]


Block: TypeAlias = Paragraph | BulletList


@dataclass(frozen=True)
class ProposalSection:
    id: str
    title: str
    """Empty for the untitled parts: the greeting and the closing."""
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Proposal:
    """A drafted proposal: a title and ordered sections, leaving out the parts that do not apply."""

    title: str
    sections: tuple[ProposalSection, ...]
    answers: Mapping[str, str]
    """The answers the draft was made from, including the ones it assumed."""
    assumed: tuple[str, ...]
    """Question ids whose answers the draft assumed because none was given."""
    details: ProposalDetails
    concerns: tuple[str, ...]
    """Ids of the employer's concerns the draft answers."""

    def section_ids(self) -> tuple[str, ...]:
        return tuple(section.id for section in self.sections)


# --- the proposal's data ----------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One paragraph or bullet of the template, with the conditions under which it shows."""

    text: str
    bullet: bool
    lead: str
    when: Condition
    needs: tuple[str, ...]
    without: tuple[str, ...]


@dataclass(frozen=True)
class Concern:
    """An employer's concern and the answer the book recommends, shown when `when` holds."""

    id: str
    title: str
    answer: str
    when: Condition


@dataclass(frozen=True)
class SectionTemplate:
    id: str
    title: str
    lines: tuple[Line, ...]
    when: Condition
    concerns: bool


@dataclass(frozen=True)
class ProposalTemplate:
    title: str
    assume: Mapping[str, str]
    phrases: Mapping[str, Any]
    sections: tuple[SectionTemplate, ...]
    concerns: tuple[Concern, ...]
    sample_answers: Mapping[str, str]
    sample_details: ProposalDetails = field(repr=False)


PLACEHOLDERS = ("name", "role", "manager", "notes", "arrangement", "trial", "review")
OPTIONAL_PLACEHOLDERS = ("role", "manager", "notes")
"""Placeholders that may be empty: a line using one must list it in `needs`."""
PHRASES: dict[str, tuple[str, ...]] = {
    "full_time": (),
    "one_day": (),
    "days": ("count",),
    "some_days": (),
    "one_week": (),
    "weeks": ("count",),
    "few_weeks": (),
    "review_on": ("date",),
    "review_at_end": (),
    "date": ("day", "month", "year"),
    "missing_name": (),
}
"""The [phrases] strings and the placeholders each may use."""


def load_proposal_template(
    directory: str | Path | Traversable | None = None, guide: Guide | None = None
) -> ProposalTemplate:
    """Load and check proposal.toml; by default the package's own (cached)."""
    if directory is None and guide is None:
        return _default_template()
    folder = files("telework") / "data" if directory is None else directory
    return _load(Path(folder) if isinstance(folder, str) else folder, guide or load_guide())


@cache
def _default_template() -> ProposalTemplate:
    return _load(files("telework") / "data", load_guide())


def _load(directory: Path | Traversable, guide: Guide) -> ProposalTemplate:
    try:
        data = tomllib.loads((directory / FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{FILE}: file not found in {directory}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DataError(f"{FILE}: not valid TOML: {error}") from None
    return template_from_data(data, guide)


def template_from_data(data: Mapping[str, Any], guide: Guide) -> ProposalTemplate:
    """Build and check a template from the parsed contents of proposal.toml."""
    questions = {q.id: q for q in guide.questions}
    top = _Entry(data, FILE)
    title = top.get("title", str)
    assume = _answers_table(top.get("assume", dict, {}), f"{FILE}: assume", guide)
    phrases = _phrases(_Entry(top.get("phrases", dict), f"{FILE}: phrases"))
    sections = _list(top.get("sections", list), "sections", lambda e: _section(e, questions))
    concerns = _list(top.get("concerns", list), "concerns", lambda e: _concern(e, questions))
    sample = _Entry(top.get("sample", dict), f"{FILE}: sample")
    sample_answers = _answers_table(sample.get("answers", dict), sample.where + ".answers", guide)
    try:
        sample_details = ProposalDetails.from_mapping(sample.get("details", dict))
    except DetailsError as error:
        raise DataError(f"{sample.where}.details: {error}") from None
    sample.done()
    top.done()
    for kind, entries in (("section", sections), ("concern", concerns)):
        ids = [entry.id for entry in entries]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise DataError(f"{FILE}: duplicate {kind} id {duplicates[0]!r}")
    return ProposalTemplate(
        title, assume, phrases, sections, concerns, sample_answers, sample_details
    )


def _list(raw: list[Any], key: str, read: Any) -> tuple[Any, ...]:
    built = []
    for index, table in enumerate(raw):
        entry = _Entry(table, f"{FILE}: {key}[{index}]")
        built.append(read(entry))
        entry.done()
    if not built:
        raise DataError(f"{FILE}: expected a non-empty array of tables [[{key}]]")
    return tuple(built)


def _answers_table(raw: Mapping[str, Any], where: str, guide: Guide) -> dict[str, str]:
    try:
        return validate_answers(raw, guide)
    except TeleworkError as error:
        raise DataError(f"{where}: {error}") from None


def _phrases(entry: _Entry) -> dict[str, Any]:
    phrases: dict[str, Any] = {}
    for key, allowed in PHRASES.items():
        phrases[key] = entry.get(key, str)
        _check_placeholders(phrases[key], allowed, (), f"{entry.where}.{key}")
    for key, count in (("numbers", 0), ("months", 12)):
        phrases[key] = entry.strings(key)
        if count and len(phrases[key]) != count:
            raise DataError(f"{entry.where}: {key!r} must list {count} names")
    entry.done()
    return phrases


def _section(entry: _Entry, questions: Mapping[str, Any]) -> SectionTemplate:
    lines = _list(entry.get("lines", list), f"{entry.where}.lines", lambda e: _line(e, questions))
    section = SectionTemplate(
        id=entry.get("id", str),
        title=entry.get("title", str, ""),
        lines=lines,
        when=entry.condition("when"),
        concerns=entry.get("concerns", bool, False),
    )
    _check_condition(section.when, f"{entry.where}.when", questions)
    return section


def _line(entry: _Entry, questions: Mapping[str, Any]) -> Line:
    kinds = [key for key in ("text", "bullet") if key in entry.raw]
    if len(kinds) != 1:
        raise DataError(f"{entry.where}: give exactly one of 'text' (a paragraph) or 'bullet'")
    line = Line(
        text=entry.get(kinds[0], str),
        bullet=kinds[0] == "bullet",
        lead=entry.get("lead", str, "") if kinds[0] == "bullet" else "",
        when=entry.condition("when"),
        needs=entry.strings("needs", required=False),
        without=entry.strings("without", required=False),
    )
    for key in ("needs", "without"):
        for name in getattr(line, key):
            if name not in DETAIL_FIELDS:
                raise DataError(
                    f"{entry.where}: {key} names unknown detail {name!r}; "
                    f"allowed: {', '.join(DETAIL_FIELDS)}"
                )
    _check_placeholders(line.text, PLACEHOLDERS, line.needs, entry.where)
    _check_condition(line.when, f"{entry.where}.when", questions)
    return line


def _concern(entry: _Entry, questions: Mapping[str, Any]) -> Concern:
    concern = Concern(
        id=entry.get("id", str),
        title=entry.get("title", str),
        answer=entry.get("answer", str),
        when=entry.condition("when"),
    )
    _check_placeholders(concern.answer, (), (), entry.where)
    _check_condition(concern.when, f"{entry.where}.when", questions)
    return concern


def _check_placeholders(
    text: str, allowed: Iterable[str], needs: Iterable[str], where: str
) -> None:
    allowed = tuple(allowed)
    try:
        parsed = list(Formatter().parse(text))
    except ValueError as error:
        raise DataError(f"{where}: bad placeholder in {text!r}: {error}") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in allowed or spec or conversion:
            raise DataError(
                f"{where}: unknown placeholder {{{name}}}; allowed: "
                + (", ".join(f"{{{a}}}" for a in allowed) or "none")
            )
        if name in OPTIONAL_PLACEHOLDERS and name not in needs:
            raise DataError(f"{where}: uses {{{name}}}, so it must list {name!r} in needs")


# --- drafting ------------------------------------------------------------------------------------


def draft_proposal(
    answers: Mapping[str, str],
    details: ProposalDetails | Mapping[str, object],
    guide: Guide | None = None,
    template: ProposalTemplate | None = None,
) -> Proposal:
    """The proposal for these planner answers and details.

    Answers are checked strictly (AnswerError), details too (DetailsError). Questions the
    reader has not answered leave out the parts that depend on them, except the few the
    template assumes (see `Proposal.assumed`).
    """
    guide = guide or load_guide()
    checked = validate_answers(answers, guide)
    if not isinstance(details, ProposalDetails):
        details = ProposalDetails.from_mapping(details)
    return _draft(checked, details, guide, template or load_proposal_template())


def _draft(
    answers: Mapping[str, str], details: ProposalDetails, guide: Guide, template: ProposalTemplate
) -> Proposal:
    effective = dict(answers)
    assumed: list[str] = []
    for question_id, option in template.assume.items():
        asked = {q.id for q in applicable_questions(effective, guide)}
        if question_id not in effective and question_id in asked:
            effective[question_id] = option
            assumed.append(question_id)
    values = _placeholder_values(effective, details, template.phrases)

    def shows(line: Line) -> bool:
        return (
            evaluate(line.when, effective) is True
            and all(details.given(name) for name in line.needs)
            and not any(details.given(name) for name in line.without)
        )

    concerns = tuple(c for c in template.concerns if evaluate(c.when, effective) is True)
    sections: list[ProposalSection] = []
    for section in template.sections:
        if evaluate(section.when, effective) is not True or (section.concerns and not concerns):
            continue
        blocks: list[Block] = []
        for line in filter(shows, section.lines):
            text = line.text.format_map(values)
            if not line.bullet:
                blocks.extend(Paragraph(part) for part in text.split("\n") if part.strip())
            elif blocks and isinstance(blocks[-1], BulletList):
                blocks[-1] = BulletList((*blocks[-1].items, Bullet(text, line.lead)))
            else:
                blocks.append(BulletList((Bullet(text, line.lead),)))
        if section.concerns:
            blocks.append(BulletList(tuple(Bullet(c.answer, c.title) for c in concerns)))
        if blocks:
            sections.append(ProposalSection(section.id, section.title, tuple(blocks)))
    return Proposal(
        title=template.title,
        sections=tuple(sections),
        answers=effective,
        assumed=tuple(assumed),
        details=details,
        concerns=tuple(c.id for c in concerns),
    )


def _placeholder_values(
    answers: Mapping[str, str], details: ProposalDetails, phrases: Mapping[str, Any]
) -> dict[str, str]:
    def count(number: int) -> str:
        words: list[str] = phrases["numbers"]
        return words[number - 1] if number <= len(words) else str(number)

    days = details.days
    if days is None and answers.get("arrangement") == "full_time":
        days = DAYS_RANGE[1]
    if days is None:
        arrangement = phrases["some_days"]
    elif days == DAYS_RANGE[1]:
        arrangement = phrases["full_time"]
    elif days == 1:
        arrangement = phrases["one_day"]
    else:
        arrangement = phrases["days"].format(count=count(days))

    weeks = details.trial_weeks
    if weeks is None:
        trial = phrases["few_weeks"]
    elif weeks == 1:
        trial = phrases["one_week"]
    else:
        trial = phrases["weeks"].format(count=count(weeks))

    when = details.review_date
    if when is None:
        review = phrases["review_at_end"]
    else:
        day = phrases["date"].format(
            day=when.day, month=phrases["months"][when.month - 1], year=when.year
        )
        review = phrases["review_on"].format(date=day)

    return {
        "name": details.name,
        "role": details.role,
        "manager": details.manager,
        "notes": details.notes,
        "arrangement": arrangement,
        "trial": trial,
        "review": review,
    }


# --- the browser's entry point ---------------------------------------------------------------


def sample_proposal() -> Proposal:
    """The draft the book shows before its scripts run (from the template's [sample])."""
    template = load_proposal_template()
    return draft_proposal(template.sample_answers, template.sample_details, template=template)


def respond(raw_answers: object, raw_details: object) -> dict[str, Any]:
    """Draft a proposal from untrusted answers and details; never raises for bad input.

    Invalid answers are dropped (``notices``); each invalid detail is left out of the draft
    and explained in ``errors`` as ``{"field", "message"}``; a missing name is listed in
    ``missing`` and shown as a placeholder.
    """
    from .render.proposal import (  # imported here: the renderers import this module
        render_proposal_html,
        render_proposal_markdown,
        render_proposal_text,
    )

    guide = load_guide()
    template = load_proposal_template()
    answers, notices = clean_answers(raw_answers, guide)
    answers = relevant_answers(answers, guide)
    errors: list[dict[str, str]] = []
    values: dict[str, Any] = {}
    if isinstance(raw_details, Mapping):
        values, problems = _read_details(raw_details)
        errors = [{"field": f, "message": m} for f, m in problems if m != NAME_REQUIRED]
    elif raw_details is not None:
        kind = type(raw_details).__name__
        errors = [{"field": "details", "message": f"expected a mapping, not {kind}"}]
    missing = [] if "name" in values else ["name"]
    given = ProposalDetails(**{"name": template.phrases["missing_name"], **values})
    proposal = _draft(answers, given, guide, template)
    details = given.to_dict()
    if missing:
        del details["name"]
    return {
        "answers": answers,
        "details": details,
        "assumed": list(proposal.assumed),
        "notices": list(notices),
        "errors": errors,
        "missing": missing,
        "sections": list(proposal.section_ids()),
        "concerns": list(proposal.concerns),
        "html": render_proposal_html(proposal),
        "markdown": render_proposal_markdown(proposal),
        "text": render_proposal_text(proposal),
    }
