"""The prep sheet as Markdown, HTML or plain text: each question, the reader's reply, its elements.

The reader's own words run through every format, so they are escaped everywhere, as in
the proposal: HTML-escaped in HTML; in Markdown, markup is backslash-escaped and no line
of a reply can open a list, heading or code fence.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from html import escape

from ..render.common import READ_MORE, SOURCES, source_href
from ..render.markdown import escape_markdown
from ..render.proposal import escape_markdown_block
from .model import EmployerQuestion, Moment, PrepSheet

TITLE = "Your rehearsal"
CONCERN = "Their concern"
HINT = "Hint"
NO_REPLY = "No reply prepared yet."
COVERED = "covered"
TO_ADD = "to add"


def _by_moment(sheet: PrepSheet) -> Iterator[tuple[Moment, list[EmployerQuestion]]]:
    """The sheet's questions grouped under their moments, in order."""
    groups: dict[str, tuple[Moment, list[EmployerQuestion]]] = {}
    for question in sheet.questions:
        groups.setdefault(question.moment.id, (question.moment, []))[1].append(question)
    yield from groups.values()


def _tally(sheet: PrepSheet, question: EmployerQuestion) -> str:
    return f"{len(sheet.reply(question).covered)} of {len(question.elements)} {COVERED}"


def render_sheet_html(
    sheet: PrepSheet, heading_level: int = 2, link_base: str = "", anchors: bool = False
) -> str:
    """The sheet as an escaped HTML fragment; `anchors` gives each question its card's id."""
    level = min(max(heading_level, 1), 4)
    parts = [
        '<article class="tw-rehearsal-sheet">',
        f'<h{level} class="tw-rehearsal-title">{escape(TITLE)}</h{level}>',
    ]
    for moment, questions in _by_moment(sheet):
        parts.append(f'<section class="tw-rehearsal-moment" data-moment="{escape(moment.id)}">')
        parts.append(f"<h{level + 1}>{escape(moment.title)}</h{level + 1}>")
        for question in questions:
            anchor = f' id="{escape(question.anchor)}"' if anchors else ""
            reply = sheet.reply(question)
            parts.append(
                f'<section class="tw-rehearsal-question" data-question="{escape(question.id)}"'
                f"{anchor}>"
                f"<h{level + 2}>{escape(question.prompt)}</h{level + 2}>"
                f'<p class="tw-rehearsal-concern">{CONCERN}: {escape(question.concern.title)}'
                f" · {_tally(sheet, question)}</p>"
            )
            if reply.text:
                lines = "".join(f"<p>{escape(line)}</p>" for line in reply.text.split("\n") if line)
                parts.append(f'<blockquote class="tw-rehearsal-reply">{lines}</blockquote>')
            else:
                parts.append(f'<p class="tw-rehearsal-reply tw-empty">{escape(NO_REPLY)}</p>')
            parts.append('<ul class="tw-rehearsal-elements">')
            for element in question.elements:
                done = element.id in reply.covered
                parts.append(
                    f'<li data-element="{escape(element.id)}" data-covered="{str(done).lower()}">'
                    f'<span class="tw-mark">{COVERED if done else TO_ADD}:</span> '
                    f"{escape(element.text)}</li>"
                )
            parts.append("</ul>")
            sources = ", ".join(
                f'<a href="{escape(source_href(s, link_base))}">{escape(s.short)}</a>'
                for s in question.sources
            )
            parts.append(
                f'<p class="tw-rehearsal-hint">{HINT}: {escape(question.hint)} '
                f'<a href="{escape(question.href(link_base))}">{READ_MORE}</a> · '
                f"{SOURCES}: {sources}</p></section>"
            )
        parts.append("</section>")
    parts.append("</article>")
    return "".join(parts)


def render_sheet_markdown(sheet: PrepSheet, link_base: str = "") -> str:
    """The sheet as Markdown with task-list boxes for the elements."""
    lines = [f"# {TITLE}", ""]
    for moment, questions in _by_moment(sheet):
        lines += [f"## {escape_markdown(moment.title)}", ""]
        for question in questions:
            reply = sheet.reply(question)
            lines += [
                f"### {escape_markdown(question.prompt)}",
                "",
                f"*{CONCERN}:* {escape_markdown(question.concern.title)} · "
                f"{_tally(sheet, question)}",
                "",
            ]
            if reply.text:
                lines += [
                    f"> {escape_markdown_block(line)}" if line else ">"
                    for line in reply.text.split("\n")
                ]
            else:
                lines.append(NO_REPLY)
            lines.append("")
            lines += [
                f"- [{'x' if e.id in reply.covered else ' '}] {escape_markdown(e.text)}"
                for e in question.elements
            ]
            sources = ", ".join(
                f"[{escape_markdown(s.short)}]({source_href(s, link_base)})"
                for s in question.sources
            )
            lines += [
                "",
                f"*{HINT}:* {escape_markdown(question.hint)} "
                f"[{READ_MORE}]({question.href(link_base)}) · {SOURCES}: {sources}",
                "",
            ]
    return "\n".join(lines)


def render_sheet_text(sheet: PrepSheet, width: int = 78) -> str:
    """The sheet as plain text, wrapped to `width` columns."""

    def wrap(text: str, first: str = "", rest: str = "") -> list[str]:
        return textwrap.wrap(
            text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
        ) or [first.rstrip()]

    lines = [TITLE, "=" * len(TITLE), ""]
    number = 0
    for moment, questions in _by_moment(sheet):
        lines += [moment.title, "-" * len(moment.title), ""]
        for question in questions:
            number += 1
            reply = sheet.reply(question)
            lines += wrap(question.prompt, f"{number}. ", " " * (len(str(number)) + 2))
            lines += wrap(f"{CONCERN}: {question.concern.title} · {_tally(sheet, question)}",
                          "   ", "   ")  # fmt: skip
            if reply.text:
                for line in reply.text.split("\n"):
                    lines += wrap(line, "   | ", "   | ")
            else:
                lines.append(f"   {NO_REPLY}")
            lines += [
                row
                for e in question.elements
                for row in wrap(e.text, f"   [{'x' if e.id in reply.covered else ' '}] ", " " * 7)
            ]
            lines += wrap(f"{HINT}: {question.hint} ({question.link})", "   ", "   ")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


SHEET_RENDERERS: dict[str, Callable[[PrepSheet], str]] = {
    "md": render_sheet_markdown,
    "html": lambda sheet: render_sheet_html(sheet) + "\n",
    "text": render_sheet_text,
}
"""Each output format of the prep sheet by name, as the command line offers them."""
