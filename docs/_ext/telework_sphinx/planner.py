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

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

import telework
from telework.audience import AUDIENCE_QUESTION, chapter_for, situations_for
from telework.web import PAGE as PLANNER_PAGE

from .markup import Attrs, tag, text, void
from .parts import action_buttons, choice
from .runtime import (
    STATIC_SUBDIR,
    USES_PLANNER_FILES,
    pages_to_refresh,
    stage_runtime,
    uses_planner_files,
    wheel_name,
)

CHECKLIST_CLASS = 'class="tw-checklist"'
"""The mark of `telework.render_html`'s output, the HTML the planner's CSS styles."""
DEFAULT_TITLE = "Your remote-work plan"
NOT_SURE = "Not sure yet"
NOSCRIPT = (
    "The planner needs JavaScript to update this checklist, which shows the general advice. "
    "You can also build your plan with the book's notebooks or the telework command line."
)
UNAVAILABLE = (
    "The live planner could not start in this browser, so this is the general checklist. "
    "Reloading the page may help; the book's notebooks and the telework command line build "
    "the same plan."
)
FROM_DISK = (
    "Pages opened from files on disk cannot run it: serve the book over http, for example "
    "with make serve."
)
"""Shown only where the page is a file (the script removes it on pages served over http)."""
FULL_PLANNER_NOTE = "Your answers in the full planner count here too."
FULL_PLANNER_LINK = "Open the full planner"
STEPS = (
    ("Where you stand", ("situation", "motive", "trust")),
    ("You and the job", ("job_fit", "sensitive_data", "experience", "demand", "field")),
    ("The employer", ("employer_experience", "role_design", "connections")),
    ("What you ask for", ("arrangement", "home_setup")),
    ("What they said", ("stage", "maybe_offer")),
)
"""The full planner's steps: a title and its questions, in order. A question of the guide's
that no step lists joins the last step, so that every question is asked."""
CHECK_STEP = "Check your answers"
STEPS_LABEL = "Steps of the planner"
MOVES = (("back", "Back"), ("next", "Next"))
PLAN_BAR_LINK = "See your plan"
FOR_READERS = "This chapter is for readers who answer “{prompt}” with {answers}."
FITS_YOU = "The chapter that fits you is {page}; here is its advice for your answers:"
CHAPTERS = "telework_planner_chapters"
"""The env's record of the chapter widgets: docname -> [(anchor, sections)], in page order."""
CALENDAR_ACTION = "calendar"
"""Shown (by the script) only when the plan has dates."""
ACTIONS = (
    ("copy-link", "Copy link to this plan"),
    ("download", "Download as Markdown"),
    (CALENDAR_ACTION, "Download calendar (.ics)"),
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
        if sections is not None:
            anchor = f"tw-planner-{node['serial']}"
            recorded_chapters(self.env).setdefault(self.env.docname, []).append((anchor, sections))
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


def render_planner(node: planner, link_base: str, page_url: str = "", fits: str = "") -> str:
    """The widget's HTML: form, action buttons and the checklist for no answers.

    `page_url` is the page's address on the published book (from ``html_baseurl``), for
    exports that stand on their own; without it their links stay relative. `fits` is the
    markup of :func:`fitting_chapters`, for a chapter's widget."""
    guide = telework.load_guide()
    asked = {q.id for q in telework.applicable_questions({})}
    uid = f"tw-planner-{node['serial']}"
    level = node["level"]
    sections = node["sections"]
    attrs = {
        "class": "tw-planner",
        "id": uid,
        "aria-labelledby": f"{uid}-title",
        "data-state": "static",
        "data-start": "now" if node["full"] else "visible",
        "data-layout": "steps" if node["full"] else "form",
        "data-questions": " ".join(node["questions"]),
        "data-sections": " ".join(sections or []),
        "data-link-base": link_base,
        "data-planner-page": f"{link_base}{PLANNER_PAGE}.html",
        "data-heading-level": str(level + 1),
        "data-page-url": page_url or None,
    }
    questions = [(guide.question(q), q in asked) for q in node["questions"]]
    if node["full"]:
        form = _steps(questions, uid, level + 1)
    else:
        form = tag("form", {"class": "tw-form"}, *(_question(q, uid, a) for q, a in questions))
    checklist = telework.plan({}, sections=sections)
    result = telework.render_html(checklist, link_base, heading_level=level + 1)
    controls = tag(
        "div",
        {"class": "tw-questions"},
        tag("noscript", {}, tag("p", {"class": "tw-noscript"}, text(NOSCRIPT))),
        tag("p", {"class": "tw-status", "role": "status"}),
        tag("p", {"class": "tw-unavailable", "hidden": True}, text(UNAVAILABLE), " ",
            tag("span", {"class": "tw-from-disk"}, text(FROM_DISK))),
        form,
        fits,
        "" if node["full"] else tag(
            "p",
            {"class": "tw-full-note"},
            text(FULL_PLANNER_NOTE),
            " ",
            tag("a", {"href": attrs["data-planner-page"]}, text(FULL_PLANNER_LINK)),
        ),
        tag("div", {"class": "tw-notices", "aria-live": "polite"}),
        tag("div", {"class": "tw-actions"},
            action_buttons(ACTIONS, hidden={CALENDAR_ACTION}, needs_python={"download"})),
        tag("p", {"class": "tw-feedback", "role": "status"}),
        tag(
            "p",
            {"class": "tw-share", "hidden": True},
            tag("label", {"for": f"{uid}-link"}, "Link to this plan"),
            " ",
            void("input", {"type": "text", "class": "tw-share-url", "id": f"{uid}-link",
                           "readonly": True}),
        ),
    )  # fmt: skip
    plan = tag(
        "div",
        {"class": "tw-plan", "id": f"{uid}-plan"},
        _progress(len(list(checklist.item_ids()))),
        tag("div", {"class": "tw-result"}, result),
    )
    bar = tag(
        "p",
        {"class": "tw-plan-bar"},
        tag("span", {"class": "tw-plan-bar-count"}),
        " ",
        tag("a", {"href": f"#{uid}-plan"}, text(PLAN_BAR_LINK)),
    )
    title = text(node["title"])
    return tag(
        "section",
        attrs,
        tag(f"h{level}", {"class": "tw-planner-title", "id": f"{uid}-title"}, title),
        tag("div", {"class": "tw-body"}, controls, plan),
        bar if node["full"] else "",
    )


def _progress(items: int) -> str:
    """The plan's progress ("3 of 17 done") and its bar, which the script fills in."""
    return tag(
        "p",
        {"class": "tw-progress"},
        tag("span", {"class": "tw-progress-text"}),
        tag("progress", {"max": str(items), "value": "0", "aria-hidden": "true"}),
    )


def steps(questions: list[str]) -> list[tuple[str, list[str]]]:
    """`STEPS` kept to `questions` (in their order within each step), the rest in the last."""
    listed = {question for _, ids in STEPS for question in ids}
    grouped = [(title, [q for q in ids if q in questions]) for title, ids in STEPS]
    grouped[-1][1].extend(q for q in questions if q not in listed)
    return [(title, ids) for title, ids in grouped if ids]


def _steps(questions: list[tuple[telework.Question, bool]], uid: str, level: int) -> str:
    """The full planner's form: one step shown at a time, then "Check your answers".

    Steps none of whose questions is asked yet are hidden; the script keeps that, the
    counts ("Step 2 of 5") and the step shown up to date."""
    by_id = {question.id: (question, asked) for question, asked in questions}
    grouped = [(title, [by_id[q] for q in ids]) for title, ids in steps(list(by_id))]
    asked_steps = [n for n, (_, qs) in enumerate(grouped, 1) if any(a for _, a in qs)]
    keys = [str(n) for n in range(1, len(grouped) + 1)]
    links = [
        tag("li", {}, tag(
            "button",
            {"type": "button", "class": "tw-step-link", "data-goto": key,
             "hidden": n not in asked_steps, "aria-current": "step" if n == 1 else None},
            text(title),
        ))
        for n, (key, (title, _)) in enumerate(zip(keys, grouped, strict=True), 1)
    ]  # fmt: skip
    links.append(tag("li", {}, tag(
        "button", {"type": "button", "class": "tw-step-link", "data-goto": "check"},
        text(CHECK_STEP),
    )))  # fmt: skip
    step_divs = [
        _step(uid, key, title, level, n == 1,
              f"Step {asked_steps.index(n) + 1} of {len(asked_steps)}" if n in asked_steps else "",
              *(_question(q, uid, a) for q, a in qs))
        for n, (key, (title, qs)) in enumerate(zip(keys, grouped, strict=True), 1)
    ]  # fmt: skip
    step_divs.append(
        _step(uid, "check", CHECK_STEP, level, False, "", tag("dl", {"class": "tw-summary"}))
    )
    moves = (
        tag("button", {"type": "button", "class": "tw-button", "data-move": move,
                       "hidden": move == "back"}, text(label))
        for move, label in MOVES
    )  # fmt: skip
    return tag(
        "form",
        {"class": "tw-form tw-steps"},
        tag("nav", {"class": "tw-step-nav", "aria-label": STEPS_LABEL}, tag("ol", {}, *links)),
        *step_divs,
        tag("div", {"class": "tw-moves"}, *moves),
    )


def _step(
    uid: str, key: str, title: str, level: int, shown: bool, count: str, *content: str
) -> str:
    heading_id = f"{uid}-step-{key}"
    heading = tag(
        f"h{level}",
        {"class": "tw-step-title", "id": heading_id, "tabindex": "-1"},
        tag("span", {"class": "tw-step-count"}, text(count)),
        " ",
        text(title),
    )
    attrs: Attrs = {"class": "tw-step", "data-step": key, "role": "group",
             "aria-labelledby": heading_id, "hidden": not shown}  # fmt: skip
    return tag("div", attrs, heading, *content)


def _question(question: telework.Question, uid: str, asked: bool) -> str:
    name = f"{uid}-{question.id}"
    help_id = f"{name}-help"
    choices = [("", NOT_SURE), *((o.id, o.label) for o in question.options)]
    options = (choice("radio", name, label, value, checked=not value) for value, label in choices)
    return tag(
        "fieldset",
        {"class": "tw-question", "data-question": question.id, "aria-describedby": help_id,
         "hidden": not asked},
        tag("legend", {}, text(question.prompt)),
        tag("p", {"class": "tw-help", "id": help_id}, text(question.help)),
        tag("div", {"class": "tw-options"}, *options),
    )  # fmt: skip


def visit_planner_html(translator: HTML5Translator, node: planner) -> None:
    fits = "" if node["sections"] is None else fitting_chapters(translator, node["sections"])
    translator.body.append(render_planner(node, link_base(translator), page_url(translator), fits))
    raise nodes.SkipNode


def fitting_chapters(translator: HTML5Translator, sections: list[str]) -> str:
    """For each situation this chapter's sections hold no advice for, a note (hidden until
    the reader gives that situation) saying whom the chapter is for and linking to the
    chapter widget that fits them (see `telework.audience.chapter_for`), whose sections
    the script then shows."""
    builder = translator.builder
    here = builder.current_docname
    guide = telework.load_guide()
    question = guide.question(AUDIENCE_QUESTION)
    served = situations_for(sections, guide)
    if len(served) == len(question.options):
        return ""
    chapters = recorded_chapters(builder.env)
    widgets = {
        (docname, anchor): widget_sections
        for docname in sorted(chapters)
        if docname != here
        for anchor, widget_sections in chapters[docname]
    }
    for_readers = FOR_READERS.format(
        prompt=question.prompt, answers=" or ".join(f"“{o.label}”" for o in served)
    )
    notes = []
    for option in question.options:
        fit = None if option in served else chapter_for(option.id, widgets, guide)
        if fit is None:
            continue
        docname, anchor = fit
        title = builder.env.titles[docname].astext()
        href = f"{builder.get_relative_uri(here, docname)}#{anchor}"
        page = tag("a", {"href": href}, text(title))
        notes.append(tag(
            "div",
            {"class": "tw-fits", "data-situation": option.id,
             "data-sections": " ".join(widgets[fit]), "hidden": True},
            tag("p", {}, text(for_readers), " ",
                text(FITS_YOU).format(page=page)),
        ))  # fmt: skip
    # For a reader no chapter serves better, whose whole plan the script shows instead.
    notes.append(tag("p", {"class": "tw-for-readers", "hidden": True}, text(for_readers)))
    return "".join(notes)


def page_url(translator: HTML5Translator) -> str:
    """The page's address on the published book, or "" when ``html_baseurl`` is not set."""
    builder = translator.builder
    base_url: str = builder.config.html_baseurl
    if not base_url:
        return ""
    return f"{base_url.rstrip('/')}/{builder.get_target_uri(builder.current_docname)}"


def link_base(translator: HTML5Translator) -> str:
    """The path from the page being written to the book's root ("" or "../", ...)."""
    builder = translator.builder
    to_root = builder.get_relative_uri(builder.current_docname, builder.config.root_doc)
    return to_root.removesuffix(builder.get_target_uri(builder.config.root_doc))


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
    app.connect("env-purge-doc", forget_chapter)
    app.connect("env-merge-info", merge_chapters)


def recorded_chapters(env: Any) -> dict[str, list[tuple[str, list[str]]]]:
    """The env's record of the chapter widgets (created on first use)."""
    if not hasattr(env, CHAPTERS):
        setattr(env, CHAPTERS, {})
    chapters: dict[str, list[tuple[str, list[str]]]] = getattr(env, CHAPTERS)
    return chapters


def forget_chapter(app: Sphinx, env: Any, docname: str) -> None:
    recorded_chapters(env).pop(docname, None)


def merge_chapters(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    """After a parallel read: the chapters `other` read join `env`'s record."""
    chapters = recorded_chapters(env)
    for docname, widgets in recorded_chapters(other).items():
        if docname in docnames:
            chapters[docname] = widgets
