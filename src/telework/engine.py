"""From answers to a plan: the items that apply, placed in their sections and phases.

The engine compiles each guide's conditions once into fast predicates (kept here, not on
the data objects) and walks the items in the guide's order. An item shows when its
`when` holds and neither its own `unless` nor its phase's is known to hold; it lands in
its section, or where the first of its moves that holds sends it. Phases whose `leads`
holds come first: they hold the reader's next steps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from .answers import check_answers
from .arguments import check
from .conditions import NEVER, Condition, Predicate, compile_condition, questions_in
from .errors import AnswerError, quote
from .explain import describe
from .loader import load_guide
from .model import Checklist, ChecklistPhase, ChecklistSection, Guide, Item, Question, Section


def plan(
    answers: Mapping[str, str],
    guide: Guide | None = None,
    *,
    sections: Iterable[str] | None = None,
) -> Checklist:
    """The plan for `answers`, optionally limited to some section ids.

    Answers are checked strictly (AnswerError names the problem), and each must be to a
    question asked given the others. Partial answers are normal: items that depend on
    unanswered questions are left out and those questions are listed in `Checklist.refine`.
    """
    check(guide=guide, sections=sections)
    guide = guide or load_guide()
    checked = check_answers(answers, guide)
    asked = _asked(checked, guide)
    asked_ids = {q.id for q in asked}
    for key in checked:
        if key not in asked_ids:
            raise AnswerError(
                f"question {key!r} is not asked for these answers; it is asked only when "
                f"{describe(guide.question(key).applies, guide)}"
            )
    return _plan(checked, asked, guide, _section_ids(sections, guide))


def plan_relevant(
    answers: Mapping[str, str],
    guide: Guide | None = None,
    *,
    sections: Iterable[str] | None = None,
) -> Checklist:
    """Like `plan`, but answers to questions not asked for the others are set aside, not refused.

    For front-ends that keep every answer a reader gave while their situation changes;
    `Checklist.answers` holds the answers in use.
    """
    check(guide=guide, sections=sections)
    guide = guide or load_guide()
    checked = check_answers(answers, guide)
    asked = _asked(checked, guide)
    in_use = {q.id: checked[q.id] for q in asked if q.id in checked}
    return _plan(in_use, asked, guide, _section_ids(sections, guide))


def applicable_questions(
    answers: Mapping[str, str], guide: Guide | None = None
) -> tuple[Question, ...]:
    """The questions asked given these answers, in order (by default, in the packaged guide).

    A question whose condition depends on an unanswered (or no longer asked) question is
    not asked yet. Answers are checked strictly (AnswerError).
    """
    guide = guide or load_guide()
    return _asked(check_answers(answers, guide), guide)


def _asked(answers: Mapping[str, str], guide: Guide) -> tuple[Question, ...]:
    asked: list[Question] = []
    effective: dict[str, str] = {}
    for question, is_asked in _compiled(guide).questions:
        if is_asked(effective) is True:
            asked.append(question)
            if question.id in answers:
                effective[question.id] = answers[question.id]
    return tuple(asked)


def _section_ids(sections: Iterable[str] | None, guide: Guide) -> frozenset[str] | None:
    if sections is None:
        return None
    if isinstance(sections, str):
        sections = sections.split()
    wanted = frozenset(sections)
    known = [s.id for s in guide.sections]
    unknown = sorted(wanted - set(known))
    if unknown:
        raise AnswerError(f"unknown section {quote(unknown[0])}; allowed: {', '.join(known)}")
    return wanted


# --- the compiled guide -----------------------------------------------------------------


@dataclass(frozen=True)
class _Test:
    """A compiled condition and the questions it depends on."""

    holds: Predicate
    mentions: frozenset[str]


@dataclass(frozen=True)
class _Rule:
    """An item's conditions, compiled, with the phase of each section it can land in;
    `unless` is None when the item has none."""

    item: Item
    when: _Test
    phase: str
    unless: _Test | None
    moves: tuple[tuple[_Test, str, str], ...]


@dataclass(frozen=True)
class _Compiled:
    questions: tuple[tuple[Question, Predicate], ...]
    rules: tuple[tuple[Predicate, frozenset[str], _Rule], ...]
    """Each rule with its `when` test unpacked, for the engine's inner loop."""
    rule_of: dict[str, _Rule]
    unless: tuple[tuple[str, _Test], ...]
    """Each phase id with a condition under which its items have left the plan."""
    leads: tuple[tuple[str, Predicate], ...]
    """Each phase id, in order, with the condition that brings it first."""
    sections: dict[str, tuple[Section, ...]]
    """Each phase id's sections, in order."""


