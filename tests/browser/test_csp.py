"""Every page runs under its Content-Security-Policy, sent in a <meta> and as headers, and
nothing on any page, live widgets included, breaks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import BOOT_TIMEOUT_MS, PLANNER_PAGE, PYTHON_WIDGETS
from playwright.sync_api import ConsoleMessage, Page

pytestmark = pytest.mark.browser

WATCH = """window.violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.violations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
});"""
ALL_LIVE = """(selector) => [...document.querySelectorAll(selector)]
  .every((widget) => widget.dataset.state === "live")"""
INLINE_CODE = """() => [...document.querySelectorAll("*")].flatMap((element) =>
  [...element.attributes]
    .filter((a) => a.name.startsWith("on") || /^\\s*javascript:/i.test(a.value))
    .map((a) => `<${element.localName} ${a.name}>`))"""
HEADER_ONLY = "frame-ancestors 'none'"
"""Headers add what a <meta> policy cannot carry."""
THEME_NOISE = "Got invalid theme mode"
"""The theme's console error on a fresh profile, which has no stored colour mode yet."""


def directives(policy: str) -> dict[str, str]:
    """A policy's directives: {name: its sources}."""
    return {
        name: sources for name, _, sources in (d.strip().partition(" ") for d in policy.split(";"))
    }


def book_pages(site: Path) -> list[str]:
    """The site's pages (not the theme's template fragments in _static/)."""
    pages = (page.relative_to(site) for page in site.rglob("*.html"))
    return sorted(p.as_posix() for p in pages if not p.parts[0].startswith(("_", ".")))


@pytest.fixture
def watched(page: Page) -> list[str]:
    """Console errors and uncaught exceptions on the page; policy violations are collected
    in window.violations."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and THEME_NOISE not in message.text:
            errors.append(message.text)

    page.add_init_script(WATCH)
    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_every_page_and_its_widgets_run_without_a_policy_violation(
    page: Page, site_url: str, site_dir: Path, watched: list[str]
) -> None:
    pages = book_pages(site_dir)
    assert PLANNER_PAGE in pages
    problems: dict[str, list[str]] = {}
    for path in pages:
        response = page.goto(site_url + path)
        assert response is not None
        meta = page.locator('meta[http-equiv="Content-Security-Policy"]')
        policy = meta.get_attribute("content") or ""
        header = response.headers.get("content-security-policy", "")
        for widget in page.locator(PYTHON_WIDGETS).all():
            widget.scroll_into_view_if_needed()  # chapter widgets start when seen
        # Python runs in its worker, under the worker's own policy.
        page.wait_for_function(ALL_LIVE, arg=PYTHON_WIDGETS, timeout=BOOT_TIMEOUT_MS)
        script_src = directives(policy).get("script-src", "")
        found = [
            *page.evaluate("window.violations"),
            *page.evaluate(INLINE_CODE),
            *watched,
            *([] if script_src.startswith("'self'") else [f"script-src: {script_src!r}"]),
            *(["scripts allow unsafe-inline"] if "unsafe-inline" in script_src else []),
            *([] if header == f"{policy}; {HEADER_ONLY}" else [f"header policy: {header!r}"]),
            *([] if response.headers.get("x-content-type-options") == "nosniff" else ["sniffing"]),
        ]
        if found:
            problems[path] = found
        watched.clear()
    assert problems == {}


def test_the_policy_blocks_script_injected_into_a_page(
    page: Page, site_url: str, watched: list[str]
) -> None:
    page.goto(site_url + "index.html")
    page.evaluate("""() => {
      window.ran = [];
      const script = document.createElement("script");
      script.textContent = "window.ran.push('inline script')";
      document.body.append(script);
      const button = document.createElement("button");
      button.setAttribute("onclick", "window.ran.push('inline handler')");
      document.body.append(button);
      button.click();
    }""")
    page.wait_for_function("() => window.violations.length >= 2")
    assert page.evaluate("window.ran") == []
    assert set(page.evaluate("window.violations")) == {
        "script-src-attr blocked inline",
        "script-src-elem blocked inline",
    }


def test_the_themes_print_button_prints_without_an_inline_handler(
    page: Page, site_url: str
) -> None:
    page.add_init_script("window.printed = 0; window.print = () => { window.printed += 1; };")
    page.goto(site_url + "index.html")
    button = page.locator(".btn-download-pdf-button")
    assert button.get_attribute("onclick") is None
    page.locator(".dropdown-download-buttons > button").click()
    button.click()
    assert page.evaluate("window.printed") == 1


def test_the_workers_own_policy_lets_python_compile_and_nothing_else(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + PLANNER_PAGE)
    response = page.request.get(site_url + "_static/planner/worker.mjs")
    assert response.headers["content-security-policy"] == (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'"
    )
    page_policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute(
        "content"
    )
    assert page_policy is not None
    assert "wasm" not in page_policy and "eval" not in page_policy
