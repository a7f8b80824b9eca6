"""One renderer per format, each taking a Checklist; used by the CLI, the book and the browser."""

from .html import render_html
from .json import checklist_to_dict, render_json
from .markdown import render_markdown
from .text import render_text

__all__ = ["checklist_to_dict", "render_html", "render_json", "render_markdown", "render_text"]
