"""Loading the guide's data files and checking them; errors name the file, entry and problem."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .arguments import check
from .conditions import ALWAYS, NEVER, Condition, leaves, parse
from .errors import DataError, quote
from .model import Guide, Item, Move, Option, Phase, Question, Section, Source, Tool

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

FILES = ("questions.toml", "checklist.toml", "sources.toml")
"""The data files of a guide, each read from the same directory."""


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T")
E = TypeVar("E", bound=_Identified)


def load_guide(directory: str | Path | Traversable | None = None) -> Guide:
    """Load and validate a guide; by default the one shipped with the package (cached)."""
    check(directory=directory)
    if directory is None:
        return _default_guide()
    if isinstance(directory, str):
        from pathlib import Path

        directory = Path(directory)
    return _load(directory)


@cache
def _default_guide() -> Guide:
    from importlib.resources import files

    return _load(files("telework") / "data")


def _load(directory: Path | Traversable) -> Guide:
    return guide_from_data({name: read_toml(directory, name) for name in FILES})


def read_toml(directory: Path | Traversable, name: str) -> dict[str, Any]:
    """The parsed data file `name` of a guide's `directory`; DataError says what is wrong."""
    import tomllib  # imported on first load: keeps `import telework` light

    try:
        text = (directory / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{name}: file not found in {quote(str(directory))}") from None
    except OSError as error:  # not a directory, not readable, …
        where = quote(str(directory))
        raise DataError(f"{name}: cannot read it in {where}: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{name}: not valid TOML: {error}") from None
    except ValueError:  # a NUL character in the path
        raise DataError(f"{name}: cannot read it in {quote(str(directory))}") from None
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise DataError(f"{name}: not valid TOML: nested too deeply") from None
    except ValueError as error:  # bad TOML, or a number too long to convert
        raise DataError(f"{name}: not valid TOML: {error}") from None


def guide_from_data(data: Mapping[str, Mapping[str, Any]]) -> Guide:
    """Build a guide from the parsed contents of its files, keyed by file name."""
    sources = _entries(data, "sources.toml", "sources", _source)
    source_index = {source.id: source for source in sources}
    questions = _entries(data, "questions.toml", "questions", _question)
    phases = _entries(data, "checklist.toml", "phases", _phase)
    sections = _entries(data, "checklist.toml", "sections", _section)
    tools = {tool.id: tool for tool in _entries(data, "checklist.toml", "tools", _tool)}
    items = _entries(
        data, "checklist.toml", "items", lambda raw, where: _item(raw, where, source_index, tools)
    )
    _check_questions(questions)
    _check_phases(phases, sections, questions)
    _check_items(items, questions, sections)
    guide = Guide(questions, phases, sections, items, sources)
    _check_conflicts(guide)
    return guide


# --- reading entries ------------------------------------------------------------------


class Entry:
    """One table of a data file, read field by field; unread fields are reported as unknown."""

    def __init__(self, raw: object, where: str) -> None:
        if not isinstance(raw, Mapping):
            raise DataError(f"{where}: expected a table, found {type(raw).__name__}")
        self.raw, self.where, self.seen = raw, where, set[str]()
        entry_id = raw.get("id")
        if isinstance(entry_id, str) and entry_id:
            self.where = f"{where} ({entry_id!r})"

    def get(self, key: str, kind: type[T], default: T | None = None) -> T:
        self.seen.add(key)
        if key not in self.raw:
            if default is None:
                raise DataError(f"{self.where}: missing field {key!r}")
            return default
        value = self.raw[key]
        if not isinstance(value, kind) or (kind is str and not value and default is None):
            raise DataError(
                f"{self.where}: field {key!r} must be a non-empty {kind.__name__}, found {value!r}"
            )
        return value

    def strings(self, key: str, required: bool = True) -> tuple[str, ...]:
        values = self.get(key, list, None if required else [])
        if not all(isinstance(v, str) and v for v in values) or (required and not values):
            raise DataError(f"{self.where}: field {key!r} must be a non-empty list of strings")
        return tuple(values)

    def condition(self, key: str, default: Condition = ALWAYS) -> Condition:
        self.seen.add(key)
        return parse(self.raw[key], f"{self.where}.{key}") if key in self.raw else default

    def done(self) -> None:
        unknown = sorted(set(self.raw) - self.seen)
        if unknown:
            raise DataError(
                f"{self.where}: unknown field(s) {', '.join(map(repr, unknown))}; "
                f"allowed: {', '.join(sorted(self.seen))}"
            )


def _entries(
    data: Mapping[str, Mapping[str, Any]],
    file: str,
    key: str,
    read: Callable[[Entry, str], E],
) -> tuple[E, ...]:
    raw = data.get(file, {}).get(key)
    if not isinstance(raw, list) or not raw:
        raise DataError(f"{file}: expected a non-empty array of tables [[{key}]]")
    built: list[E] = []
    seen: set[str] = set()
    for index, table in enumerate(raw):
        entry = Entry(table, f"{file}: {key}[{index}]")
        value = read(entry, entry.where)
        entry.done()
        entry_id = value.id
        if entry_id in seen:
            raise DataError(f"{entry.where}: duplicate {key[:-1]} id {entry_id!r}")
        seen.add(entry_id)
        built.append(value)
    return tuple(built)


def _source(entry: Entry, where: str) -> Source:
    return Source(
        id=entry.get("id", str),
        short=entry.get("short", str),
        title=entry.get("title", str),
        kind=entry.get("kind", str),
        people=entry.strings("people", required=False),
        note=entry.get("note", str, ""),
    )


def _question(entry: Entry, where: str) -> Question:
    options: list[Option] = []
    for index, raw in enumerate(entry.get("options", list)):
        option = Entry(raw, f"{where}.options[{index}]")
        options.append(Option(option.get("id", str), option.get("label", str)))
        option.done()
    ids = [option.id for option in options]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates or len(options) < 2:
        problem = f"duplicate option id {duplicates[0]!r}" if duplicates else "fewer than 2 options"
        raise DataError(f"{where}: {problem}")
    return Question(
        id=entry.get("id", str),
        prompt=entry.get("prompt", str),
        help=entry.get("help", str, ""),
        options=tuple(options),
        applies=entry.condition("applies"),
    )


def _phase(entry: Entry, where: str) -> Phase:
    return Phase(
        id=entry.get("id", str),
        title=entry.get("title", str),
        unless=entry.condition("unless", NEVER),
        leads=entry.condition("leads", NEVER),
    )


def _section(entry: Entry, where: str) -> Section:
    return Section(entry.get("id", str), entry.get("title", str), entry.get("phase", str))


def _move(raw: object, where: str) -> Move:
    entry = Entry(raw, where)
    if "when" not in entry.raw:
        raise DataError(f"{where}: missing field 'when'")
    move = Move(when=entry.condition("when"), section=entry.get("section", str))
    entry.done()
    return move


def _tool(entry: Entry, where: str) -> Tool:
    return Tool(entry.get("id", str), entry.get("label", str), _link(entry, where))


def _link(entry: Entry, where: str) -> str:
    link = entry.get("link", str)
    docname, hash_, label = link.partition("#")
    if not (docname and hash_ and label) or " " in link:
        raise DataError(f"{where}: link {link!r} must look like 'docname#label'")
    return link


def _item(
    entry: Entry, where: str, sources: Mapping[str, Source], tools: Mapping[str, Tool]
) -> Item:
    source_ids = entry.strings("sources", required=False)
    if "sources" not in entry.raw:
        raise DataError(f"{where}: missing field 'sources' ([] marks the book's own suggestion)")
    for source_id in source_ids:
        if source_id not in sources:
            raise DataError(f"{where}: unknown source {source_id!r}; allowed: {', '.join(sources)}")
    tool_ids = entry.strings("tools", required=False)
    for tool_id in tool_ids:
        if tool_id not in tools:
            raise DataError(f"{where}: unknown tool {tool_id!r}; allowed: {', '.join(tools)}")
    return Item(
        id=entry.get("id", str),
        section=entry.get("section", str),
        text=entry.get("text", str),
        why=entry.get("why", str),
        sources=tuple(sources[s] for s in source_ids),
        link=_link(entry, where),
        when=entry.condition("when"),
        unless=entry.condition("unless", NEVER),
        moves=tuple(
            _move(raw, f"{where}.moves[{index}]")
            for index, raw in enumerate(entry.get("moves", list, []))
        ),
        conflicts=entry.strings("conflicts", required=False),
        tools=tuple(tools[t] for t in tool_ids),
    )


# --- cross-checks ---------------------------------------------------------------------


def check_condition(condition: Condition, where: str, questions: Mapping[str, Question]) -> None:
    for leaf in leaves(condition):
        question = questions.get(leaf.question)
        if question is None:
            raise DataError(
                f"{where}: unknown question {leaf.question!r}; allowed: {', '.join(questions)}"
            )
        for option in leaf.options:
            if option not in question.option_ids():
                raise DataError(
                    f"{where}: question {leaf.question!r} has no option {option!r}; "
                    f"allowed: {', '.join(question.option_ids())}"
                )


def _check_questions(questions: tuple[Question, ...]) -> None:
    earlier: dict[str, Question] = {}
    for question in questions:
        where = f"questions.toml: question {question.id!r}.applies"
        for leaf in leaves(question.applies):
            if leaf.question not in earlier:
                raise DataError(
                    f"{where}: may only depend on questions asked before it, not "
                    f"{leaf.question!r}; earlier: {', '.join(earlier) or 'none'}"
                )
        check_condition(question.applies, where, earlier)
        earlier[question.id] = question


def _check_phases(
    phases: tuple[Phase, ...], sections: tuple[Section, ...], questions: tuple[Question, ...]
) -> None:
    question_index = {q.id: q for q in questions}
    phase_ids = [p.id for p in phases]
    for phase in phases:
        where = f"checklist.toml: phase {phase.id!r}"
        check_condition(phase.unless, f"{where}.unless", question_index)
        check_condition(phase.leads, f"{where}.leads", question_index)
    for section in sections:
        if section.phase not in phase_ids:
            raise DataError(
                f"checklist.toml: section {section.id!r}: unknown phase {section.phase!r}; "
                f"allowed: {', '.join(phase_ids)}"
            )


def _check_items(
    items: tuple[Item, ...], questions: tuple[Question, ...], sections: tuple[Section, ...]
) -> None:
    question_index = {q.id: q for q in questions}
    section_ids = [s.id for s in sections]
    item_ids = {item.id for item in items}
    for item in items:
        where = f"checklist.toml: item {item.id!r}"
        for index, section in enumerate((item.section, *(m.section for m in item.moves))):
            if section not in section_ids:
                place = f".moves[{index - 1}]" if index else ""
                raise DataError(
                    f"{where}{place}: unknown section {section!r}; "
                    f"allowed: {', '.join(section_ids)}"
                )
        check_condition(item.when, f"{where}.when", question_index)
        check_condition(item.unless, f"{where}.unless", question_index)
        for index, move in enumerate(item.moves):
            check_condition(move.when, f"{where}.moves[{index}].when", question_index)
        for other in item.conflicts:
            if other == item.id:
                raise DataError(f"{where}: conflicts with itself")
            if other not in item_ids:
                raise DataError(f"{where}: conflicts with unknown item {other!r}")


def _check_conflicts(guide: Guide) -> None:
    """Items declared in conflict must never show together, for any answers at all."""
    from .analysis import find_conflicts  # the analysis builds on the engine, built on this

    for conflict in find_conflicts(guide):
        raise DataError(
            f"checklist.toml: items {conflict.first!r} and {conflict.second!r} are declared "
            f"in conflict but both show for {conflict.answers}"
        )
