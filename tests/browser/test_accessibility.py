"""axe-core (offline, via axe-playwright-python) on the landing page, a chapter and the planner.

Automated scans find only part of the accessibility problems a page can have; the
keyboard test in test_planner_live.py and reading the pages with a screen reader cover
more. Serious and critical violations fail the test.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import CHAPTER_PAGE, PLANNER_PAGE, wait_until_settled
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

FAILING_IMPACTS = {"serious", "critical"}
IGNORED_RULES: dict[str, str] = {
    # Rule id -> why it is ignored. Keep this empty unless a rule misfires on markup
    # the book does not control.
}
PAGES = {
    "landing page": ("index.html", False),
    "chapter with a planner": (CHAPTER_PAGE, True),
    "planner page": (PLANNER_PAGE, True),
}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize(("path", "has_planner"), PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_accessibility_violation(
    page: Page, site_url: str, axe: Axe, path: str, has_planner: bool
) -> None:
    page.goto(site_url + path)
    if has_planner:
        page.locator(".tw-planner").first.scroll_into_view_if_needed()
        wait_until_settled(page)  # scan the live widget, as readers use it
    options = {
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in IGNORED_RULES},
    }
    results = axe.run(page, options=options)
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in results.response["violations"]
        if v["impact"] in FAILING_IMPACTS
    ]
    assert problems == []
