"""Notebook pages without the widgets' saved state.

myst-nb embeds a notebook's ipywidgets state in its page as a script of type
``application/vnd.jupyter.widget-state+json`` for a widget manager to read. The book loads
no widget manager (conf.py: no scripts from public CDNs), so the state, hundreds of
kilobytes for the planner's form, would only weigh the page down: it is left out.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
AFTER_MYST_NB = 900
"""html-page-context priority: myst-nb adds the page's scripts at the default, 500."""


def drop_widget_state(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        scripts[:] = [
            js for js in scripts if getattr(js, "attributes", {}).get("type") != WIDGET_STATE
        ]


def setup_notebooks(app: Sphinx) -> None:
    app.connect("html-page-context", drop_widget_state, priority=AFTER_MYST_NB)
