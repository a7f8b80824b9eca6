"""Sphinx configuration of the Telework Guidebook (the only one; the source directory is docs/).

Build: python -m sphinx -b html -c . docs _build/html -W --keep-going
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

# Build speed: jsonschema (imported by nbformat) compiles ~40 grammars of the optional
# rfc3987-syntax package at import, about 2 s per build, for a URI format check that
# notebook validation never uses. Marking the module absent makes jsonschema skip it.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

# -- Project ------------------------------------------------------------------------------

project = "Telework Guidebook"
author = "The Telework Guidebook authors"
copyright = "The Telework Guidebook authors"
language = "en"

# -- Extensions ---------------------------------------------------------------------------

extensions = [
    "myst_nb",  # registers myst_parser itself; listing both is an error
    "sphinx_design",
    "sphinx_external_toc",
    "sphinx.ext.autodoc",
    "telework_sphinx",
]

root_doc = "index"
external_toc_path = "_toc.yml"  # relative to the source directory
external_toc_exclude_missing = False

exclude_patterns = [
    "_build",
    "_ext",
    "_templates",
    "_toc.yml",
    "**.ipynb_checkpoints",
    ".jupyter_cache",
    "Thumbs.db",
    ".DS_Store",
]

# -- MyST ---------------------------------------------------------------------------------

myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "fieldlist",
    "attrs_inline",
    "attrs_block",
    "substitution",
    "tasklist",
    "smartquotes",
]
myst_heading_anchors = 3
myst_url_schemes = ["mailto", "http", "https"]

# -- Notebooks ----------------------------------------------------------------------------

# Executed at build time; the cache (under the output's parent, see jupyter_cache) keeps
# no-change rebuilds fast, and a notebook re-runs only when its code changes.
nb_execution_mode = "cache"
nb_execution_timeout = 60
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
# No require.js or widget manager from public CDNs: widget outputs fall back to their
# text representation in the static site (the web planner is the live widget).
nb_ipywidgets_js: dict[str, dict[str, str]] = {}
# Without that manager a widget view would be an empty box: never pick it, so outputs show
# their HTML fallback (the notebook planner's is its checklist and where to use it live).
nb_mime_priority_overrides = [("*", "application/vnd.jupyter.widget-view+json", None)]

# -- Autodoc ------------------------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_class_signature = "separated"

nitpicky = True
nitpick_ignore: list[tuple[str, str]] = [
    # Targets in the standard library that have no documentation to link to offline
    # (no intersphinx: the build makes no network request).
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "datetime.date"),
    ("py:class", "importlib.resources.abc.Traversable"),
    ("py:class", "pathlib.Path"),
    ("py:class", "Path"),  # the same two, as written in some annotations
    ("py:class", "Traversable"),
]

# -- HTML ---------------------------------------------------------------------------------

html_theme = "sphinx_book_theme"
html_title = "Telework Guidebook"
html_static_path = ["docs/_static"]  # relative to this file
templates_path = ["docs/_templates"]  # the theme, less its icon and search scripts
html_css_files = ["book.css"]
# Icons (drawn by tools/render_icons.py from icon.svg): the tab's icon, /favicon.ico for
# browsers that ask for it at the root, and the app icons of the web app manifest.
html_favicon = "docs/_static/icons/icon.svg"
html_extra_path = ["docs/_extra"]
html_sourcelink_suffix = ""
html_copy_source = True  # the download button offers the page source
html_show_sphinx = False
html_last_updated_fmt = None
# The theme's colour mode before the reader picks one: without it, a first visit logs
# "Got invalid theme mode" (the theme reads an empty default).
html_context = {"default_mode": "auto"}
# The sidebar: the book's title in a landmark, then the chapters. Search is the header's
# button alone (the theme's sidebar search field drew it a second time on wide screens).
html_sidebars = {"**": ["book-title.html", "sbt-sidebar-nav.html"]}
html_theme_options = {
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "use_issues_button": False,
    "use_edit_page_button": False,
    "use_source_button": False,
    "search_bar_text": "Search this book…",
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "extra_footer": "",
    "footer_content_items": ["copyright"],
    "footer_start": ["copyright"],
    "footer_center": [],
    "footer_end": [],
    "analytics": {},
    "icon_links": [],
}
# MathJax would come from a CDN, and Sphinx adds it to any page with math. The book has
# none: "dollarmath"/"amsmath" stay off, so math can only come from an explicit {math}
# role, and tests/test_book.py fails on any external asset if one slips in.
