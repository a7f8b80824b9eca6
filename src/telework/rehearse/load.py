"""Loading rehearsal.toml and checking it against the guide: questions, options, sources, links."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from ..conditions import parse
from ..errors import DataError
from ..loader import Entry, check_condition, load_guide
from ..model import Guide, Source
from .model import Concern, Element, EmployerQuestion, Moment, Rehearsal
from .replies import read_replies

FILE = "rehearsal.toml"
ELEMENTS_RANGE = (2, 4)
"""How many elements of a strong answer each question lists."""


@cache
def load_rehearsal() -> Rehearsal:
    """Load and check the package's rehearsal.toml against the packaged guide (cached)."""
    import tomllib  # imported on first load: keeps importing the package light
    from importlib.resources import files

    text = (files("telework") / "data" / FILE).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"{FILE}: not valid TOML: {error}") from None
    return rehearsal_from_data(data, load_guide())


@cache
def cards_by_item() -> dict[str, tuple[EmployerQuestion, ...]]:
    """Each checklist item's rehearsal cards (their questions), from the packaged rehearsal."""
    cards: dict[str, tuple[EmployerQuestion, ...]] = {}
    for question in load_rehearsal().questions:
        for item in question.items:
            cards[item] = (*cards.get(item, ()), question)
    return cards


def rehearsal_from_data(data: Mapping[str, Any], guide: Guide) -> Rehearsal:
    """Build and check the rehearsal from the parsed contents of rehearsal.toml."""
    top = Entry(data, FILE)
    sources = {source.id: source for source in guide.sources}
    moments = _tables(top, "moments", lambda e: Moment(e.get("id", str), e.get("title", str)))
    concerns = _tables(
        top,
        "concerns",
        lambda e: Concern(e.get("id", str), e.get("title", str), _sources(e, sources)),
    )
    by_id = {"moments": {m.id: m for m in moments}, "concerns": {c.id: c for c in concerns}}
    questions = _tables(top, "questions", lambda e: _question(e, by_id, sources, guide))
    assume = _assume(top.get("assume", dict, {}), guide)
    sample = Entry(top.get("sample", dict), f"{FILE}: sample")
    raw_replies = sample.get("replies", dict)
    sample.done()
    top.done()
    order = {moment.id: index for index, moment in enumerate(moments)}
    ordered = tuple(sorted(questions, key=lambda q: order[q.moment.id]))
    replies, problems = read_replies(raw_replies, questions)
    if problems:
        raise DataError(f"{sample.where}.replies: {problems[0]}")
    return Rehearsal(moments, concerns, ordered, assume, replies)


def _tables(top: Entry, key: str, read: Any) -> tuple[Any, ...]:
    raw = top.get(key, list)
    built, seen = [], set()
    for index, table in enumerate(raw):
        entry = Entry(table, f"{FILE}: {key}[{index}]")
        value = read(entry)
        entry.done()
        if value.id in seen:
            raise DataError(f"{entry.where}: duplicate {key[:-1]} id {value.id!r}")
        seen.add(value.id)
        built.append(value)
    if not built:
        raise DataError(f"{FILE}: expected a non-empty array of tables [[{key}]]")
    return tuple(built)


def _sources(entry: Entry, sources: Mapping[str, Source]) -> tuple[Source, ...]:
    ids = entry.strings("sources")
    for source_id in ids:
        if source_id not in sources:
            raise DataError(
                f"{entry.where}: unknown source {source_id!r}; allowed: {', '.join(sources)}"
            )
    return tuple(sources[s] for s in ids)


def _pick(entry: Entry, key: str, known: Mapping[str, Any]) -> Any:
    value = entry.get(key, str)
    if value not in known:
        raise DataError(f"{entry.where}: unknown {key} {value!r}; allowed: {', '.join(known)}")
    return known[value]


def _question(
    entry: Entry,
    by_id: Mapping[str, Mapping[str, Any]],
    sources: Mapping[str, Source],
    guide: Guide,
) -> EmployerQuestion:
    question = EmployerQuestion(
        id=entry.get("id", str),
        moment=_pick(entry, "moment", by_id["moments"]),
        concern=_pick(entry, "concern", by_id["concerns"]),
        prompt=entry.get("prompt", str),
        elements=_elements(entry),
        hint=entry.get("hint", str),
        link=_link(entry),
        sources=_sources(entry, sources),
        when=entry.condition("when"),
        items=entry.strings("items", required=False),
    )
    check_condition(question.when, f"{entry.where}.when", {q.id: q for q in guide.questions})
    items = {item.id for item in guide.items}
    for item in question.items:
        if item not in items:
            raise DataError(f"{entry.where}: unknown checklist item {item!r}")
    return question


def _elements(entry: Entry) -> tuple[Element, ...]:
    elements = []
    for index, raw in enumerate(entry.get("elements", list)):
        element = Entry(raw, f"{entry.where}.elements[{index}]")
        elements.append(Element(element.get("id", str), element.get("text", str)))
        element.done()
    ids = [element.id for element in elements]
    low, high = ELEMENTS_RANGE
    if not low <= len(elements) <= high:
        raise DataError(f"{entry.where}: {len(elements)} elements; give {low} to {high}")
    if len(set(ids)) != len(ids):
        duplicate = next(i for i in ids if ids.count(i) > 1)
        raise DataError(f"{entry.where}: duplicate element id {duplicate!r}")
    return tuple(elements)


def _link(entry: Entry) -> str:
    link = entry.get("link", str)
    docname, hash_, label = link.partition("#")
    if not (docname and hash_ and label) or " " in link:
        raise DataError(f"{entry.where}: link {link!r} must look like 'docname#label'")
    return link


def _assume(raw: Mapping[str, Any], guide: Guide) -> dict[str, str]:
    """The assumed answers, checked as a condition that they all hold would be."""
    where = f"{FILE}: assume"
    condition = parse({key: [value] for key, value in raw.items()}, where)
    check_condition(condition, where, {q.id: q for q in guide.questions})
    return dict(raw)
