"""Markup written into any text of the data files reaches readers as text, in every format.

The tests load a copy of the packaged data with markup payloads put in front of every
text field, and compare each renderer's output with its output for the clean copy: the
markup (tags, attributes, links) must be the same, and the text the same apart from the
payloads, which show as they were written.
"""

from __future__ import annotations

import json
import tomllib
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

import telework
from telework.proposal import ProposalTemplate
from telework.widgets import Planner

PAYLOADS = (
    "-",  # at the start of a line, opens a Markdown list
    "<script>x</script>",
    '"><img src=x onerror=alert(1)>',
    "[link](javascript:alert(1))",
    "**bold**",
    "<!--",
)
MARK = " ".join(PAYLOADS) + " "
"""What goes in front of every text field of the data."""

TEXT_FIELDS = {
    "questions.toml": {"prompt", "help", "label"},
    "checklist.toml": {"title", "text", "why"},
    "sources.toml": {"short", "title", "people", "note", "kind"},
    "proposal.toml": {"title", "text", "lead", "answer", "phrases"},
}
"""The keys, per data file, under which every string is text that readers may see."""

DETAILS = (
    {"name": "Sam Rivera"},
    {"name": "Sam Rivera", "role": "Analyst", "manager": "Alex", "notes": "See you Monday.",
     "days": 2, "trial_weeks": 6, "review_date": "2027-03-01"},
)  # fmt: skip
"""The reader's details the proposals are drafted with: the fewest, and all of them."""


def toml_value(value: object) -> str:
    """`value` as TOML, tables inline (JSON's string escapes are valid TOML escapes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(map(toml_value, value)) + "]"
    if isinstance(value, dict):
        pairs = (f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    raise TypeError(f"no TOML for {value!r}")


def poison(value: Any, fields: set[str], inside: bool = False) -> Any:
    """`value` with MARK in front of each non-empty string held under one of `fields`."""
    if isinstance(value, dict):
        return {k: poison(v, fields, inside or k in fields) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, fields, inside) for v in value]
    if isinstance(value, str) and value and inside:
        return MARK + value
    return value


def keys_in(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from keys_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys_in(inner)


def unmark(value: Any) -> Any:
    """`value` with every payload mark taken out of its strings."""
    if isinstance(value, dict):
        return {k: unmark(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unmark(v) for v in value]
    return value.replace(MARK, "") if isinstance(value, str) else value


@dataclass(frozen=True)
class Data:
    """A guide and a proposal template loaded from one copy of the data files."""

    guide: telework.Guide
    template: ProposalTemplate

    @classmethod
    def load(cls, directory: Path, poisoned: bool) -> Data:
        directory.mkdir()
        for name, fields in TEXT_FIELDS.items():
            data = tomllib.loads((files("telework") / "data" / name).read_text(encoding="utf-8"))
            assert fields <= set(keys_in(data)), f"{name} no longer has these text fields"
            if poisoned:
                data = poison(data, fields)
            text = "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in data.items())
            (directory / name).write_text(text, encoding="utf-8")
        guide = telework.load_guide(directory)
        return cls(guide, telework.load_proposal_template(directory, guide))


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Data:
    return Data.load(tmp_path_factory.mktemp("data") / "clean", poisoned=False)


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Data:
    return Data.load(tmp_path_factory.mktemp("data") / "poisoned", poisoned=True)


@pytest.fixture(scope="module")
def answer_sets(clean: Data) -> list[dict[str, str]]:
    """Answer sets that together show every item and every option of every question.

    Walks the answer space breadth first, question by question (each answer set on the
    way is a partial one, with questions left to refine it), and keeps the sets that show
    something new.
    """
    guide = clean.guide
    unseen = {item.id for item in guide.items} | {
        (q.id, option) for q in guide.questions for option in q.option_ids()
    }
    kept: list[dict[str, str]] = []
    queue: deque[dict[str, str]] = deque([{}])
    while queue and unseen:
        answers = queue.popleft()
        checklist = telework.plan(answers, guide)
        shown = set(checklist.item_ids()) | set(answers.items())
        if shown & unseen:
            unseen -= shown
            kept.append(answers)
        if checklist.refine:
            question = guide.question(checklist.refine[0])
            queue.extend({**answers, question.id: option} for option in question.option_ids())
    assert not unseen, f"no answers show {sorted(map(str, unseen))}"
    return kept


class Markup(HTMLParser):
    """The tags with their attributes, the comments and the text of an HTML fragment."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.comments: list[str] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.tags.append((f"/{tag}", []))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_shown_as_text(poisoned_html: str, clean_html: str) -> None:
    """The payloads add no tag, attribute or comment to the HTML, and show as text."""
    poisoned, clean = Markup(poisoned_html), Markup(clean_html)
    assert poisoned.tags == clean.tags
    assert poisoned.comments == clean.comments
    text = "".join(poisoned.text)
    assert MARK in text
    assert text.replace(MARK, "") == "".join(clean.text)


