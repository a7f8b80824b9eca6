"""Citations: the ``{src}`` role and the ``telework-sources`` bibliography directive.

``{src}`recruiter-qa,negotiate-home``` becomes short labels linking to the entries
(anchors ``src-<id>``) of the page holding the ``telework-sources`` directive. Links are
pending cross-references, resolved once every page is read, so they are right from any page.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.nodes import make_refnode

import telework

from .pages import PageSet

logger = logging.getLogger(__name__)

REFTYPE = "telework-src"
SOURCES_PAGES = PageSet("telework_sources_docs")


def anchor(source_id: str) -> str:
    """The HTML id of a source's bibliography entry."""
    return f"src-{source_id}"


def source_refs(source_ids: Iterable[str]) -> list[nodes.Node]:
    """Linked short labels for sources, separated by semicolons (resolved later)."""
    guide = telework.load_guide()
    result: list[nodes.Node] = []
    for index, source_id in enumerate(source_ids):
        if index:
            result.append(nodes.Text("; "))
        ref = pending_xref("", refdomain="", reftype=REFTYPE, reftarget=source_id, refexplicit=True)
        ref += nodes.inline("", guide.source(source_id).short, classes=["tw-cite-label"])
        result.append(ref)
    return result


class SourceRole(SphinxRole):
    """``{src}`id[,id…]```: cite one or more of the guide's sources."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        allowed = [source.id for source in telework.load_guide().sources]
        ids = [part.strip() for part in self.text.split(",")]
        unknown = [source_id for source_id in ids if source_id not in allowed]
        if unknown:
            logger.warning(
                "unknown source id(s) %s in {src}`%s`; allowed: %s",
                ", ".join(repr(u) for u in unknown),
                self.text,
                ", ".join(allowed),
                location=self.get_location(),
                type="telework",
                subtype="src",
            )
            return [nodes.literal(self.rawtext, self.text, classes=["tw-cite-unknown"])], []
        cite = nodes.inline("", "", classes=["tw-cite"])
        cite += nodes.Text("(")
        cite.extend(source_refs(ids))
        cite += nodes.Text(")")
        return [cite], []


class SourcesDirective(SphinxDirective):
    """The bibliography: every source with its title, kind, people quoted and a note."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        SOURCES_PAGES.add(self.env, self.env.docname)
        entries = nodes.definition_list(classes=["tw-sources"])
        for source in telework.load_guide().sources:
            term = nodes.term("", "", ids=[anchor(source.id)])
            term += nodes.strong("", source.title)
            body = nodes.definition()
            body += nodes.paragraph("", source.kind, classes=["tw-source-kind"])
            if source.people:
                people = nodes.paragraph("", "People quoted: ", classes=["tw-source-people"])
                people += nodes.Text("; ".join(source.people))
                body += people
            if source.note:
                body += nodes.paragraph("", source.note, classes=["tw-source-note"])
            body += nodes.paragraph("", f"Cited as “{source.short}”.", classes=["tw-source-short"])
            entries += nodes.definition_list_item("", term, body)
        return [entries]


def sources_doc(env: BuildEnvironment) -> str | None:
    """The page holding the bibliography, if any."""
    docs = SOURCES_PAGES.sorted(env)
    return docs[0] if docs else None


def _resolve(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    if node["reftype"] != REFTYPE:
        return None
    target = sources_doc(env)
    if target is None:
        logger.warning(
            "cannot link source %r: no page holds the telework-sources directive",
            node["reftarget"],
            location=node,
            type="telework",
            subtype="src",
        )
        return None
    builder: Builder = app.builder
    title = telework.load_guide().source(node["reftarget"]).title
    return make_refnode(builder, node["refdoc"], target, anchor(node["reftarget"]), contnode, title)


def _check_single_bibliography(app: Sphinx, env: BuildEnvironment) -> None:
    docs = SOURCES_PAGES.sorted(env)
    if len(docs) > 1:
        logger.warning(
            "the telework-sources directive appears on several pages (%s); keep one",
            ", ".join(docs),
            type="telework",
            subtype="src",
        )


def setup_citations(app: Sphinx) -> None:
    app.add_role("src", SourceRole())
    app.add_directive("telework-sources", SourcesDirective)
    SOURCES_PAGES.connect(app)
    app.connect("env-check-consistency", _check_single_bibliography)
    app.connect("missing-reference", _resolve)
