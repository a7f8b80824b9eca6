"""The planner's status line while Python starts: progress as a percentage, on one line on
a phone, and silent about loading once the start has failed."""

from __future__ import annotations

import re

import pytest
from browsing import PLANNER_PAGE
from playwright.sync_api import BrowserContext, Route, expect

pytestmark = pytest.mark.browser

STATUS = ".tw-planner .tw-status"
WASM = "**/pyodide/pyodide.asm.wasm"
STDLIB = "**/pyodide/python_stdlib.zip"
COUNT_PROGRESS = """
window.progressAfterFailure = 0;
const Original = window.Worker;
window.Worker = class extends Original {
  constructor(...args) {
    super(...args);
    let failed = false;
    this.addEventListener("message", ({ data }) => {
      if (data.type === "failed") failed = true;
      else if (data.type === "progress" && failed) window.progressAfterFailure += 1;
    });
  }
};
"""
"""An init script counting the progress reports Python's worker sends after its "failed"."""


@pytest.fixture
def context(sized_context: BrowserContext) -> BrowserContext:
    """Every test here runs at both screen sizes."""
    return sized_context


def test_loading_shows_a_percentage_on_one_line(context: BrowserContext, site_url: str) -> None:
    held: list[Route] = []  # the runtime's .wasm, kept back: loading stays under way
    context.route(WASM, lambda route: held.append(route))
    page = context.new_page()
    page.goto(site_url + PLANNER_PAGE)
    status = page.locator(STATUS)
    expect(status).to_have_text(re.compile(r"Starting the live planner… \d{1,2}%"))
    lines = status.evaluate(
        "s => Math.round(s.getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(s).lineHeight))"
    )
    assert lines == 1
    for route in held:
        route.continue_()
    page.wait_for_selector(".tw-planner[data-state=live]")


def test_a_failed_start_says_nothing_more_about_loading(
    context: BrowserContext, site_url: str
) -> None:
    held: list[Route] = []
    context.route(WASM, lambda route: held.append(route))
    context.route(STDLIB, lambda route: route.abort())  # the start fails at once
    page = context.new_page()
    page.add_init_script(COUNT_PROGRESS)
    page.goto(site_url + PLANNER_PAGE)
    page.wait_for_selector(".tw-planner[data-state=unavailable]")
    for route in held:
        route.continue_()  # its bytes now arrive, and are counted, after the failure
    page.wait_for_function("() => window.progressAfterFailure > 0")
    assert page.inner_text(STATUS) == ""
    assert page.locator(".tw-unavailable").is_visible()
