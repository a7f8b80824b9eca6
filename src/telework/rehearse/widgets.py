"""The rehearsal as an ipywidgets card deck for Jupyter notebooks (needs the ``notebook`` extra).

``Rehearser(answers)`` shows one question at a time, with a box for the reply, the
elements of a strong answer to tick and the hint, and under it the prep sheet, re-rendered
by :func:`render_sheet_html` on every change. It decides nothing itself: the library says
which questions are asked and checks the replies.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

import ipywidgets as w

from .. import plan
from ..loader import load_guide
from .load import load_rehearsal
from .model import PAGE, PrepSheet
from .render import render_sheet_html, render_sheet_text
from .replies import REPLY_LIMIT, check_replies, read_replies
from .select import questions_for, sheet_for

LIVE_PAGE = f"{PAGE}.html"
"""The book's rehearsal page, relative to the site root."""
NEEDS_KERNEL = "These cards need a running Python kernel; the sheet below is what they hold."


class Rehearser:
    """Question cards for these planner `answers`, starting from `replies` if given.

    Answers and replies are checked strictly (AnswerError, ReplyError). `replies` holds
    what the reader has typed and ticked so far, question id → {"reply", "covered"}.
    """

    def __init__(
        self,
        answers: Mapping[str, str] | None = None,
        replies: Mapping[str, Any] | None = None,
        *,
        link_base: str = "../",
    ) -> None:
        self.guide = load_guide()
        self.data = load_rehearsal()
        self.answers = dict(plan(answers or {}, self.guide).answers)
        self.link_base = link_base
        checked = check_replies(dict(replies or {}), self.data)
        self.replies: dict[str, dict[str, Any]] = {
            qid: {"reply": r.text, "covered": list(r.covered)} for qid, r in checked.items()
        }
        self.questions = questions_for(self.answers, self.guide, self.data)
        self.index = 0
        self.heading = w.HTML()
        self.reply = w.Textarea(
            placeholder="Your reply", layout=w.Layout(width="100%", height="6em")
        )
        self.reply.observe(self._changed, names="value")
        self.ticks = w.VBox()
        self.hint = w.HTML()
        self.previous = w.Button(description="Previous question", icon="arrow-left")
        self.next = w.Button(description="Next question", icon="arrow-right")
        self.previous.on_click(lambda _: self.show(self.index - 1))
        self.next.on_click(lambda _: self.show(self.index + 1))
        self.output = w.HTML()
        """The rendered prep sheet."""
        self.widget = w.VBox(
            [
                self.heading,
                self.reply,
                self.ticks,
                self.hint,
                w.HBox([self.previous, self.next]),
                self.output,
            ]
        )
        """The whole deck, for embedding in other layouts."""
        self._quiet = False
        self.show(0)

    @property
    def sheet(self) -> PrepSheet:
        """The prep sheet for the answers and the replies so far."""
        replies, _ = read_replies(self.replies, self.data.questions)  # skip what is not valid (yet)
        return sheet_for(self.answers, replies, self.guide, self.data)

    def show(self, index: int) -> None:
        """Show the card of question number `index` (from 0)."""
        if not self.questions:
            return
        self.index = max(0, min(index, len(self.questions) - 1))
        question = self.questions[self.index]
        given = self.replies.get(question.id, {"reply": "", "covered": []})
        self._quiet = True
        self.heading.value = (
            f"<p>Question {self.index + 1} of {len(self.questions)} · "
            f"{escape(question.moment.title)}</p><h3>{escape(question.prompt)}</h3>"
            f"<p>Their concern: {escape(question.concern.title)}</p>"
        )
        self.reply.value = given["reply"]
        boxes = []
        for element in question.elements:
            box = w.Checkbox(
                value=element.id in given["covered"], description=element.text, indent=False
            )
            box.observe(self._changed, names="value")
            boxes.append(box)
        self.ticks.children = boxes
        self.hint.value = (
            f"<details><summary>Hint</summary><p>{escape(question.hint)} "
            f'<a href="{escape(question.href(self.link_base))}">Read more in the book</a></p>'
            "</details>"
        )
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == len(self.questions) - 1
        self._quiet = False
        self._update()

    def _changed(self, change: object) -> None:
        if self._quiet:
            return
        question = self.questions[self.index]
        covered = [
            element.id
            for element, box in zip(question.elements, self.ticks.children, strict=True)
            if isinstance(box, w.Checkbox) and box.value
        ]
        text = self.reply.value[:REPLY_LIMIT]
        if text.strip() or covered:
            self.replies[question.id] = {"reply": text, "covered": covered}
        else:
            self.replies.pop(question.id, None)
        self._update()

    def _update(self) -> None:
        self.output.value = render_sheet_html(self.sheet, heading_level=3, link_base=self.link_base)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The live deck for Jupyter, with the sheet as HTML and text for pages without a kernel."""
        bundle: dict[str, Any] = self.widget._repr_mimebundle_(**kwargs) or {}
        page = escape(self.link_base + LIVE_PAGE)
        bundle["text/html"] = (
            f'<div class="tw-rehearsal-static"><p class="tw-notice">{escape(NEEDS_KERNEL)} '
            f'<a href="{page}">Rehearse in your browser</a>.</p>'
            f"{render_sheet_html(self.sheet, heading_level=3, link_base=self.link_base)}</div>"
        )
        bundle["text/plain"] = f"{NEEDS_KERNEL}\n\n{render_sheet_text(self.sheet)}"
        return bundle
