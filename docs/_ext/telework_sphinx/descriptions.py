"""A meta description for every page: its first paragraph of prose, shortened.

A page can set its own in its front matter (``html_meta: {description: …}``); pages with
no text of their own (search, index) take the book's, i.e. the root page's.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.nodes import traverse_parent

MAX_LENGTH = 160
"""About what search engines show; longer text keeps its whole sentences that fit."""
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
NOT_PROSE = (nodes.Admonition, nodes.block_quote, nodes.container, nodes.field_list, nodes.table)
"""Paragraphs inside these are asides, notices or generated entries, not the page's text."""


def first_paragraph(doctree: nodes.Node) -> str:
    """The text of the page's first paragraph of prose, whitespace collapsed; "" if none."""
    for paragraph in doctree.findall(nodes.paragraph):
        if not any(isinstance(parent, NOT_PROSE) for parent in traverse_parent(paragraph)):
            text = " ".join(paragraph.astext().split())
            if text:
                return text
    return ""


def shorten(text: str, limit: int = MAX_LENGTH) -> str:
    """`text`'s first sentences that fit in `limit` characters; if not even one fits, the
    first sentence cut at a word, with "…"."""
    kept = ""
    for sentence in SENTENCE_END.split(text):
        longer = f"{kept} {sentence}".lstrip()
        if len(longer) > limit:
            break
        kept = longer
    if kept:
        return kept
    words = text[: limit - 1].rsplit(" ", 1)[0]
    return words.rstrip(" ,;:-\u2013\u2014") + "…"  # no dangling punctuation or dash


def add_description(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    metatags = str(context.get("metatags", ""))
    if 'name="description"' in metatags:
        return
    text = first_paragraph(doctree) if doctree is not None else ""
    if not text:
        text = first_paragraph(app.env.get_doctree(app.config.root_doc))
    if text:
        description = escape(shorten(text))
        context["metatags"] = f'{metatags}<meta name="description" content="{description}" />\n'


def setup_descriptions(app: Sphinx) -> None:
    app.connect("html-page-context", add_description)
