"""Reference pages generated from the library: how the planner decides, and the CLI's help.

- ``telework-decisions``: every question, every phase, and every checklist item with its
  conditions in words (when it applies, when it leaves, where it moves), why, sources,
  conflicts and book section; each item is anchored ``item-<id>``.
- ``planner-items``: the items whose book link points to the current page.
- ``telework-cli``: ``telework --help`` and each subcommand's help, from the argparse parser.

Item book links (``docname#label``) are checked against the labels of the built book.
"""

from __future__ import annotations

import argparse

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

import telework
from telework.cli import build_parser
from telework.conditions import NEVER
from telework.render.common import OWN_SUGGESTION

from .citations import source_refs
from .pages import PageSet

logger = logging.getLogger(__name__)

ITEM_REFTYPE = "telework-item"  # reftarget: an item id; goes to the decisions page
LINK_REFTYPE = "telework-link"  # reftarget: an item's book link, "docname#label"
DECISIONS_PAGES = PageSet("telework_decisions_docs")
HELP_WIDTH = 88


def item_anchor(item_id: str) -> str:
    """The HTML id of an item's entry on the decisions page."""
    return f"item-{item_id}"


def _xref(reftype: str, target: str, text: str) -> pending_xref:
    ref = pending_xref("", refdomain="", reftype=reftype, reftarget=target, refexplicit=True)
    ref.append(nodes.inline("", text))
    return ref


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
    entry = nodes.container(ids=[item_anchor(item.id)], classes=["tw-decision-item"])
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
            links.append(nodes.reference("", guide.item(other).text, refid=item_anchor(other)))
        fields += _field("Never shown with", *links)
    fields += _field("Explained in", _xref(LINK_REFTYPE, item.link, item.link))
    entry += fields
    return entry


class DecisionsDirective(SphinxDirective):
    """Every question and checklist item of the planner, generated from the library's data."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        DECISIONS_PAGES.add(self.env, self.env.docname)
        guide = telework.load_guide()
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
            line += _xref(ITEM_REFTYPE, item.id, item.text)
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


def _label(env: BuildEnvironment, link: str) -> tuple[str, str, str] | None:
    """(docname, anchor id, section title) of a book link, if its label is on that page."""
    docname, _, label = link.partition("#")
    std = env.get_domain("std")
    assert isinstance(std, StandardDomain)
    found = std.anonlabels.get(label)
    if found is None or found[0] != docname:
        return None
    title = std.labels.get(label, (docname, found[1], ""))[2]
    return docname, found[1], title or link


def _check_links(app: Sphinx, env: BuildEnvironment) -> None:
    std = env.get_domain("std")
    assert isinstance(std, StandardDomain)
    for item in telework.load_guide().items:
        if _label(env, item.link) is not None:
            continue
        docname, _, label = item.link.partition("#")
        if docname not in env.found_docs:
            problem = f"the book has no page {docname!r}"
        elif label in std.anonlabels:
            problem = f"label {label!r} is on {std.anonlabels[label][0]!r}, not {docname!r}"
        else:
            problem = f"no label {label!r} (a `({label})=` target) exists on {docname!r}"
        logger.warning(
            "checklist item %r links to missing target %r: %s",
            item.id,
            item.link,
            problem,
            type="telework",
            subtype="item-link",
        )
    docs = DECISIONS_PAGES.sorted(env)
    if len(docs) > 1:
        logger.warning(
            "the telework-decisions directive appears on several pages (%s); keep one",
            ", ".join(docs),
            type="telework",
            subtype="decisions",
        )


def _resolve(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    if node["reftype"] == LINK_REFTYPE:
        found = _label(env, node["reftarget"])
        if found is None:
            return contnode  # reported once, by _check_links
        docname, anchor, title = found
        return make_refnode(
            app.builder, node["refdoc"], docname, anchor, nodes.inline("", title), title
        )
    if node["reftype"] == ITEM_REFTYPE:
        docs = DECISIONS_PAGES.sorted(env)
        if not docs:
            logger.warning(
                "cannot link item %r: no page holds the telework-decisions directive",
                node["reftarget"],
                location=node,
                type="telework",
                subtype="decisions",
            )
            return contnode
        return make_refnode(
            app.builder, node["refdoc"], docs[0], item_anchor(node["reftarget"]), contnode
        )
    return None


def setup_reference(app: Sphinx) -> None:
    app.add_directive("telework-decisions", DecisionsDirective)
    app.add_directive("planner-items", PlannerItemsDirective)
    app.add_directive("telework-cli", CliHelpDirective)
    DECISIONS_PAGES.connect(app)
    app.connect("env-check-consistency", _check_links)
    app.connect("missing-reference", _resolve)
