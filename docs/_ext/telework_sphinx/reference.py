"""Reference pages generated from the library: how the planner decides, and the CLI's help.

- ``telework-decisions``: every question, every phase, and every checklist item with its
  conditions in words (when it applies, when it leaves, where it moves), why, sources,
  conflicts and book section; items are objects of the book's domain.
- ``planner-items``: the items whose book link points to the current page.
- ``telework-cli``: ``telework --help`` and each subcommand's help, from the argparse parser.
"""

from __future__ import annotations

import argparse

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import telework
from telework.cli import build_parser
from telework.conditions import NEVER
from telework.render.common import OWN_SUGGESTION

from .citations import source_refs
from .domain import BOOK_LINK, ITEM, anchor, domain, xref

logger = logging.getLogger(__name__)

HELP_WIDTH = 88


def _field(name: str, *body: nodes.Node) -> nodes.field:
    paragraph = nodes.paragraph()
    paragraph.extend(body)
    return nodes.field("", nodes.field_name("", name), nodes.field_body("", paragraph))


def _section(ids: list[str], title: str) -> nodes.section:
    section = nodes.section(ids=ids)
    section += nodes.title("", title)
    return section


def _question_entry(question: telework.Question, guide: telework.Guide) -> nodes.container:
    entry = nodes.container(ids=[f"question-{question.id}"], classes=["tw-decision-question"])
    prompt = nodes.paragraph()
    prompt += nodes.strong("", question.prompt)
    prompt += nodes.Text(" ")
    prompt += nodes.literal("", question.id)
    entry += prompt
    if question.help:
        entry += nodes.paragraph("", question.help)
    options = nodes.bullet_list()
    for option in question.options:
        line = nodes.paragraph("", f"{option.label} ")
        line += nodes.literal("", option.id)
        options += nodes.list_item("", line)
    asked = telework.describe(question.applies, guide)
    entry += nodes.field_list(
        "",
        _field("Options", options),
        _field("Asked", nodes.Text("always" if asked == "always" else f"when {asked}")),
    )
    return entry


def _item_entry(item: telework.Item, guide: telework.Guide) -> nodes.container:
    entry = nodes.container(ids=[anchor(ITEM, item.id)], classes=["tw-decision-item"])
    text = nodes.paragraph()
    text += nodes.strong("", item.text)
    entry += text
    fields = nodes.field_list()
    fields += _field("Applies", nodes.Text(telework.describe(item.when, guide)))
    if item.unless != NEVER:
        fields += _field("Not once", nodes.Text(telework.describe(item.unless, guide)))
    for move in item.moves:
        section = guide.section(move.section)
        phase = guide.phase(section.phase)
        where = f"to “{section.title}” ({phase.title.lower()}) when "
        fields += _field("Moves", nodes.Text(where + telework.describe(move.when, guide)))
    fields += _field("Why", nodes.Text(item.why))
    sources = source_refs(source.id for source in item.sources)
    fields += _field("Sources", *(sources or [nodes.Text(OWN_SUGGESTION.capitalize())]))
    if item.conflicts:
        links: list[nodes.Node] = []
        for index, other in enumerate(item.conflicts):
            if index:
                links.append(nodes.Text("; "))
            links.append(nodes.reference("", guide.item(other).text, refid=anchor(ITEM, other)))
        fields += _field("Never shown with", *links)
    fields += _field("Explained in", xref(BOOK_LINK, item.link, nodes.inline("", item.link)))
    entry += fields
    return entry


class DecisionsDirective(SphinxDirective):
    """Every question and checklist item of the planner, generated from the library's data."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        guide = telework.load_guide()
        domain(self.env).note(ITEM, (item.id for item in guide.items))
        questions = _section(["questions"], "Questions")
        for question in guide.questions:
            questions += _question_entry(question, guide)
        items = _section(["checklist-items"], "Checklist items")
        for phase in guide.phases:
            stage = _section([f"phase-{phase.id}"], phase.title)
            if phase.leads != NEVER:
                leads = telework.describe(phase.leads, guide)
                stage += nodes.paragraph("", f"Comes first, as your next steps, when {leads}.")
            if phase.unless != NEVER:
                leaves = telework.describe(phase.unless, guide)
                stage += nodes.paragraph("", f"Its items leave the plan once {leaves}.")
            for section in guide.sections:
                if section.phase != phase.id:
                    continue
                part = _section([f"section-{section.id}"], section.title)
                for item in guide.items:
                    if item.section == section.id:
                        part += _item_entry(item, guide)
                stage += part
            items += stage
        return [questions, items]


class PlannerItemsDirective(SphinxDirective):
    """The checklist items explained on this page, linked to how the planner decides on them."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        items = [
            item for item in telework.load_guide().items if item.link.partition("#")[0] == docname
        ]
        if not items:
            logger.warning(
                "planner-items: no checklist item links to %r; remove the directive or "
                "point an item's link here",
                docname,
                location=self.get_location(),
                type="telework",
                subtype="planner-items",
            )
            return []
        listing = nodes.bullet_list(classes=["tw-planner-items"])
        for item in items:
            line = nodes.paragraph()
            line += xref(ITEM, item.id, nodes.inline("", item.text))
            listing += nodes.list_item("", line)
        return [listing]


class CliHelpDirective(SphinxDirective):
    """The help of the ``telework`` command and of each subcommand, as the CLI prints them."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        parser = build_parser()
        result: list[nodes.Node] = [_help_block(parser)]
        for name, sub in _subcommands(parser).items():
            section = _section([f"command-{name}"], f"telework {name}")
            section += _help_block(sub)
            result.append(section)
        return result


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _help_block(parser: argparse.ArgumentParser) -> nodes.literal_block:
    def formatter(prog: str) -> argparse.HelpFormatter:
        return argparse.HelpFormatter(prog, width=HELP_WIDTH)

    parser.formatter_class = formatter  # a fixed width, whatever the terminal
    text = parser.format_help().rstrip()
    return nodes.literal_block(text, text, language="text")


def setup_reference(app: Sphinx) -> None:
    app.add_directive("telework-decisions", DecisionsDirective)
    app.add_directive("planner-items", PlannerItemsDirective)
    app.add_directive("telework-cli", CliHelpDirective)
