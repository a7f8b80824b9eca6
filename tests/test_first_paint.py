"""What a page loads before its first paint: no script file holds it up but the one an
inline script of the theme needs at once, and every stylesheet is asked for at the start."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

BLOCKING_ALLOWED = "documentation_options.js"
"""Read at once by an inline script of the theme's."""
SEARCH_PAGE = "search.html"
"""Its search tools need their scripts as they load (and it has no widget)."""
IMPORT = re.compile(r"""@import\s+["']([^"']+)""")


def head(page: Path) -> Tag:
    found = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
    assert found is not None, page
    return found


def pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_")]


def test_no_script_file_blocks_the_first_paint_but_the_one_the_theme_needs_at_once(
    built_site: Path,
) -> None:
    blocking = {
        f"{page.relative_to(built_site)}: {script['src']}"
        for page in pages(built_site)
        if page.name != SEARCH_PAGE
        for script in head(page).find_all("script", src=True)
        if not {"defer", "async"} & set(script.attrs)
        and script.get("type") != "module"
        and BLOCKING_ALLOWED not in str(script["src"])
    }
    assert blocking == set()


def test_stylesheets_a_stylesheet_imports_are_preloaded_with_it(built_site: Path) -> None:
    page = built_site / "tools" / "planner.html"
    hrefs = [str(link["href"]).split("?")[0] for link in head(page).find_all("link", href=True)]
    asked = {posixpath.normpath(posixpath.join("tools", href)) for href in hrefs}
    imported = {
        posixpath.normpath(posixpath.join(posixpath.dirname(sheet), name))
        for sheet in asked
        if sheet.endswith(".css")
        for name in IMPORT.findall((built_site / sheet).read_text(encoding="utf-8"))
    }
    assert "_static/basic.css" in imported  # the theme's, through theme.css
    assert imported <= asked