markdown = MarkdownIt("commonmark")  # raw HTML on, as many Markdown viewers have it
markdown.validateLink = lambda url: True  # keep javascript: links, so they are seen


def assert_plain_text_shown_unchanged(poisoned_text: str, clean_text: str) -> None:
    """The payloads show as written; wrapping and heading underlines aside, nothing else changes."""

    def words(text: str) -> str:
        lines = (line for line in text.splitlines() if line.strip("=-"))
        return " ".join(" ".join(lines).split())

    assert MARK.strip() in words(poisoned_text)
    assert words(poisoned_text).replace(MARK.strip() + " ", "") == words(clean_text)


def test_every_text_field_of_the_loaded_guide_carries_the_payloads(poisoned: Data) -> None:
    guide = poisoned.guide
    texts = [
        *(text for item in guide.items for text in (item.text, item.why)),
        *(section.title for section in guide.sections),
        *(phase.title for phase in guide.phases),
        *(q.prompt for q in guide.questions),
        *(q.help for q in guide.questions if q.help),
        *(q.label(option) for q in guide.questions for option in q.option_ids()),
        *(text for s in guide.sources for text in (s.short, s.title, s.kind, s.note, *s.people)),
    ]
    assert texts and all(text.startswith(MARK) for text in texts)


def test_html_shows_markup_from_the_data_as_text(
    clean: Data, poisoned: Data, answer_sets: list[dict[str, str]]
) -> None:
    for answers in answer_sets:
        assert_shown_as_text(
            telework.render_html(telework.plan(answers, poisoned.guide), "../"),
            telework.render_html(telework.plan(answers, clean.guide), "../"),
        )


def test_markdown_shows_markup_from_the_data_as_text(
    clean: Data, poisoned: Data, answer_sets: list[dict[str, str]]
) -> None:
    for answers in answer_sets:
        assert_shown_as_text(
            markdown.render(telework.render_markdown(telework.plan(answers, poisoned.guide))),
            markdown.render(telework.render_markdown(telework.plan(answers, clean.guide))),
        )


def test_text_and_json_show_the_data_as_written(
    clean: Data, poisoned: Data, answer_sets: list[dict[str, str]]
) -> None:
    for answers in answer_sets:
        dirty, plain = telework.plan(answers, poisoned.guide), telework.plan(answers, clean.guide)
        assert_plain_text_shown_unchanged(telework.render_text(dirty), telework.render_text(plain))
        shown = json.loads(telework.render_json(dirty))
        assert unmark(shown) != shown
        assert unmark(shown) == json.loads(telework.render_json(plain))


def test_notebook_planner_shows_prompts_and_option_labels_as_text(
    clean: Data, poisoned: Data, answer_sets: list[dict[str, str]]
) -> None:
    dirty, plain = Planner(guide=poisoned.guide), Planner(guide=clean.guide)

    def page(planner: Planner, answers: Mapping[str, str]) -> str:
        planner.set_answers(answers)
        html: str = planner._repr_mimebundle_()["text/html"]
        return html

    for answers in answer_sets:
        assert_shown_as_text(page(dirty, answers), page(plain, answers))


def test_proposals_show_markup_from_the_template_as_text(
    clean: Data, poisoned: Data, answer_sets: list[dict[str, str]]
) -> None:
    for answers in answer_sets:
        for details in DETAILS:
            dirty, plain = (
                telework.draft_proposal(answers, details, data.guide, data.template)
                for data in (poisoned, clean)
            )
            assert_shown_as_text(
                telework.render_proposal_html(dirty), telework.render_proposal_html(plain)
            )
            assert_shown_as_text(
                markdown.render(telework.render_proposal_markdown(dirty)),
                markdown.render(telework.render_proposal_markdown(plain)),
            )
            assert_plain_text_shown_unchanged(
                telework.render_proposal_text(dirty), telework.render_proposal_text(plain)
            )
