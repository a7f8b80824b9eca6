"""What the book's tool widgets share (the proposal drafter, the rehearsal, the trial
tracker): a directive with no options whose node renders at build time, a page of its
own for each tool's script and styles, and the sentences each says alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from .planner import skip_planner
from .runtime import uses_planner_files

ANSWERS_LINK = "Answer or change them in the planner"
PRIVACY = "What you type stays in this browser; it is never sent anywhere or put in a link."


class ToolDirective(SphinxDirective):
    """A tool widget: a `node_class` node with its title one heading level below the page's
    section (at most `max_level`); its page gets the planner's files (CSS, Python)."""

    has_content = False
    node_class: ClassVar[type[nodes.Element]]
    max_level: ClassVar[int] = 5

    def run(self) -> list[nodes.Node]:
        node = self.node_class(level=min(self.state.memo.section_level + 1, self.max_level))
        self.set_source_info(node)
        uses_planner_files(self.env)
        return [node]


def setup_tool(
    app: Sphinx,
    name: str,
    directive: type[ToolDirective],
    visit: Callable[[HTML5Translator, Any], None],
    assets: tuple[str, ...],
) -> None:
    """Register the tool `telework-<name>`: its node (HTML only), its directive, and its
    `assets` (.mjs scripts and .css styles) on the pages holding it, and only there."""
    node_class = directive.node_class
    app.add_node(
        node_class,
        html=(visit, None),
        latex=(skip_planner, None),
        text=(skip_planner, None),
        man=(skip_planner, None),
        texinfo=(skip_planner, None),
    )
    app.add_directive(f"telework-{name}", directive)

    def add_assets(
        app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
    ) -> None:
        if doctree is not None and any(True for _ in doctree.findall(node_class)):
            for asset in assets:
                if asset.endswith(".css"):
                    app.add_css_file(asset)
                else:
                    app.add_js_file(asset, type="module")

    app.connect("html-page-context", add_assets)
