"""The planner as an ipywidgets form for Jupyter notebooks (needs the ``notebook`` extra).

``telework.widgets.Planner()`` shows one set of radio buttons per question the engine asks,
the checklist for the answers so far (re-rendered by :func:`telework.render_html` on every
change) and a button that saves the plan as Markdown. It decides nothing itself: the engine
says which questions are asked and which items apply.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as w

from .answers import check_answers
from .engine import plan_relevant
from .loader import load_guide
from .model import Checklist, Guide, Question
from .render import render_html, render_markdown, render_text
from .web import PAGE

DEFAULT_SAVE_PATH = "my-remote-work-plan.md"
UNANSWERED = ""
"""The value of a question's "not answered" button."""
UNANSWERED_LABEL = "Not answered yet"
LIVE_PLANNER = f"{PAGE}.html"
"""The book's web planner, relative to the site root."""
NEEDS_KERNEL = (
    "This form needs a running Python kernel. Use the {live} in your browser, "
    "or run this notebook locally with {command}."
)
LIVE_PLANNER_LABEL = "live planner"
RUN_LOCALLY = "make notebooks"


class Planner:
    """An interactive planner: questions, the checklist they lead to, and a save button.

    `answers` are starting answers (question id → option id); an unknown question or
    option raises :class:`telework.AnswerError`. Answers to questions that are not asked
    for the other answers are kept, set aside, and count again once the question returns.
    `link_base` is the path from the page showing the planner to the book's root;
    `save_path` is where the save button writes the Markdown plan.
    """

    def __init__(
        self,
        answers: Mapping[str, str] | None = None,
        *,
        link_base: str = "../",
        save_path: str | Path = DEFAULT_SAVE_PATH,
        sections: Iterable[str] | None = None,
        guide: Guide | None = None,
    ) -> None:
        self.guide = guide or load_guide()
        self.link_base = link_base
        self.sections = None if sections is None else tuple(sections)
        start = check_answers(answers or {}, self.guide)
        self.checklist: Checklist = plan_relevant(start, self.guide, sections=self.sections)
        """The checklist for the current answers."""

        self.controls: dict[str, w.RadioButtons] = {}
        """One radio-button group per question, keyed by question id."""
        self._rows: dict[str, w.VBox] = {}
        for question in self.guide.questions:
            control = w.RadioButtons(
                options=[(UNANSWERED_LABEL, UNANSWERED)]
                + [(option.label, option.id) for option in question.options],
                value=start.get(question.id, UNANSWERED),
                layout=w.Layout(width="auto"),
            )
            control.observe(self._changed, names="value")
            self.controls[question.id] = control
            self._rows[question.id] = w.VBox([w.HTML(_question_html(question)), control])

        self.output = w.HTML()
        """The rendered checklist."""
        self.save_path = w.Text(value=str(save_path), description="Save to:")
        self.save_button = w.Button(description="Save as Markdown", icon="download")
        self.save_button.on_click(self._save)
        self.reset_button = w.Button(description="Reset answers", icon="undo")
        self.reset_button.on_click(self._reset)
        self.status = w.HTML()
        """What the last save did, or why it failed."""

        self.widget = w.VBox(
            [
                w.VBox(list(self._rows.values())),
                w.HBox([self.save_path, self.save_button, self.reset_button]),
                self.status,
                self.output,
            ]
        )
        """The whole form, for embedding in other layouts."""
        self._quiet = False
        self._update()

    # --- state ------------------------------------------------------------------------

    @property
    def answers(self) -> dict[str, str]:
        """The answers in use: answers to questions not asked right now are left out."""
        return dict(self.checklist.answers)

    @property
    def asked(self) -> tuple[str, ...]:
        """The ids of the questions shown, in order."""
        return tuple(q.id for q in self.checklist.asked)

    def set_answers(self, answers: Mapping[str, str]) -> None:
        """Replace every answer at once (unanswered questions are cleared)."""
        checked = check_answers(answers, self.guide)
        self._quiet = True
        try:
            for question_id, control in self.controls.items():
                control.value = checked.get(question_id, UNANSWERED)
        finally:
            self._quiet = False
        self._update()

    def save(self, path: str | Path | None = None) -> Path:
        """Write the plan as Markdown to `path` (default: the path in the form) and return it."""
        target = Path(path if path is not None else self.save_path.value).expanduser()
        target.write_text(render_markdown(self.checklist, self.link_base), encoding="utf-8")
        return target

    def _given(self) -> dict[str, str]:
        return {
            question_id: control.value
            for question_id, control in self.controls.items()
            if control.value != UNANSWERED
        }

    # --- events -----------------------------------------------------------------------

    def _changed(self, change: object) -> None:
        if not self._quiet:
            self._update()

    def _update(self) -> None:
        given = self._given()
        self.checklist = plan_relevant(given, self.guide, sections=self.sections)
        shown = {q.id for q in self.checklist.asked}
        for question_id, row in self._rows.items():
            row.layout.display = None if question_id in shown else "none"
        self.output.value = render_html(self.checklist, self.link_base)

    def _save(self, button: object = None) -> None:
        try:
            target = self.save()
        except OSError as error:
            self.status.value = (
                f'<p class="tw-notice">Could not save to {escape(self.save_path.value)}: '
                f"{escape(error.strerror or str(error))}. Choose another file name.</p>"
            )
        else:
            self.status.value = (
                f'<p class="tw-notice">Saved your plan to {escape(str(target))}.</p>'
            )

    def _reset(self, button: object = None) -> None:
        self.set_answers({})
        self.status.value = ""

    # --- display ----------------------------------------------------------------------

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The live form for Jupyter, with HTML and text fallbacks for pages without a kernel."""
        bundle: dict[str, Any] = self.widget._repr_mimebundle_(**kwargs) or {}
        pointer = escape(NEEDS_KERNEL).format(
            live=f'<a href="{escape(self.link_base + LIVE_PLANNER)}">{LIVE_PLANNER_LABEL}</a>',
            command=f"<code>{RUN_LOCALLY}</code>",
        )
        bundle["text/html"] = (
            f'<div class="tw-planner-static"><p class="tw-notice">{pointer}</p>'
            f"{_answers_html(self.checklist, self.guide)}"
            f"{render_html(self.checklist, self.link_base)}</div>"
        )
        bundle["text/plain"] = (
            NEEDS_KERNEL.format(live=f"{LIVE_PLANNER_LABEL} ({LIVE_PLANNER})", command=RUN_LOCALLY)
            + "\n\n"
            + render_text(self.checklist)
        )
        return bundle


def _question_html(question: Question) -> str:
    help_text = f"<br><small>{escape(question.help)}</small>" if question.help else ""
    return f"<strong>{escape(question.prompt)}</strong>{help_text}"


def _answers_html(checklist: Checklist, guide: Guide) -> str:
    if not checklist.answers:
        return ""
    entries = "".join(
        f"<li>{escape(guide.question(q).prompt)} <strong>"
        f"{escape(guide.question(q).label(option))}</strong></li>"
        for q, option in checklist.answers.items()
    )
    return f'<ul class="tw-answers">{entries}</ul>'
