"""Every page of the built book, at a wide and a phone viewport: axe-core (offline, via
axe-playwright-python), the visible search controls and the console of a first visit.

Automated scans find only part of the accessibility problems a page can have; the
keyboard test in test_planner_live.py and reading the pages with a screen reader cover
more. Findings of any impact fail the test. One browser page visits every page in turn,
so the sweep runs once for all the tests below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import BOOT_TIMEOUT_MS, VIEWPORTS, axe_findings, context_at, wait_until_settled
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

IGNORED_RULES: dict[str, str] = {
    # Rule id -> why it is ignored. Keep this empty unless a rule misfires on markup
    # the book does not control.
}
SEARCH_CONTROLS = """els => els.filter((el) => el.checkVisibility()).length"""
RESOURCE_ERROR = "Failed to load resource"
"""Console errors of this kind are requests that failed; test_book.py checks links."""


@dataclass
class Visit:
    violations: list[str] = field(default_factory=list)
    search_controls: int = 0
    console_errors: list[str] = field(default_factory=list)


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as paths from its root."""
    pages = site_dir.rglob("*.html")
    return sorted(p.relative_to(site_dir).as_posix() for p in pages if "_static" not in p.parts)


SETTLED_ANIMATIONS = "() => document.getAnimations().every((a) => a.playState !== 'running')"


def visit(page: Page, axe: Axe, url: str, errors: list[str]) -> Visit:
    """Open `url` and scan it; `errors` collects the page's console errors."""
    errors.clear()
    page.goto(url)
    widgets = page.locator(".tw-planner")
    if widgets.count():  # scan the live widget, as readers use it
        widgets.first.scroll_into_view_if_needed()
        if page.locator(".tw-planner .tw-result").count():
            wait_until_settled(page)
        else:  # the rehearsal and the trial tracker: live once Python answers
            page.wait_for_selector(".tw-planner[data-state=live]", timeout=BOOT_TIMEOUT_MS)
        page.evaluate("() => window.scrollTo(0, 0)")  # back at the top, as readers arrive
        page.wait_for_function(SETTLED_ANIMATIONS)
    return Visit(
        violations=axe_findings(page, axe, ignored=IGNORED_RULES),
        search_controls=page.eval_on_selector_all(
            ".search-button-field, .search-button", SEARCH_CONTROLS
        ),
        console_errors=[e for e in errors if not e.startswith(RESOURCE_ERROR)],
    )


@pytest.fixture(scope="module")
def sweep(browser: Browser, site_url: str, site_dir: Path) -> dict[str, Visit]:
    """What a first visit found on each page: keys are "<viewport name> <page path>"."""
    axe = Axe()
    found: dict[str, Visit] = {}
    errors: list[str] = []
    for name, viewport in VIEWPORTS.items():
        with context_at(browser, viewport) as context:
            context.add_init_script("localStorage.clear()")  # each visit is a first visit
            page = context.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            for path in site_pages(site_dir):
                found[f"{name} {path}"] = visit(page, axe, site_url + path, errors)
    return found


def test_the_sweep_visits_every_chapter_at_both_viewports(sweep: dict[str, Visit]) -> None:
    for name in VIEWPORTS:
        assert f"{name} index.html" in sweep
        assert f"{name} tools/planner.html" in sweep
        assert f"{name} notebooks/build-your-plan.html" in sweep
    assert len(sweep) >= 2 * 25


def test_no_page_has_any_accessibility_finding(sweep: dict[str, Visit]) -> None:
    problems = {where: v.violations for where, v in sweep.items() if v.violations}
    assert problems == {}


def test_every_page_shows_one_search_control(sweep: dict[str, Visit]) -> None:
    counts = {where: v.search_controls for where, v in sweep.items() if v.search_controls != 1}
    assert counts == {}


def test_a_first_visit_logs_no_console_error(sweep: dict[str, Visit]) -> None:
    # The theme used to log "Got invalid theme mode" here, with no mode stored yet.
    errors = {where: v.console_errors for where, v in sweep.items() if v.console_errors}
    assert errors == {}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_the_landing_page_shows_its_start_button_without_scrolling(
    browser: Browser, site_url: str, viewport: dict[str, int]
) -> None:
    height = viewport["height"]
    page = browser.new_page(viewport={"width": viewport["width"], "height": height})
    page.goto(site_url + "index.html")
    start = page.get_by_role("main").get_by_role("link", name="Build your plan", exact=True)
    box = start.bounding_box()
    assert box is not None and start.is_visible()
    assert box["y"] + box["height"] <= height
    start.click()
    page.wait_for_url("**/tools/planner.html")
    page.close()


SHOW_BACK_TO_TOP = """async () => {
  const button = document.getElementById("pst-back-to-top");
  const to = (y) => new Promise((done) => {
    addEventListener("scroll", done, { once: true });
    scrollTo({ top: y, behavior: "instant" }); // not smooth: one scroll event each
  });
  await to(document.documentElement.scrollHeight - innerHeight);
  for (let tries = 0; tries < 10 && getComputedStyle(button).display === "none"; tries++) {
    await to(scrollY - 100); // up: the theme shows it
  }
}"""


def test_the_back_to_top_button_shown_while_scrolling_up_is_readable(
    browser: Browser, site_url: str
) -> None:
    """The sweep scans pages at their top, where the theme hides this button; it shows it
    on phones, to readers scrolling back up."""
    with context_at(browser, VIEWPORTS["phone"]) as context:
        page = context.new_page()
        page.goto(site_url + "reference/how-the-planner-decides.html")  # long, no widget
        page.evaluate(SHOW_BACK_TO_TOP)
        page.wait_for_function(SETTLED_ANIMATIONS)
        response = Axe().run(page, context="#pst-back-to-top").response
    assert [v["id"] for v in response["violations"]] == []
    checked = {rule["id"] for rule in response["passes"]}
    assert "color-contrast" in checked  # it was shown when scanned (axe skips hidden ones)
