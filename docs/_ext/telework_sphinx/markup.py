"""HTML elements for the widgets' markup: attribute values escaped, children already HTML."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

Attrs = Mapping[str, str | bool | None]
"""Attribute values: text (escaped), True for a bare attribute, False or None to leave out."""


def tag(name: str, attrs: Attrs | None = None, *children: str) -> str:
    """`<name attrs>children</name>`; write text children with `text`."""
    return f"<{name}{_attrs(attrs or {})}>{''.join(children)}</{name}>"


def void(name: str, attrs: Attrs | None = None) -> str:
    """An element with no content or end tag, such as `input`."""
    return f"<{name}{_attrs(attrs or {})}>"


def text(value: str) -> str:
    """Text as HTML."""
    return escape(value)


def _attrs(attrs: Attrs) -> str:
    return "".join(
        f" {key}" if value is True else f' {key}="{escape(value)}"'
        for key, value in attrs.items()
        if value is not False and value is not None
    )