def _test(condition: Condition) -> _Test:
    return _Test(compile_condition(condition), questions_in(condition))


@cache  # guides compare by identity, so each loaded guide is compiled once
def _compiled(guide: Guide) -> _Compiled:
    phase_of = {section.id: section.phase for section in guide.sections}
    rules = tuple(
        _Rule(
            item,
            _test(item.when),
            phase_of[item.section],
            None if item.unless == NEVER else _test(item.unless),
            tuple((_test(m.when), m.section, phase_of[m.section]) for m in item.moves),
        )
        for item in guide.items
    )
    return _Compiled(
        questions=tuple((q, compile_condition(q.applies)) for q in guide.questions),
        rules=tuple((rule.when.holds, rule.when.mentions, rule) for rule in rules),
        rule_of={rule.item.id: rule for rule in rules},
        unless=tuple((p.id, _test(p.unless)) for p in guide.phases if p.unless != NEVER),
        leads=tuple((phase.id, compile_condition(phase.leads)) for phase in guide.phases),
        sections={
            phase.id: tuple(s for s in guide.sections if s.phase == phase.id)
            for phase in guide.phases
        },
    )


_Phases = tuple[set[str], dict[str, frozenset[str]]]
"""The phases whose items have left the plan, and those that may yet leave (with the
questions that decide it)."""


def _phases(compiled: _Compiled, answers: Mapping[str, str]) -> _Phases:
    gone: set[str] = set()
    undecided: dict[str, frozenset[str]] = {}
    for phase, unless in compiled.unless:
        truth = unless.holds(answers)
        if truth:
            gone.add(phase)
        elif truth is None:
            undecided[phase] = unless.mentions
    return gone, undecided


def _walk(
    rules: Iterable[tuple[Predicate, frozenset[str], _Rule]],
    answers: Mapping[str, str],
    phases: _Phases,
    open_questions: set[str],
) -> Iterator[tuple[Item, str]]:
    """Each item of `rules` that shows for `answers`, with the section it lands in; adds to
    `open_questions` the unanswered questions that could change the result."""
    gone, undecided = phases
    for holds, mentions, rule in rules:
        truth = holds(answers)
        if not truth:  # the commonest case, so tested first and inline
            if truth is None:
                open_questions.update(mentions)
            continue
        if rule.unless is not None:  # before the moves: an item that has left goes nowhere
            left = rule.unless.holds(answers)
            if left:
                continue
            if left is None:
                open_questions.update(rule.unless.mentions)
        section, phase = rule.item.section, rule.phase
        for move, target, target_phase in rule.moves:
            moved = move.holds(answers)
            if moved:
                section, phase = target, target_phase
                break
            if moved is None:
                open_questions.update(move.mentions)
        if phase in gone:
            continue
        if phase in undecided:
            open_questions.update(undecided[phase])
        yield rule.item, section


def shows(item: Item, answers: Mapping[str, str], guide: Guide) -> str | None:
    """The section `item` shows in for `answers` (already checked), or None if it does not.

    The single rule behind every plan, for the analyses that reason over many answers.
    """
    compiled = _compiled(guide)
    rule = compiled.rule_of[item.id]
    walk = _walk(
        ((rule.when.holds, rule.when.mentions, rule),), answers, _phases(compiled, answers), set()
    )
    return next((section for _, section in walk), None)


def _plan(
    answers: dict[str, str],
    asked: tuple[Question, ...],
    guide: Guide,
    wanted: frozenset[str] | None,
) -> Checklist:
    compiled = _compiled(guide)
    phases = _phases(compiled, answers)
    open_questions: set[str] = set()
    placed: dict[str, list[Item]] = {}
    for item, section in _walk(compiled.rules, answers, phases, open_questions):
        if wanted is None or section in wanted:
            placed.setdefault(section, []).append(item)
    leading = [phase for phase, leads in compiled.leads if leads(answers)]
    order = leading + [phase for phase, _ in compiled.leads if phase not in leading]
    shown: list[ChecklistPhase] = []
    for phase_id in order:
        sections = tuple(
            ChecklistSection(section.id, section.title, phase_id, tuple(placed[section.id]))
            for section in compiled.sections[phase_id]
            if section.id in placed
        )
        if sections:
            shown.append(ChecklistPhase(phase_id, guide.phase(phase_id).title, sections))
    refine = tuple(q.id for q in asked if q.id in open_questions and q.id not in answers)
    return Checklist(
        answers=answers,  # a fresh dict from validation
        asked=asked,
        phases=tuple(shown),
        refine=refine,
        guide=guide,
    )
