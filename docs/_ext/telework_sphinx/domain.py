"""The book's cross-references, as a Sphinx domain: sources and checklist items.

The directives that show them (the bibliography, how the planner decides) record where
each one is anchored; citations and item links are pending cross-references that the
domain resolves once every page is read, so they are right from any page, through
incremental and parallel builds. An item's book link (``docname#label``) is resolved
against the book's labels, and checked once for every item.

The anchors of sources come from the library, whose rendered checklists link to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final
from urllib.parse import urlsplit

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.domains.std import StandardDomain
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

import telework
from telework.render.common import SOURCES_PAGE, source_href

logger = logging.getLogger(__name__)

NAME: Final = "telework"
SOURCE: Final = "source"
"""A bibliography entry; anchored by ``telework-sources``."""
ITEM: Final = "item"
"""A checklist item's entry on the page of ``telework-decisions``."""
BOOK_LINK: Final = "book-link"
"""An item's book link, ``docname#label``: the section that explains the item."""
DIRECTIVES: Final = {SOURCE: "telework-sources", ITEM: "telework-decisions"}
"""The directive holding the entries of each kind of object."""
SOURCES_DOC: Final = SOURCES_PAGE.removesuffix(".html")
"""The page the library's checklists send citations to."""


def anchor(objtype: str, name: str) -> str:
    """The HTML id of an object's entry."""
    if objtype == SOURCE:
        return urlsplit(source_href(telework.load_guide().source(name), "")).fragment
    return f"item-{name}"


def xref(objtype: str, target: str, *content: nodes.Node) -> pending_xref:
    """A link to an object (or, for BOOK_LINK, a section), resolved once every page is read."""
    ref = pending_xref(
        "", *content, refdomain=NAME, reftype=objtype, reftarget=target, refexplicit=True
    )
    ref["refwarn"] = True  # unresolved links are reported, nitpicky or not
    return ref


def book_label(env: BuildEnvironment, link: str) -> tuple[str, str, str] | None:
    """(docname, anchor id, section title) of a book link, if its label is on that page."""
    docname, _, label = link.partition("#")
    std = env.get_domain("std")
    assert isinstance(std, StandardDomain)
    found = std.anonlabels.get(label)
    if found is None or found[0] != docname:
        return None
    title = std.labels.get(label, (docname, found[1], ""))[2]
    return docname, found[1], title or link


class TeleworkDomain(Domain):
    name = NAME
    label = "Telework Guidebook"
    # Plain class attributes, as Sphinx's Domain declares them (not ClassVar).
    object_types: dict[str, ObjType] = {  # noqa: RUF012
        SOURCE: ObjType("source", SOURCE),
        ITEM: ObjType("checklist item", ITEM),
    }
    initial_data: dict[str, Any] = {"objects": {}}  # noqa: RUF012
    """objects: (objtype, name) -> docname holding its entry."""
    data_version = 1
    dangling_warnings: dict[str, str] = {  # noqa: RUF012
        objtype: f"cannot link {objtype} %(target)r: no page holds the {directive} directive"
        for objtype, directive in DIRECTIVES.items()
    }

    @property
    def objects(self) -> dict[tuple[str, str], str]:
        objects: dict[tuple[str, str], str] = self.data["objects"]
        return objects

    def note(self, objtype: str, names: Iterable[str]) -> None:
        """Record that the page being read holds the entries of `names`."""
        self._add(objtype, dict.fromkeys(names, self.env.docname))

    def _add(self, objtype: str, found: Mapping[str, str]) -> None:
        pages = {
            self.objects[(objtype, name)]
            for name, docname in found.items()
            if self.objects.get((objtype, name), docname) != docname
        }
        if pages:
            logger.warning(
                "the %s directive appears on several pages (%s); keep one",
                DIRECTIVES[objtype],
                ", ".join(sorted({*pages, *found.values()})),
                type="telework",
                subtype=objtype,
            )
        for name, docname in found.items():
            self.objects[(objtype, name)] = docname

    def clear_doc(self, docname: str) -> None:
        for key, holder in list(self.objects.items()):
            if holder == docname:
                del self.objects[key]

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        theirs: dict[tuple[str, str], str] = otherdata["objects"]
        for objtype in DIRECTIVES:
            found = {
                name: doc
                for (kind, name), doc in theirs.items()
                if kind == objtype and doc in docnames
            }
            self._add(objtype, found)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> Element | None:
        if typ == BOOK_LINK:
            found = book_label(env, target)
            if found is None:
                return contnode  # reported once, by check_consistency
            page, label_id, section = found
            text = nodes.inline("", section)
            return make_refnode(builder, fromdocname, page, label_id, text, section)
        docname = self.objects.get((typ, target))
        if docname is None:
            return None
        title = telework.load_guide().source(target).title if typ == SOURCE else None
        return make_refnode(builder, fromdocname, docname, anchor(typ, target), contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, Element]]:
        return []  # the book's own links name their kind

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        for (objtype, name), docname in sorted(self.objects.items()):
            yield name, name, objtype, docname, anchor(objtype, name), -1  # not in search

    def check_consistency(self) -> None:
        sources = {doc for (kind, _), doc in self.objects.items() if kind == SOURCE}
        if sources and sources != {SOURCES_DOC}:
            logger.warning(
                "the telework-sources directive is on %s, but the planner's checklists "
                "link sources to %r",
                ", ".join(sorted(sources)),
                SOURCES_DOC,
                type="telework",
                subtype=SOURCE,
            )
        for item in telework.load_guide().items:
            if book_label(self.env, item.link) is None:
                logger.warning(
                    "checklist item %r links to missing target %r: %s",
                    item.id,
                    item.link,
                    self._link_problem(item.link),
                    type="telework",
                    subtype="item-link",
                )

    def _link_problem(self, link: str) -> str:
        docname, _, label = link.partition("#")
        std = self.env.get_domain("std")
        assert isinstance(std, StandardDomain)
        if docname not in self.env.found_docs:
            return f"the book has no page {docname!r}"
        if label in std.anonlabels:
            return f"label {label!r} is on {std.anonlabels[label][0]!r}, not {docname!r}"
        return f"no label {label!r} (a `({label})=` target) exists on {docname!r}"


def setup_domain(app: Sphinx) -> None:
    app.add_domain(TeleworkDomain)


def domain(env: BuildEnvironment) -> TeleworkDomain:
    found = env.get_domain(NAME)
    assert isinstance(found, TeleworkDomain)
    return found
