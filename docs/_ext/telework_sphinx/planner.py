"""The ``telework-planner`` directive: the planner's form and default checklist, made live in JS.

At build time the directive renders an accessible form from the library's questions and
the checklist for no answers, with the library's own HTML renderer. Pages holding a
planner load static/planner/planner.js, whose module starts Pyodide in a worker and asks
``telework.web.respond`` for the new checklist on every change; without it the page keeps
what was rendered here.

    ```{telework-planner}
    :questions: situation motive demand field
    :sections: timing
    :title: When should you raise it?
    ```
"""

from __future__ import annotations

from html import escape
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

import telework

from .runtime import (
    STATIC_SUBDIR,
    USES_PLANNER_FILES,
    pages_to_refresh,
    stage_runtime,
    uses_planner_files,
    wheel_name,
)

PLANNER_PAGE = "tools/planner"
CHECKLIST_CLASS = 'class="tw-checklist"'
"""The mark of `telework.render_html`'s output, the HTML the planner's CSS styles."""
DEFAULT_TITLE = "Your remote-work plan"
NOT_SURE = "Not sure yet"
NOSCRIPT = (
    "The planner needs JavaScript to update this checklist, which shows the general advice. "
    "You can also build your plan with the book's notebooks or the telework command line."
)
UNAVAILABLE = (
    "The live planner is unavailable here, so this is the general checklist: serve the book "
    "over http (for example with make serve) or use the book's notebooks or the telework "
    "command line."
)
FULL_PLANNER_NOTE = "Your answers in the full planner count here too."
FULL_PLANNER_LINK = "Open the full planner"
ACTIONS = (
    ("copy-link", "Copy link to this plan"),
    ("download", "Download as Markdown"),
    ("print", "Print checklist"),
    ("reset", "Reset answers and ticks"),
)


class planner(nodes.General, nodes.Element):
    """A planner widget; attributes: questions, sections (None: all), title, level, serial."""


class PlannerDirective(SphinxDirective):
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "questions": directives.unchanged_required,
        "sections": directives.unchanged_required,
        "title": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        guide = telework.load_guide()
        problems: list[str] = []
        questions = self._ids("questions", [q.id for q in guide.questions], problems)
        sections = self._ids("sections", [s.id for s in guide.sections], problems)
        if problems:
            return [
                self.state.document.reporter.error(
                    "telework-planner: " + "; ".join(problems), line=self.lineno
                )
            ]
        node = planner(
            questions=questions or [q.id for q in guide.questions],
            sections=sections,
            full=questions is None and sections is None,
            title=self.options.get("title", DEFAULT_TITLE),
            level=min(self.state.memo.section_level + 1, 5),  # its checklist's one below
            serial=self.env.new_serialno("telework-planner"),
        )
        self.set_source_info(node)
        uses_planner_files(self.env)
        return [node]

    def _ids(self, option: str, allowed: list[str], problems: list[str]) -> list[str] | None:
        if option not in self.options:
            return None
        ids: list[str] = self.options[option].split()
        unknown = [i for i in ids if i not in allowed]
        if unknown:
            problems.append(
                f":{option}: has unknown {', '.join(map(repr, unknown))}; "
                f"allowed: {', '.join(allowed)}"
            )
        return ids


