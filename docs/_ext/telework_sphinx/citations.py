"""Citations: the ``{src}`` role and the ``telework-sources`` bibliography directive.

``{src}`recruiter-qa,negotiate-home``` becomes short labels linking to the entries of the
page holding the ``telework-sources`` directive, through the book's domain (domain.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

import telework

from .domain import SOURCE, anchor, domain, xref

logger = logging.getLogger(__name__)


def source_refs(source_ids: Iterable[str]) -> list[nodes.Node]:
    """Linked short labels for sources, separated by semicolons (resolved later)."""
    guide = telework.load_guide()
    result: list[nodes.Node] = []
    for index, source_id in enumerate(source_ids):
        if index:
            result.append(nodes.Text("; "))
        label = nodes.inline("", guide.source(source_id).short, classes=["tw-cite-label"])
        result.append(xref(SOURCE, source_id, label))
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
        sources = telework.load_guide().sources
        domain(self.env).note(SOURCE, (source.id for source in sources))
        entries = nodes.definition_list(classes=["tw-sources"])
        for source in sources:
            term = nodes.term("", "", ids=[anchor(SOURCE, source.id)])
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


def setup_citations(app: Sphinx) -> None:
    app.add_role("src", SourceRole())
    app.add_directive("telework-sources", SourcesDirective)
