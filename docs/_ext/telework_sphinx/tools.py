"""What the book's tool widgets share (the proposal drafter, the rehearsal, the trial
tracker): a directive with no options whose node renders at build time, a page of its
own for each tool's script and styles, the frame of the widget's markup, and the
sentences each says alike.

Each tool's page also loads tool.js, a classic script: pages opened from disk (file://)
run no module script, so there it says why the widget cannot work instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from telework.web import PAGE as PLANNER_PAGE

from .markup import Attrs, tag, text
from .parts import Labelled, action_buttons
from .planner import FROM_DISK, skip_planner
from .runtime import uses_planner_files, wheel_name

ANSWERS_LINK = "Answer or change them in the planner"
PRIVACY = "What you type stays in this browser; it is never sent anywhere or put in a link."
FROM_DISK_SCRIPT = "tool.js"
"""The classic script that speaks for the tools on pages opened from disk."""


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


def tool_widget(
    name: str,
    level: int,
    title: str,
    noscript: str,
    *content: str,
    actions: Labelled,
    result: tuple[str, str],
    data: Attrs | None = None,
) -> str:
    """The widget `tw-<name>`: its title (an `h<level>`), a note for readers without
    JavaScript, a status line, then `content`, its action buttons and, last, the `result`
    (a label and the markup rendered at build time, which the script replaces). `data`
    holds the script's `data-*` attributes besides the wheel's name and the advice for
    pages opened from disk."""
    uid = f"tw-{name}"
    label, rendered = result
    attrs: Attrs = {
        "class": f"tw-planner tw-{name}-widget",
        "id": uid,
        "aria-labelledby": f"{uid}-title",
        "data-state": "static",
        "data-wheel": wheel_name(),  # in the planner's folder, beside python.mjs
        "data-from-disk": FROM_DISK,
        **(data or {}),
    }
    return tag(
        "section",
        attrs,
        tag(f"h{level}", {"class": "tw-planner-title", "id": f"{uid}-title"}, text(title)),
        tag("noscript", {}, tag("p", {"class": "tw-noscript"}, text(noscript))),
        tag("p", {"class": "tw-status", "role": "status"}),
        *content,
        tag("div", {"class": "tw-actions"}, action_buttons(actions)),
        tag("div", {"class": f"tw-result tw-{name}-preview", "role": "region",
                    "aria-label": label}, rendered),
    )  # fmt: skip


def answers_note(note: str, none_yet: str, link_base: str) -> str:
    """What the tool takes from the reader's planner answers (filled in by the script;
    `none_yet` until then), with a link to the planner."""
    return tag(
        "p",
        {"class": "tw-full-note tw-answers-note"},
        text(note),
        " ",
        tag("span", {"class": "tw-answers-summary"}, text(none_yet)),
        " ",
        tag("a", {"href": f"{link_base}{PLANNER_PAGE}.html"}, text(ANSWERS_LINK)),
    )


def note(sentence: str) -> str:
    """A sentence about the whole widget, such as where its data stays."""
    return tag("p", {"class": "tw-full-note"}, text(sentence))


NOTICES = tag("div", {"class": "tw-notices", "aria-live": "polite"})
"""Where the script lists what it set aside or could not do."""


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
            app.add_js_file(FROM_DISK_SCRIPT, loading_method="defer")
            for asset in assets:
                if asset.endswith(".css"):
                    app.add_css_file(asset)
                else:
                    app.add_js_file(asset, type="module")

    app.connect("html-page-context", add_assets)