def render_planner(node: planner, link_base: str) -> str:
    """The widget's HTML: form, action buttons and the checklist for no answers."""
    guide = telework.load_guide()
    asked = {q.id for q in telework.applicable_questions({})}
    uid = f"tw-planner-{node['serial']}"
    title_id = f"{uid}-title"
    level = node["level"]
    sections = node["sections"]
    attrs = {
        "class": "tw-planner",
        "id": uid,
        "aria-labelledby": title_id,
        "data-state": "static",
        "data-start": "now" if node["full"] else "visible",
        "data-questions": " ".join(node["questions"]),
        "data-sections": " ".join(sections or []),
        "data-link-base": link_base,
        "data-heading-level": str(level + 1),
    }
    parts = [
        f"<section {_attrs(attrs)}>",
        f'<h{level} class="tw-planner-title" id="{title_id}">{escape(node["title"])}</h{level}>',
        f'<noscript><p class="tw-noscript">{escape(NOSCRIPT)}</p></noscript>',
        '<p class="tw-status" role="status"></p>',
        f'<p class="tw-unavailable" hidden>{escape(UNAVAILABLE)}</p>',
        '<form class="tw-form">',
    ]
    for question_id in node["questions"]:
        parts.append(_question(guide.question(question_id), uid, question_id in asked))
    parts.append("</form>")
    if not node["full"]:
        parts.append(
            f'<p class="tw-full-note">{escape(FULL_PLANNER_NOTE)} '
            f'<a href="{escape(link_base)}{PLANNER_PAGE}.html">{escape(FULL_PLANNER_LINK)}</a></p>'
        )
    parts.append('<div class="tw-notices" aria-live="polite"></div>')
    parts.append('<div class="tw-actions">')
    parts.extend(
        f'<button type="button" class="tw-button" data-action="{action}">{escape(label)}</button>'
        for action, label in ACTIONS
    )
    parts.append("</div>")
    parts.append(
        f'<p class="tw-share" hidden><label for="{uid}-link">Link to this plan</label> '
        f'<input type="text" class="tw-share-url" id="{uid}-link" readonly></p>'
    )
    checklist = telework.plan({}, sections=sections)
    result = telework.render_html(checklist, link_base, heading_level=level + 1)
    parts.append(f'<div class="tw-result">{result}</div>')
    parts.append("</section>")
    return "".join(parts)


def _question(question: telework.Question, uid: str, asked: bool) -> str:
    name = f"{uid}-{question.id}"
    help_id = f"{name}-help"
    choices = [("", NOT_SURE), *((o.id, o.label) for o in question.options)]
    options = "".join(
        f'<label class="tw-option"><input type="radio" name="{name}" value="{escape(value)}"'
        f"{' checked' if not value else ''}> <span>{escape(label)}</span></label>"
        for value, label in choices
    )
    return (
        f'<fieldset class="tw-question" data-question="{escape(question.id)}"'
        f' aria-describedby="{help_id}"{"" if asked else " hidden"}>'
        f"<legend>{escape(question.prompt)}</legend>"
        f'<p class="tw-help" id="{help_id}">{escape(question.help)}</p>'
        f'<div class="tw-options">{options}</div></fieldset>'
    )


def _attrs(attrs: dict[str, str]) -> str:
    return " ".join(f'{key}="{escape(value)}"' for key, value in attrs.items())


def visit_planner_html(translator: HTML5Translator, node: planner) -> None:
    docname = translator.builder.current_docname
    translator.body.append(render_planner(node, "../" * docname.count("/")))
    raise nodes.SkipNode


def skip_planner(translator: Any, node: planner) -> None:
    """Other formats: the planner is interactive, so it is left out."""
    raise nodes.SkipNode


def mark_checklist_pages(app: Sphinx, doctree: nodes.document) -> None:
    """On doctree-read: pages whose raw HTML (such as a notebook's output) holds a rendered
    checklist use the planner's CSS (and are rewritten when it changes, see
    `pages_to_refresh`)."""
    if any(CHECKLIST_CLASS in raw.astext() for raw in doctree.findall(nodes.raw)):
        uses_planner_files(app.env, rendered_from_library=False)


def add_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Pages using the planner's files load its CSS (widgets' pages, and notebook pages
    showing a checklist); pages holding a planner also load its JS and, through it, Pyodide."""
    if app.env.metadata.get(pagename, {}).get(USES_PLANNER_FILES):
        app.add_css_file(f"{STATIC_SUBDIR}/planner.css")
    planners = list(doctree.findall(planner)) if doctree is not None else []
    if planners:
        start = "now" if any(node["full"] for node in planners) else "visible"
        data: dict[str, Any] = {"data-wheel": wheel_name(), "data-start": start}
        app.add_js_file(f"{STATIC_SUBDIR}/planner.js", loading_method="async", **data)


def setup_planner(app: Sphinx) -> None:
    app.add_node(
        planner,
        html=(visit_planner_html, None),
        latex=(skip_planner, None),
        text=(skip_planner, None),
        man=(skip_planner, None),
        texinfo=(skip_planner, None),
    )
    app.add_directive("telework-planner", PlannerDirective)
    app.connect("builder-inited", stage_runtime)
    app.connect("env-get-outdated", pages_to_refresh)
    app.connect("doctree-read", mark_checklist_pages)
    app.connect("html-page-context", add_assets)
