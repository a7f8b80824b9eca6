"""The proposal's template (proposal.toml): its wording and when each part shows, checked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from ..arguments import check
from ..conditions import Condition
from ..engine import plan
from ..errors import DataError, TeleworkError
from ..loader import Entry, check_condition, load_guide, read_toml
from ..model import Guide
from .details import DETAIL_FIELDS, DetailsError, ProposalDetails

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

FILE = "proposal.toml"


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
    check(directory=directory, guide=guide)
    if directory is None and guide is None:
        return _default_template()
    if directory is None:
        from importlib.resources import files

        directory = files("telework") / "data"
    elif isinstance(directory, str):
        from pathlib import Path

        directory = Path(directory)
    return _load(directory, guide or load_guide())


@cache
def _default_template() -> ProposalTemplate:
    from importlib.resources import files

    return _load(files("telework") / "data", load_guide())


def _load(directory: Path | Traversable, guide: Guide) -> ProposalTemplate:
    return template_from_data(read_toml(directory, FILE), guide)


def template_from_data(data: Mapping[str, Any], guide: Guide) -> ProposalTemplate:
    """Build and check a template from the parsed contents of proposal.toml."""
    questions = {q.id: q for q in guide.questions}
    top = Entry(data, FILE)
    title = top.get("title", str)
    assume = _answers_table(top.get("assume", dict, {}), f"{FILE}: assume", guide)
    phrases = _phrases(Entry(top.get("phrases", dict), f"{FILE}: phrases"))
    sections = _list(top.get("sections", list), "sections", lambda e: _section(e, questions))
    concerns = _list(top.get("concerns", list), "concerns", lambda e: _concern(e, questions))
    sample = Entry(top.get("sample", dict), f"{FILE}: sample")
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
        entry = Entry(table, f"{FILE}: {key}[{index}]")
        built.append(read(entry))
        entry.done()
    if not built:
        raise DataError(f"{FILE}: expected a non-empty array of tables [[{key}]]")
    return tuple(built)


def _answers_table(raw: Mapping[str, Any], where: str, guide: Guide) -> dict[str, str]:
    try:
        return dict(plan(raw, guide).answers)
    except TeleworkError as error:
        raise DataError(f"{where}: {error}") from None


def _phrases(entry: Entry) -> dict[str, Any]:
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


def _section(entry: Entry, questions: Mapping[str, Any]) -> SectionTemplate:
    lines = _list(entry.get("lines", list), f"{entry.where}.lines", lambda e: _line(e, questions))
    section = SectionTemplate(
        id=entry.get("id", str),
        title=entry.get("title", str, ""),
        lines=lines,
        when=entry.condition("when"),
        concerns=entry.get("concerns", bool, False),
    )
    check_condition(section.when, f"{entry.where}.when", questions)
    return section


def _line(entry: Entry, questions: Mapping[str, Any]) -> Line:
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
    check_condition(line.when, f"{entry.where}.when", questions)
    return line


def _concern(entry: Entry, questions: Mapping[str, Any]) -> Concern:
    concern = Concern(
        id=entry.get("id", str),
        title=entry.get("title", str),
        answer=entry.get("answer", str),
        when=entry.condition("when"),
    )
    _check_placeholders(concern.answer, (), (), entry.where)
    check_condition(concern.when, f"{entry.where}.when", questions)
    return concern


def _check_placeholders(
    text: str, allowed: Iterable[str], needs: Iterable[str], where: str
) -> None:
    from string import Formatter

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
