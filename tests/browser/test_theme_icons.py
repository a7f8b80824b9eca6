"""The theme's icons are drawn by the web font in its stylesheet, without its icon script."""

from __future__ import annotations

import pytest
from browsing import CHAPTER_PAGE
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

ICON_FONT = "Font Awesome 6 Free"
# For each icon the theme shows: the glyph its ::before draws, and the font drawing it.
GLYPHS = """() => [...document.querySelectorAll("i.fa-solid, i.fas")].map((icon) => {
  const before = getComputedStyle(icon, "::before");
  return [icon.className, before.content, before.fontFamily];
})"""


@pytest.mark.parametrize("path", ["index.html", CHAPTER_PAGE])
def test_theme_icons_show_from_the_web_font_and_its_script_is_not_loaded(
    page: Page, site_url: str, path: str
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + path)
    page.evaluate("document.fonts.ready")

    icons = page.evaluate(GLYPHS)
    assert len(icons) >= 5  # search, navigation, download, theme switch, back to top
    blank = [name for name, content, font in icons if content in ("", "none", "normal")]
    assert blank == []
    assert all(ICON_FONT in font for _, _, font in icons)
    loaded = "[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)"
    assert any(ICON_FONT in family for family in page.evaluate(loaded))
    assert [url for url in requested if "fontawesome.js" in url] == []
